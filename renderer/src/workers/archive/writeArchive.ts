import { cmp, type Table } from 'dexie';
import {
  ArchiveError,
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  entryNames,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  SEPARATE_TABLES,
  UNARCHIVED_TABLES,
  type ArchiveEntry,
  type ArchiveHeader,
  type ArchiveManifest,
} from '#shared/archive/archiveFormat';
import { sha256Hex, streamingSha256 } from '../../lib/bytes';
import type { Investigation } from '#shared/investigation';
import type { InvestigationDb, StoredFile } from '../../db/schema';
import { NEW_KDF } from '#shared/crypto/kdf';
import { utf8Bytes } from '#shared/text/utf8';
import { passphraseKey } from '../../lib/passphraseKey';
import {
  encryptEntry,
  encryptedSize,
  encryptPart,
  ENTRY_SEGMENT,
  passphraseCheck,
} from './archiveCrypto';
import {
  entryReaderFor,
  type EncodedEntry,
  type EntryReader,
  type EntryTable,
} from './entryReader';
import { toBase64 } from './base64';
import type { ByteSink } from '../../lib/byteSink';
import { ZipWriting } from './zip';

/** How far the work is: entries written (a backup), or bytes stored (a restore), of `total`. */
export type ArchiveProgress = (done: number, total: number) => void;

/** Thrown between entries when the user cancels: nothing has been saved. */
export class ArchiveCancelled extends Error {
  constructor() {
    super('The archive was cancelled.');
  }
}

/** A check for the archive work's steps (and its key derivation): throws once `cancelled` says so. */
export const stopIfCancelled = (cancelled?: () => boolean) => (): void => {
  if (cancelled?.()) throw new ArchiveCancelled();
};

const jsonLines = (rows: unknown[]) =>
  utf8Bytes(rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : ''));

/**
 * A table's rows in the order of their primary keys, so that the same case gives the same archive:
 * a table whose key is stored as a keyed hash (see HASHED_FIELDS) is stored in the hashes' order.
 */
async function inKeyOrder<T>(table: Pick<Table<T>, 'toArray' | 'core'>): Promise<T[]> {
  const key = table.core.schema.primaryKey.extractKey!;
  return (await table.toArray()).sort((a, b) => cmp(key(a), key(b)));
}

/**
 * Items loaded ahead of their use, in order, by `readers` in turn, `depth` loads each in flight:
 * loading starts as soon as this is made, so the next table's first records are being read while
 * the archive still writes the tables before it, and the readers never wait for a table to begin.
 */
class ReadAhead<T, R, Reader> {
  private readonly loading: Promise<R>[] = [];
  private next = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly readers: readonly Reader[],
    private readonly load: (reader: Reader, item: T) => Promise<R>,
    private readonly depth: number,
  ) {
    this.fill();
  }

  private fill() {
    const most = this.readers.length * this.depth;
    for (; this.next < this.items.length && this.loading.length < most; this.next += 1) {
      const loaded = this.load(
        this.readers[this.next % this.readers.length],
        this.items[this.next],
      );
      // Awaited when taken; not left unhandled if the archive stops first.
      loaded.catch(() => undefined);
      this.loading.push(loaded);
    }
  }

  /** The next item, once loaded. */
  take(): Promise<R> {
    const loaded = this.loading.shift();
    if (!loaded) throw new Error('The archive read past its last record.');
    this.fill();
    return loaded;
  }
}

/**
 * Records of a large table read at a time: a few MB, so that the first arrive soon and the
 * readers take turns often.
 */
const RECORDS_PER_READ = 4;

/** Reads each reader has in flight at once. */
const READ_DEPTH = 4;

/**
 * How much of a stored file is read at a time: a file of any size is archived in parts, never whole
 * in memory. One encrypted segment, so that each part is encrypted on its own.
 */
const FILE_PART_BYTES = ENTRY_SEGMENT;

