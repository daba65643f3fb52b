/**
 * The line on which each record was first seen, by the record's 53-bit hash (see rowSink.ts): how an
 * import flags exact duplicates without keeping every record. A hash table over typed arrays rather
 * than a Map: a Map keeps each 53-bit key as a heap number, some 40 bytes an entry and an object for
 * the garbage collector to walk; here an entry takes 12 bytes, in three arrays, at most three
 * quarters full (half full, ten million rows took 402 MB, and 603 MB as it grew, against 201 and
 * 302 now; a fuller table takes a few more steps to find a free slot, beside parsing the row).
 * With it, a ten-million-row import peaked at 1,230 MB of renderer memory against 1,942 before.
 */
const EMPTY = 0;

export class FirstLines {
  private lows = new Uint32Array(1 << 16);
  private highs = new Uint32Array(1 << 16);
  /** Each slot's line plus one: 0 marks an empty slot. */
  private lines = new Int32Array(1 << 16);
  private size = 0;

  /** Where `hash` is, or the empty slot where it would go. */
  private slot(low: number, high: number): number {
    const mask = this.lines.length - 1;
    let at = (low ^ Math.imul(high, 0x9e3779b1)) & mask;
    while (this.lines[at] !== EMPTY && (this.lows[at] !== low || this.highs[at] !== high))
      at = (at + 1) & mask;
    return at;
  }

  /**
   * The line `hash` was first seen on; or, the first time it is seen, undefined, and `line` is
   * remembered for it.
   */
  firstOrRemember(hash: number, line: number): number | undefined {
    const low = hash >>> 0;
    const high = Math.floor(hash / 0x1_0000_0000) >>> 0;
    const at = this.slot(low, high);
    if (this.lines[at] !== EMPTY) return this.lines[at] - 1;
    this.lows[at] = low;
    this.highs[at] = high;
    this.lines[at] = line + 1;
    this.size += 1;
    if (this.size * 4 > this.lines.length * 3) this.grow();
    return undefined;
  }

  private grow(): void {
    const { lows, highs, lines } = this;
    this.lows = new Uint32Array(lines.length * 2);
    this.highs = new Uint32Array(lines.length * 2);
    this.lines = new Int32Array(lines.length * 2);
    for (let old = 0; old < lines.length; old += 1) {
      if (lines[old] === EMPTY) continue;
      const at = this.slot(lows[old], highs[old]);
      this.lows[at] = lows[old];
      this.highs[at] = highs[old];
      this.lines[at] = lines[old];
    }
  }
}
