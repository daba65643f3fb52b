/**
 * Wraps a piece of work so that only the latest request runs: each call first yields one task, so
 * that requests already sent after it are seen, and resolves to null without running if one of them
 * has superseded it. For a worker answering a page that asks again on every keystroke: a query the
 * page no longer waits for is never computed.
 */
export function latestOnly<A extends unknown[], R>(
  work: (...args: A) => R,
): (...args: A) => Promise<R | null> {
  let latest = 0;
  return async (...args: A) => {
    latest += 1;
    const mine = latest;
    await new Promise((resolve) => setTimeout(resolve, 0));
    return mine === latest ? work(...args) : null;
  };
}
