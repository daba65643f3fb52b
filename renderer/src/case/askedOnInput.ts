/**
 * An answer asked for as the user acted, for the view the action opens: the click asks the engine,
 * which works while React renders the frame the click changed (10-20 ms on a million rows here),
 * instead of once the view has mounted and its effect asks. One answer is kept, by key, until the
 * view takes it; taken, it is forgotten (it can hold names).
 */
export class AskedOnInput<T> {
  private asked: { key: string; answer: Promise<T> } | null = null;

  /** Asks now, for `take` to find (unless the same is already asked). */
  ask(key: string, request: () => Promise<T>): void {
    if (this.asked?.key === key) return;
    const answer = request();
    // Awaited by the view that takes it; not left unhandled if none does.
    answer.catch(() => undefined);
    this.asked = { key, answer };
  }

  /** The answer asked for as the view was opened, else asked for now. */
  take(key: string, request: () => Promise<T>): Promise<T> {
    const answer = this.asked?.key === key ? this.asked.answer : request();
    this.asked = null;
    return answer;
  }
}
