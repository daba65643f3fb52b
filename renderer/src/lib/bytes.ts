/**
 * Bytes in the renderer and its workers: reading a Blob a chunk at a time, and SHA-256 in hex.
 * Bytes in memory are hashed by WebCrypto, natively. What is hashed as it streams (a customs file
 * of gigabytes, an archive's entry) is hashed by hash-wasm, since WebCrypto's digest needs it whole
 * in memory: 325 MB/s here against 98 MB/s for @noble/hashes in JS, which took 2.5 s of the store
 * worker's time per million rows imported.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import * as Comlink from 'comlink';
import { createSHA256, type IHasher } from 'hash-wasm';
import { blobReadError } from './chosenFile';

/** A stream's chunks as an async iterable, read as they are needed. */
async function* streamChunks<T>(
  stream: ReadableStream<T>,
  readError: (error: unknown) => unknown = (error) => error,
): AsyncIterable<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw readError(error);
      });
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A Blob's bytes as an async iterable of chunks, read as they are needed. */
export const blobChunks = (blob: Blob): AsyncIterable<Uint8Array> =>
  streamChunks(blob.stream(), blobReadError);

/** Bytes another worker takes a piece at a time (`piecesFrom` there); null once there are none. */
export type PieceSource = { next(): Promise<{ piece: Uint8Array | null }>; close(): Promise<void> };

/**
 * `pieces` for another worker to take, each made only when it asks for it and moved to it, not
 * copied: a piece that is a view of a larger buffer is copied out first, so nothing else is moved
 * with it. (A stream moved between workers copies every piece it carries, and each stayed in the
 * memory of the worker that made it until collected: a restore of two 90 MB files peaked some
 * 70 MB higher so, in medians of 3 restores.)
 */
export function pieceSource(pieces: AsyncIterable<Uint8Array>): PieceSource & Comlink.ProxyMarked {
  const iterator = pieces[Symbol.asyncIterator]();
  return Comlink.proxy({
    async next() {
      const next = await iterator.next();
      if (next.done) return { piece: null };
      const { buffer, byteOffset, byteLength } = next.value;
      const whole = byteOffset === 0 && byteLength === buffer.byteLength;
      const piece = whole ? next.value : next.value.slice();
      return Comlink.transfer({ piece }, [piece.buffer]);
    },
    async close() {
      await iterator.return?.(undefined);
    },
  });
}

/**
 * The pieces of a `pieceSource` (in another worker, through its proxy, which is released once
 * collected). The next is asked for as one is handed on, so that the source reads and checks it
 * while this worker stores the one before: one piece ahead, never more.
 */
export async function* piecesFrom(source: PieceSource): AsyncGenerator<Uint8Array> {
  let asked: Promise<{ piece: Uint8Array | null }> | null = source.next();
  try {
    for (;;) {
      const { piece }: { piece: Uint8Array | null } = await asked;
      asked = null;
      if (piece === null) return;
      asked = source.next();
      yield piece;
    }
  } finally {
    // Stopped early (its storing failed): the source stops making pieces too.
    if (asked) {
      await asked.catch(() => undefined);
      await source.close().catch(() => undefined);
    }
  }
}

/** SHA-256 of bytes given a part at a time: `update` with each, then `hex` once. */
export type StreamingSha256 = { update(part: Uint8Array): void; hex(): string };

export async function streamingSha256(): Promise<StreamingSha256> {
  const hasher: IHasher = await createSHA256();
  hasher.init();
  return {
    update: (part) => void hasher.update(part),
    hex: () => hasher.digest('hex'),
  };
}

/**
 * SHA-256 of a Blob or of bytes in memory, as lower-case hex. A Blob's stops between chunks once
 * `signal` is aborted (a customs file of gigabytes takes seconds). Each chunk hashed (bytes in
 * memory: all of them at once) is handed to `seen`, if given (an import's line index is counted so).
 */
export async function sha256Hex(
  data: Blob | Uint8Array,
  signal?: AbortSignal,
  seen?: (chunk: Uint8Array) => void,
): Promise<string> {
  if (data instanceof Blob) {
    const hash = await streamingSha256();
    for await (const chunk of blobChunks(data)) {
      signal?.throwIfAborted();
      hash.update(chunk);
      seen?.(chunk);
    }
    return hash.hex();
  }
  signal?.throwIfAborted();
  seen?.(data);
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(digest));
}
