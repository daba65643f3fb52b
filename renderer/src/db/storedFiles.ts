/**
 * Original files (CSV, XLSX, PDF) as stored: a record that says what the file is, and its bytes in
 * parts of 64 MB (`fileParts`), each written in a transaction of its own as it is made, so that a
 * file of gigabytes is never held whole, by the page or by the browser, while it is stored.
 *
 * In a locked investigation (every case now) the bytes are sealed in segments of 1 MB (4 MB for
 * files stored before schema 23: the record says), each bound to the file's hash, its place and
 * whether it is the last, so that segments cannot be swapped, reordered or cut off unnoticed; with
 * AES-256-GCM (fileSealing.ts), or XChaCha20-Poly1305 for files stored before schema 24 (the record
 * says). Sealed before the transaction that stores them (a Blob cannot be read inside one, and
 * WebCrypto is asynchronous) and opened when read: a range of a file opens only the segments that
 * hold it, so a row's raw cells, read again from its customs file (rawCells.ts), open a MB or two
 * rather than 4 or 8 (which took 35-90 ms here).
 */
import { FILE_CIPHER, FILE_SEAL_OVERHEAD, sealSegment, unsealSegment } from './fileSealing';
import { SEAL_OVERHEAD, seal, sealingReady, unseal } from '#shared/lock/sealing';
import type { FilePart, InvestigationDb, StoredFile } from './schema';

/** The plain bytes a part holds. */
const PART = 64 * 1024 * 1024;
/** The plain bytes a segment of a file stored now holds. */
const SEGMENT = 1024 * 1024;
/** The plain bytes a segment holds of a file whose record says none: stored before schema 23. */
const EARLIER_SEGMENT = 4 * 1024 * 1024;

const segmentOf = (file: Pick<StoredFile, 'segmentSize'>) => file.segmentSize ?? EARLIER_SEGMENT;

const segmentPlace = (sha256: string, index: number, last: boolean) =>
  `files\n${sha256}\n${index}\n${last ? 'last' : 'more'}`;

/** A file's segments; an empty file has one, so that its seal is checked too. */
const segmentCount = (size: number, segment: number) => Math.max(1, Math.ceil(size / segment));

type Sealing = Pick<StoredFile, 'segmentSize' | 'cipher'>;
type Layout = Pick<StoredFile, 'sha256' | 'size'> & Sealing;

/** How a file's segments are sealed, opened, and how many bytes a seal adds to each. */
type SegmentCipher = {
  overhead: number;
  seal(sealKey: Uint8Array, plain: Uint8Array, place: string): Promise<Uint8Array>;
  open(sealKey: Uint8Array, sealed: Uint8Array, place: string): Promise<Uint8Array>;
};

const AES_GCM: SegmentCipher = {
  overhead: FILE_SEAL_OVERHEAD,
  seal: sealSegment,
  open: unsealSegment,
};

/** The records' cipher, which sealed files stored before schema 24. */
const XCHACHA20: SegmentCipher = {
  overhead: SEAL_OVERHEAD,
  seal: (sealKey, plain, place) => Promise.resolve(seal(sealKey, plain, place)),
  // A segment that does not open rejects, as AES-GCM's does.
  open: (sealKey, sealed, place) => new Promise((opened) => opened(unseal(sealKey, sealed, place))),
};

/** The cipher `file`'s record says its segments are sealed with. */
const cipherOf = (file: Sealing): SegmentCipher =>
  file.cipher === FILE_CIPHER ? AES_GCM : XCHACHA20;

/** The stored bytes a segment takes: sealed, or in the clear (a database from before sealing). */
const storedSegment = (file: Sealing, sealed: boolean) =>
  segmentOf(file) + (sealed ? cipherOf(file).overhead : 0);

/** The keys of a file's parts, in order. */
const partKeys = (file: Layout): [string, number][] => {
  const segment = segmentOf(file);
  const perPart = PART / segment;
  return Array.from(
    { length: Math.ceil(segmentCount(file.size, segment) / perPart) },
    (_, part) => [file.sha256, part],
  );
};

/**
 * A stored file's bytes as the parts of this version store them, from one Blob as versions before
 * 20 did (the upgrade's split: slicing a Blob reads nothing).
 */
export function splitStoredBlob(file: StoredFile, whole: Blob): FilePart[] {
  // A sealed file's Blob is longer than the file by its segments' seals, a clear one is not.
  const partBytes = (PART / segmentOf(file)) * storedSegment(file, whole.size > file.size);
  return partKeys(file).map(([sha256, part]) => ({
    sha256,
    part,
    blob: whole.slice(part * partBytes, (part + 1) * partBytes),
  }));
}

/** The record of a file of `size` bytes, as it is stored now. */
export const fileRecord = (
  { sha256, name, mime }: Pick<StoredFile, 'sha256' | 'name' | 'mime'>,
  size: number,
): StoredFile => ({ sha256, name, mime, size, segmentSize: SEGMENT, cipher: FILE_CIPHER });

/**
 * A file's bytes as they come to be stored: in memory, as a Blob, or in order a piece at a time (an
 * archive's entry, checked as it is read: its last piece throws if the entry was changed).
 */