/** A stored file's parts, by their place in its original bytes (one, empty, for an empty file). */
const partsOf = (file: StoredFile) =>
  Array.from({ length: Math.max(1, Math.ceil(file.size / FILE_PART_BYTES)) }, (_, index) => ({
    file,
    start: index * FILE_PART_BYTES,
    end: Math.min(file.size, (index + 1) * FILE_PART_BYTES),
  }));

/** What the readers load for an archive: a batch of a large table's records, or a file's part. */
type Load =
  | { table: EntryTable; keys: [string, number][] }
  | { table: 'files'; file: StoredFile; start: number; end: number };

type Loaded =
  { table: EntryTable; entries: EncodedEntry[] } | { table: 'files'; bytes: Uint8Array };

const isEntryTable = (table: string): table is EntryTable =>
  table === 'shipmentBlocks' || table === 'shipmentCells';

/**
 * Everything the readers load for the archive, in the order it is written: each stored file's
 * parts (`files` in key order), and each large table's records in primary-key order, a few to a
 * read.
 */
async function loadsOf(
  db: InvestigationDb,
  tables: readonly string[],
  files: readonly StoredFile[],
): Promise<Load[]> {
  const loads: Load[] = [];
  for (const table of tables) {
    if (table === 'files')
      loads.push(
        ...files.flatMap((file) =>
          partsOf(file).map((part) => ({ table: 'files' as const, ...part })),
        ),
      );
    else if (isEntryTable(table)) {
      const keys = (await db.table(table).toCollection().primaryKeys()) as [string, number][];
      for (let from = 0; from < keys.length; from += RECORDS_PER_READ)
        loads.push({ table, keys: keys.slice(from, from + RECORDS_PER_READ) });
    }
  }
  return loads;
}

/**
 * Writes an investigation's archive as a stream of zip entries (stored, not compressed: most of the
 * bytes are already-compressed PDFs, XLSX or typed columns, and speed matters more): one entry at a
 * time is read, hashed, sealed if a passphrase is given, and appended, with zip64 records wherever a
 * size or offset needs them (an archive has no size limit). The zip goes into `sink` a few MB at a
 * time (in the app, the file the user chose), never whole in memory.
 */
