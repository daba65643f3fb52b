/**
 * Bytes in the renderer and its workers: reading a Blob a chunk at a time, and SHA-256 in hex.
 * Bytes in memory are hashed by WebCrypto, natively and several times faster than @noble/hashes;
 * a Blob (a customs file may be gigabytes) is hashed as it streams, by @noble/hashes, since
 * WebCrypto's digest needs it whole in memory.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { blobReadError } from './chosenFile';

/** A Blob's bytes as an async iterable of chunks, read as they are needed. */
export async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw blobReadError(error);
      });
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** SHA-256 of a Blob or of bytes in memory, as lower-case hex. */
export async function sha256Hex(data: Blob | Uint8Array): Promise<string> {
  if (data instanceof Blob) {
    const hash = sha256.create();
    for await (const chunk of blobChunks(data)) hash.update(chunk);
    return bytesToHex(hash.digest());
  }
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(digest));
}
