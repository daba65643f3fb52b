/**
 * What an import hands on to be stored while it parses: each block it builds, and its original
 * file, hashed and sealed for storing. In the app workers of the import's own do this, one for the
 * blocks and one for the file (see storeWorker.ts), so that encoding, sealing and committing take
 * other cores than parsing; in tests the same code runs in the importing thread.
 */
import type { buildBlock } from '#shared/customs/blocks';
import type { TextEncodingName } from '#shared/customs/encoding';
import { LineIndexBuilder, type LineIndex } from '#shared/customs/lineIndex';
import type { InvestigationDb, StoredFile } from '../../db/schema';
import { storeFileParts } from '../../db/storedFiles';
import { sha256Hex } from '../../lib/bytes';

export type BuiltBlock = ReturnType<typeof buildBlock>;

/**
 * The largest file read into memory whole to be stored, rather than twice a chunk at a time (once
 * to hash, once to seal): hashed so by WebCrypto, natively (where hash-wasm streams at about 325
 * MB/s), and read once. A million rows (184 MB) read so took the store worker 2.6-3.5 s of CPU,
 * not 3.6-4.6 s, but the page's peak memory rose with the file, to 950-1,000 MB against 680 as
 * streamed; files up to 64 MB (some 350,000 rows) cost no more than that.
 */
const READ_WHOLE = 64 * 1024 * 1024;

/** An import's original file as stored, and where its lines start (a delimited file's). */
type StoredOriginal = { file: StoredFile; lineIndex: LineIndex | null };

export type ImportWriter = {
  /** Stores one block: its columns and its raw cells (where kept), together or not at all. */
  storeBlock(built: BuiltBlock): Promise<void>;
  /**
   * Stores the bytes of `file` (hashed, sealed if the database seals) and returns its record, for
   * the import to add with its dataset, with its line index where `lines` is the encoding to count
   * them in (lineIndex.ts): counted as the bytes are hashed, on the writer's core, not the parser's
   * (0.19 s of the parsing worker's 3.6 s at 200,000 rows). Stops between chunks hashed and parts
   * stored once `signal` is aborted.
   */
  storeFile(
    file: Blob,
    name: string,
    lines: TextEncodingName | null,
    signal?: AbortSignal,
  ): Promise<StoredOriginal>;
};

/**
 * An import's writer working in the thread it is made in, on `db`, reading files of up to
 * `readWhole` bytes whole.
 */
export const writerFor = (db: InvestigationDb, readWhole = READ_WHOLE): ImportWriter => ({
  storeBlock: ({ block, cells }) =>
    db.transaction('rw', [db.shipmentBlocks, db.shipmentCells], async () => {
      await db.shipmentBlocks.add(block);
      if (cells) await db.shipmentCells.add(cells);
    }),
  async storeFile(file, name, lines, signal) {
    const index = lines && new LineIndexBuilder(lines);
    const content = file.size <= readWhole ? new Uint8Array(await file.arrayBuffer()) : file;
    const seen = index ? (chunk: Uint8Array) => index.push(chunk) : undefined;
    const sha256 = await sha256Hex(content, signal, seen);
    return {
      file: await storeFileParts(db, { sha256, name, mime: file.type }, content, signal),
      lineIndex: index?.finish() ?? null,
    };
  },
});