export async function writeArchive(
  db: InvestigationDb,
  investigation: Investigation,
  sink: ByteSink,
  options: {
    passphrase: string | null;
    onProgress?: ArchiveProgress;
    cancelled?: () => boolean;
    /** Every entry in zip64 form, however small (zip64 records are written anyway where needed). */
    zip64?: boolean;
    /**
     * Who read, open and encode the records, in turn (the store workers in the app); by default
     * this thread.
     */
    readers?: readonly EntryReader[];
  },
): Promise<void> {
  if (
    !options.passphrase &&
    (await db.sources.filter((source) => source.confidentiality === 'confidential').count()) > 0
  )
    throw new ArchiveError(
      'This case holds a confidential source: its archive needs a passphrase, so that no name leaves the machine in the clear.',
    );
  const zip = new ZipWriting(sink, options.zip64);
  const readers = options.readers ?? [entryReaderFor(db)];
  const stop = stopIfCancelled(options.cancelled);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = options.passphrase
    ? await passphraseKey(options.passphrase, salt, NEW_KDF, stop)
    : null;
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    encrypted: key !== null,
    kdf: key
      ? {
          ...NEW_KDF,
          salt: toBase64(salt),
          check: toBase64(await passphraseCheck(key)),
        }
      : null,
  };
  await zip.add(HEADER_ENTRY, utf8Bytes(JSON.stringify(header, null, 2)));

  const tables = db.tables
    .map((table) => table.name)
    .filter((table) => !UNARCHIVED_TABLES.includes(table))
    .sort();
  const separate = new Set<string>(SEPARATE_TABLES);
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await db.table(table).count();
  const total = Object.entries(counts).reduce(
    (sum, [table, count]) => sum + (separate.has(table) ? count : 1),
    0,
  );
  let done = 0;
  const entries: ArchiveEntry[] = [];
  const added = (name: string, bytes: number, sha256: string) => {
    entries.push({ name, bytes, sha256 });
    done += 1;
    options.onProgress?.(done, total);
  };
  const add = async (
    name: string,
    plain: Uint8Array,
    known?: { sha256: string; crc32: number },
  ) => {
    stop();
    const hash = known?.sha256 ?? (await sha256Hex(plain));
    if (key) await zip.add(name, await encryptEntry(key, name, plain));
    else await zip.add(name, plain, known?.crc32);
    added(name, plain.length, hash);
  };

  // Every record and part the readers load, read ahead across the tables, taken in turn below.
  const files = await inKeyOrder(db.files);
  const loads = await loadsOf(db, tables, files);
  const batches = new Map<string, number>();
  for (const load of loads) batches.set(load.table, (batches.get(load.table) ?? 0) + 1);
  const loaded = new ReadAhead<Load, Loaded, EntryReader>(
    loads,
    readers,
    async (reader, load) =>
      'keys' in load
        ? { table: load.table, entries: await reader.entries(load.table, load.keys) }
        : {
            table: 'files',
            bytes: await reader.fileRange(load.file.sha256, load.start, load.end),
          },
    READ_DEPTH,
  );
  const nextEntries = async (table: EntryTable) => {
    const next = await loaded.take();
    if (next.table !== table) throw new Error(`The archive read ${next.table} for ${table}.`);
    return next.entries;
  };
  const nextPart = async () => {
    const next = await loaded.take();
    if (next.table !== 'files') throw new Error(`The archive read ${next.table} for a file.`);
    return next.bytes;
  };

  for (const table of tables) {
    if (isEntryTable(table)) {
      for (let batch = batches.get(table) ?? 0; batch > 0; batch -= 1)
        for (const entry of await nextEntries(table)) await add(entry.name, entry.bytes, entry);
    } else if (table === 'files') {
      for (const file of files) {
        stop();
        const name = entryNames.file(file.sha256);
        // A sealed file's bytes are proven to be those hashed when it was stored: its seal names
        // that hash (storedFiles.ts), so it is not hashed again.
        const hash = db.keys ? null : await streamingSha256();
        let first = 0;
        const content = new ReadableStream<Uint8Array>({
          async pull(controller) {
            stop();
            const plain = await nextPart();
            const start = first * ENTRY_SEGMENT;
            if (plain.length !== Math.min(FILE_PART_BYTES, file.size - start))
              throw new Error(`The stored file ${file.name} is not the size its record gives.`);
            hash?.update(plain);
            const end = start + plain.length >= file.size;
            controller.enqueue(key ? await encryptPart(key, name, plain, first, end) : plain);
            first += plain.length / ENTRY_SEGMENT;
            if (end) controller.close();
          },
        });
        await zip.addStream(name, content, key ? encryptedSize(file.size) : file.size);
        added(name, file.size, hash ? hash.hex() : file.sha256);
      }
      // How this database seals a file's bytes is its own: an archive holds them plain.
      const rows = files.map(({ segmentSize: _sealedIn, cipher: _sealedWith, ...file }) => file);
      await add(entryNames.table('files'), jsonLines(rows));
    } else {
      await add(entryNames.table(table), jsonLines(await inKeyOrder(db.table(table))));
    }
  }

  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    schemaVersion: db.verno,
    createdAt: new Date().toISOString(),
    investigation: {
      id: investigation.id,
      name: investigation.name,
      createdAt: investigation.createdAt,
      updatedAt: investigation.updatedAt,
      synthetic: investigation.synthetic,
      ...(investigation.notice ? { notice: investigation.notice } : {}),
    },
    tables: counts,
    entries,
  };
  const manifestBytes = utf8Bytes(JSON.stringify(manifest, null, 2));
  await zip.add(
    MANIFEST_ENTRY,
    key ? await encryptEntry(key, MANIFEST_ENTRY, manifestBytes) : manifestBytes,
  );
  await zip.close();
}