export type FileContent = Uint8Array | Blob | { size: number; pieces: AsyncIterable<Uint8Array> };

const contentSize = (content: FileContent) =>
  content instanceof Uint8Array ? content.length : content.size;

/**
 * Reads `content` from its start to its end, a range at a time, each range where the last ended.
 * Pieces are views that may be reused once the next is asked for: what is read is copied out.
 */
function inOrder(
  name: string,
  content: FileContent,
): { read(start: number, end: number): Promise<Uint8Array>; end(): Promise<void> } {
  if (content instanceof Uint8Array)
    return {
      read: (start, end) => Promise.resolve(content.subarray(start, end)),
      end: () => Promise.resolve(),
    };
  if (content instanceof Blob)
    return {
      read: async (start, end) => new Uint8Array(await content.slice(start, end).arrayBuffer()),
      end: () => Promise.resolve(),
    };
  const pieces = content.pieces[Symbol.asyncIterator]();
  let left: Uint8Array = new Uint8Array(0);
  return {
    async read(start, end) {
      const bytes = new Uint8Array(end - start);
      for (let filled = 0; filled < bytes.length;) {
        if (left.length === 0) {
          const next = await pieces.next();
          if (next.done) throw new Error(`${name} ended before the size its record gives.`);
          left = next.value;
        }
        const taken = left.subarray(0, bytes.length - filled);
        bytes.set(taken, filled);
        filled += taken.length;
        left = left.subarray(taken.length);
      }
      return bytes;
    },
    // The last piece asked for runs the content's own check.
    async end() {
      if (left.length > 0 || !(await pieces.next()).done)
        throw new Error(`${name} is longer than the size its record gives.`);
    },
  };
}

/**
 * The parts that store `content` as the bytes of `file` in `db`, made one at a time from the
 * start, each sealed a segment at a time.
 */
export async function* filePartsOf(
  db: InvestigationDb,
  file: Pick<StoredFile, 'sha256' | 'name'> & Sealing,
  content: FileContent,
): AsyncGenerator<FilePart> {
  const { sha256 } = file;
  const size = contentSize(content);
  const reader = inOrder(file.name, content);
  const segment = segmentOf(file);
  const perPart = PART / segment;
  const segments = segmentCount(size, segment);
  if (db.keys) await sealingReady;
  for (const [, part] of partKeys({ ...file, size })) {
    const first = part * perPart;
    if (!db.keys && content instanceof Blob) {
      // In the clear, a Blob's part is a slice of it: nothing is read.
      yield { sha256, part, blob: content.slice(part * PART, (part + 1) * PART) };
      continue;
    }
    // A Blob a segment, so that each sealed segment leaves the worker's memory as it is made: a
    // Blob of Blobs copies nothing.
    const pieces: Blob[] = [];
    for (let index = first; index < Math.min(segments, first + perPart); index++) {
      const start = index * segment;
      const plain = await reader.read(start, Math.min(size, start + segment));
      const place = segmentPlace(sha256, index, index === segments - 1);
      const stored = db.keys ? await cipherOf(file).seal(db.keys.sealKey, plain, place) : plain;
      pieces.push(new Blob([stored as Uint8Array<ArrayBuffer>]));
    }
    yield { sha256, part, blob: new Blob(pieces) };
  }
  await reader.end();
}

/**
 * Stores `content` as the bytes of `file` in `db`, a part per transaction (the next part sealed
 * while one is written), and returns the file's record. The record is not stored: its caller adds
 * it with what uses the file (`addFileRecord`), and removes the parts if that fails
 * (`removeUnrecordedParts`). A file already stored is not stored again. `signal` stops it
 * between parts.
 */
export async function storeFileParts(
  db: InvestigationDb,
  file: Pick<StoredFile, 'sha256' | 'name' | 'mime'>,
  content: FileContent,
  signal?: AbortSignal,
): Promise<StoredFile> {
  const stored = await db.files.get(file.sha256);
  if (stored) return stored;
  const record = fileRecord(file, contentSize(content));
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for await (const part of filePartsOf(db, record, content)) {
      await writing;
      signal?.throwIfAborted();
      writing = db.fileParts.put(part);
    }
    await writing;
  } catch (error) {
    // What it wrote goes, once the write in flight is done (unless a record names the file by
    // now); if that fails too, the next start's sweep takes it.
    await writing.catch(() => undefined);
    await removeUnrecordedParts(db, file.sha256).catch(() => undefined);
    throw error;
  }
  return record;
}

/**
 * Adds a file's record, unless it is there, in the caller's transaction (on `files` and
 * `fileParts`): only once every part of its bytes is stored.
 */
export async function addFileRecord(db: InvestigationDb, record: StoredFile): Promise<void> {
  if (await db.files.get(record.sha256)) return;
  const parts = await db.fileParts.bulkGet(partKeys(record));
  if (parts.some((part) => !part))
    throw new Error(`The stored file ${record.name} is missing a part of its bytes.`);
  // A copy: Dexie writes the key as stored (a keyed hash, when sealed) back into what it adds.
  await db.files.add({ ...record });
}

