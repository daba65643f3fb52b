/**
 * Original files (CSV, XLSX, PDF) as stored: byte for byte in an open investigation; in a locked one
 * sealed in 4 MB segments, each bound to the file's hash, its place and whether it is the last, so
 * segments cannot be swapped, reordered or cut off unnoticed. Sealed before the transaction that
 * stores them (a Blob cannot be read inside one) and opened when read.
 */
import { SEAL_OVERHEAD, seal, unseal } from '#shared/lock/sealing';
import type { InvestigationDb, StoredFile } from './schema';

const SEGMENT = 4 * 1024 * 1024;

const segmentPlace = (sha256: string, index: number, last: boolean) =>
  `files\n${sha256}\n${index}\n${last ? 'last' : 'more'}`;

/** The record that stores `blob` in `db`. */
export async function storedFile(
  db: InvestigationDb,
  file: Omit<StoredFile, 'blob' | 'size'>,
  blob: Blob,
): Promise<StoredFile> {
  const record = { ...file, size: blob.size };
  if (!db.keys) return { ...record, blob };
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, index = 0; offset < blob.size || index === 0; offset += SEGMENT, index++) {
    const plain = new Uint8Array(await blob.slice(offset, offset + SEGMENT).arrayBuffer());
    const last = offset + SEGMENT >= blob.size;
    parts.push(
      seal(
        db.keys.sealKey,
        plain,
        segmentPlace(file.sha256, index, last),
      ) as Uint8Array<ArrayBuffer>,
    );
  }
  return { ...record, blob: new Blob(parts) };
}

/** The original bytes of a stored file, as a Blob of its type. */
export async function fileBlob(db: InvestigationDb, file: StoredFile): Promise<Blob> {
  if (!db.keys) return file.blob;
  const whole = SEGMENT + SEAL_OVERHEAD;
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const { size } = file.blob;
  for (let offset = 0, index = 0; offset < size || index === 0; offset += whole, index++) {
    const sealed = new Uint8Array(await file.blob.slice(offset, offset + whole).arrayBuffer());
    const last = offset + whole >= size;
    parts.push(
      unseal(
        db.keys.sealKey,
        sealed,
        segmentPlace(file.sha256, index, last),
      ) as Uint8Array<ArrayBuffer>,
    );
  }
  return new Blob(parts, { type: file.mime });
}
