/**
 * Original files (CSV, XLSX, PDF) as stored: byte for byte in an open investigation; in a locked one
 * sealed in 4 MB segments, each bound to the file's hash, its place and whether it is the last, so
 * segments cannot be swapped, reordered or cut off unnoticed. Sealed before the transaction that
 * stores them (a Blob cannot be read inside one) and opened when read.
 */
import { SEAL_OVERHEAD, seal, sealingReady, unseal } from '#shared/lock/sealing';
import type { InvestigationDb, StoredFile } from './schema';

const SEGMENT = 4 * 1024 * 1024;
/** Segments gathered in memory before they join the Blob being built (64 MB). */
const PARTS_PER_FOLD = 16;

const segmentPlace = (sha256: string, index: number, last: boolean) =>
  `files\n${sha256}\n${index}\n${last ? 'last' : 'more'}`;

/**
 * The record that stores `content` in `db`. Bytes already in memory are sealed as they are: a Blob
 * is read back in 4 MB slices, and each read of a Blob is a round trip to the browser's blob store.
 */
export async function storedFile(
  db: InvestigationDb,
  file: Omit<StoredFile, 'blob' | 'size'>,
  content: Blob | Uint8Array,
): Promise<StoredFile> {
  const size = content instanceof Blob ? content.size : content.length;
  const record = { ...file, size };
  if (!db.keys)
    return { ...record, blob: new Blob([content as Uint8Array<ArrayBuffer>], { type: file.mime }) };
  await sealingReady;
  // Sealed segments go into the Blob as they come, so that a file of gigabytes is never in memory.
  let sealed = new Blob([]);
  let parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, index = 0; offset < size || index === 0; offset += SEGMENT, index++) {
    const plain =
      content instanceof Blob
        ? new Uint8Array(await content.slice(offset, offset + SEGMENT).arrayBuffer())
        : content.subarray(offset, offset + SEGMENT);
    const last = offset + SEGMENT >= size;
    parts.push(
      seal(
        db.keys.sealKey,
        plain,
        segmentPlace(file.sha256, index, last),
      ) as Uint8Array<ArrayBuffer>,
    );
    if (parts.length === PARTS_PER_FOLD) {
      sealed = new Blob([sealed, ...parts]);
      parts = [];
    }
  }
  return { ...record, blob: new Blob([sealed, ...parts]) };
}

/** The original bytes of a stored file, in memory (for work on them: no Blob in between). */
export async function fileBytes(db: InvestigationDb, file: StoredFile): Promise<Uint8Array> {
  const sealed = new Uint8Array(await file.blob.arrayBuffer());
  if (!db.keys) return sealed;
  await sealingReady;
  const whole = SEGMENT + SEAL_OVERHEAD;
  const plain = new Uint8Array(
    Math.max(0, sealed.length - Math.ceil(sealed.length / whole) * SEAL_OVERHEAD),
  );
  for (let offset = 0, index = 0; offset < sealed.length || index === 0; offset += whole, index++) {
    const last = offset + whole >= sealed.length;
    const segment = unseal(
      db.keys.sealKey,
      sealed.subarray(offset, offset + whole),
      segmentPlace(file.sha256, index, last),
    );
    plain.set(segment, (offset / whole) * SEGMENT);
  }
  return plain;
}

/** The original bytes of a stored file, as a Blob of its type (for pdf.js, for saving). */
export async function fileBlob(db: InvestigationDb, file: StoredFile): Promise<Blob> {
  if (!db.keys) return file.blob;
  return new Blob([(await fileBytes(db, file)) as Uint8Array<ArrayBuffer>], { type: file.mime });
}
