import * as Comlink from 'comlink';

/**
 * Where bytes written a piece after another go: the file the user chose to save into, or a Blob
 * being gathered. A write's promise settles once the piece is written, so a writer that awaits it
 * goes no faster than the sink; from then on the sink keeps nothing of it. A piece may be written
 * before the one before it has settled: the sink writes them in the order given. A sink in another
 * thread gives the piece back once written (`returningPieces`), for the writer to fill again.
 */
export type ByteSink = { write(piece: Uint8Array): Promise<Uint8Array | void> | void };

/**
 * A sink that gathers what is written into a Blob: each piece is handed to the browser's blob store
 * as it comes (which holds it, on disk if need be), so this thread's memory does not grow with it.
 */
export class BlobSink implements ByteSink {
  private readonly parts: Blob[] = [];

  write(piece: Uint8Array): void {
    this.parts.push(new Blob([piece as Uint8Array<ArrayBuffer>]));
  }

  blob(type = ''): Blob {
    return new Blob(this.parts, { type });
  }
}

/**
 * A sink handed to a writer in another thread: each piece, once written, is moved back to the
 * writer, which fills it again rather than making another.
 */
export const returningPieces = (sink: ByteSink): ByteSink =>
  Comlink.proxy({
    async write(piece: Uint8Array) {
      await sink.write(piece);
      return Comlink.transfer(piece, [piece.buffer]);
    },
  });
