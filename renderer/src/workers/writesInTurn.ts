/**
 * Writes that go one after another, in order, while the caller prepares the next (an import builds
 * its next block, a restore reads its next entries). At most one write is in flight, so a slow disk
 * holds the reader back instead of letting what it prepared pile up in memory.
 */
export class WritesInTurn {
  private inFlight: Promise<void> = Promise.resolve();

  /** Starts `write` once the write before it is done (and fails if that one failed). */
  async next(write: () => Promise<void>): Promise<void> {
    await this.inFlight;
    const writing = write();
    // Awaited by the next write or by `settled`; until then its failure is not unhandled.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  /** Resolves once the last write has committed, or rejects with its failure. */
  settled(): Promise<void> {
    return this.inFlight;
  }
}