/** Stores a file on its own: its parts, then its record. */
export async function storeFile(
  db: InvestigationDb,
  file: Pick<StoredFile, 'sha256' | 'name' | 'mime'>,
  content: FileContent,
): Promise<StoredFile> {
  const record = await storeFileParts(db, file, content);
  await db.transaction('rw', [db.files, db.fileParts], () => addFileRecord(db, record));
  return record;
}

/** Deletes a stored file, its record and its bytes, in the caller's transaction. */
export async function deleteStoredFile(db: InvestigationDb, sha256: string): Promise<void> {
  const file = await db.files.get(sha256);
  if (!file) return;
  await db.fileParts.bulkDelete(partKeys(file));
  await db.files.delete(sha256);
}

/**
 * Deletes the parts no file record names: the file `sha256`'s, whose storing or the adding of whose
 * record failed; without it, every file's, those of imports a crash cut short. (Only its own: a
 * failure must not take the parts of another file being stored meanwhile.)
 */
export function removeUnrecordedParts(db: InvestigationDb, sha256?: string): Promise<void> {
  return db.transaction('rw', [db.files, db.fileParts], async () => {
    const recorded = new Set((await db.files.toArray()).map((file) => file.sha256));
    const orphans = (await db.fileParts.toArray())
      .filter((part) => (sha256 ?? part.sha256) === part.sha256 && !recorded.has(part.sha256))
      .map(({ sha256, part }): [string, number] => [sha256, part]);
    if (orphans.length > 0) await db.fileParts.bulkDelete(orphans);
  });
}

/** Stored bytes `from` to `to` of a file, read from the parts that hold them. */
async function storedBytes(
  db: InvestigationDb,
  file: StoredFile,
  from: number,
  to: number,
): Promise<Uint8Array> {
  const partBytes = (PART / segmentOf(file)) * storedSegment(file, Boolean(db.keys));
  const bytes = new Uint8Array(to - from);
  const keys = partKeys(file).slice(Math.floor(from / partBytes), Math.ceil(to / partBytes));
  const parts = await db.fileParts.bulkGet(keys);
  let filled = 0;
  for (const [at, part] of parts.entries()) {
    if (!part)
      throw new Error(
        `The stored file ${file.name} is missing part ${keys[at][1] + 1} of its bytes.`,
      );
    const start = Math.max(from, part.part * partBytes) - part.part * partBytes;
    const end = Math.min(to, (part.part + 1) * partBytes) - part.part * partBytes;
    const read = new Uint8Array(await part.blob.slice(start, end).arrayBuffer());
    bytes.set(read.subarray(0, bytes.length - filled), filled);
    filled += read.length;
  }
  if (filled !== bytes.length)
    throw new Error(`The stored file ${file.name} is not the size its record gives.`);
  return bytes;
}

/**
 * Bytes `start` to `end` of a stored file's original bytes: of a file of any size, only the
 * segments that hold them are read and opened.
 */
export async function fileRange(
  db: InvestigationDb,
  file: StoredFile,
  start: number,
  end: number,
): Promise<Uint8Array> {
  end = Math.min(end, file.size);
  start = Math.min(start, end);
  if (!db.keys) return storedBytes(db, file, start, end);
  await sealingReady;
  const segment = segmentOf(file);
  const segments = segmentCount(file.size, segment);
  const first = Math.floor(start / segment);
  const stop = Math.max(first + 1, Math.ceil(end / segment));
  const whole = storedSegment(file, true);
  const sealed = await storedBytes(
    db,
    file,
    first * whole,
    Math.min(stop * whole, file.size + segments * (whole - segment)),
  );
  const plain = new Uint8Array(Math.min(file.size, stop * segment) - first * segment);
  for (let index = first; index < stop; index += 1) {
    const offset = (index - first) * whole;
    const opened = await cipherOf(file).open(
      db.keys.sealKey,
      sealed.subarray(offset, offset + whole),
      segmentPlace(file.sha256, index, index === segments - 1),
    );
    if (opened.length !== Math.min(segment, file.size - index * segment))
      throw new Error(`The stored file ${file.name} is not the size its record gives.`);
    plain.set(opened, (index - first) * segment);
  }
  return plain.subarray(start - first * segment, end - first * segment);
}

/** The original bytes of a stored file, in memory (for work on them: no Blob in between). */
export const fileBytes = (db: InvestigationDb, file: StoredFile): Promise<Uint8Array> =>
  fileRange(db, file, 0, file.size);

/**
 * The original bytes of a stored file, as a Blob of its type (for pdf.js, for saving). One in the
 * clear is its parts as stored, read by no one until used.
 */
export async function fileBlob(db: InvestigationDb, file: StoredFile): Promise<Blob> {
  if (db.keys)
    return new Blob([(await fileBytes(db, file)) as Uint8Array<ArrayBuffer>], { type: file.mime });
  const parts = await db.fileParts.bulkGet(partKeys(file));
  if (parts.some((part) => !part))
    throw new Error(`The stored file ${file.name} is missing a part of its bytes.`);
  return new Blob(
    parts.map((part) => part!.blob),
    { type: file.mime },
  );
}
