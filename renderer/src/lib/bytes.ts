/**
 * Bytes in the renderer and its workers: reading a Blob a chunk at a time, and SHA-256 in hex.
 * (shared/ hashes synchronously with @noble/hashes where it must, inside pure code; here WebCrypto
 * does it natively, several times faster, which matters for files and archives of hundreds of MB.)
 */
import { bytesToHex } from '@noble/hashes/utils.js';

/** A Blob's bytes as an async iterable of chunks, read as they are needed. */
export async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** SHA-256 of a Blob or of bytes in memory, as lower-case hex. */
export async function sha256Hex(data: Blob | Uint8Array): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : (data as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
