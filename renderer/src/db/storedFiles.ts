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

/**
 * Bytes `start` to `end` of a stored file's original bytes: of a file of any size, only the
 * segments that hold them are read from its Blob and opened.
 */
export async function fileRange(
  db: InvestigationDb,
  file: StoredFile,
  start: number,
  end: number,
): Promise<Uint8Array> {
  end = Math.min(end, file.size);
  start = Math.min(start, end);
  if (!db.keys) return new Uint8Array(await file.blob.slice(start, end).arrayBuffer());
  await sealingReady;
  // Segments first to stop; an empty file has one, so that its seal is checked too.
  const segments = Math.max(1, Math.ceil(file.size / SEGMENT));
  const first = Math.floor(start / SEGMENT);
  const stop = Math.max(first + 1, Math.ceil(end / SEGMENT));
  const whole = SEGMENT + SEAL_OVERHEAD;
  const sealed = new Uint8Array(await file.blob.slice(first * whole, stop * whole).arrayBuffer());
  const plain = new Uint8Array(Math.min(file.size, stop * SEGMENT) - first * SEGMENT);
  for (let index = first; index < stop; index += 1) {
    const offset = (index - first) * whole;
    const segment = unseal(
      db.keys.sealKey,
      sealed.subarray(offset, offset + whole),
      segmentPlace(file.sha256, index, index === segments - 1),
    );
    if (segment.length !== Math.min(SEGMENT, file.size - index * SEGMENT))
      throw new Error(`The stored file ${file.name} is not the size its record gives.`);
    plain.set(segment, (index - first) * SEGMENT);
  }
  return plain.subarray(start - first * SEGMENT, end - first * SEGMENT);
}

/** The original bytes of a stored file, in memory (for work on them: no Blob in between). */
export const fileBytes = (db: InvestigationDb, file: StoredFile): Promise<Uint8Array> =>
  fileRange(db, file, 0, file.size);

/** The original bytes of a stored file, as a Blob of its type (for pdf.js, for saving). */
export async function fileBlob(db: InvestigationDb, file: StoredFile): Promise<Blob> {
  if (!db.keys) return file.blob;
  return new Blob([(await fileBytes(db, file)) as Uint8Array<ArrayBuffer>], { type: file.mime });
}
