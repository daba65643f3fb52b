/**
 * What an archive being written asks for, entry by entry: blocks and cells read, opened, encoded as
 * archive entries and hashed, and stored files opened a part at a time. In the app two store
 * workers do this in turn (see storeWorker.ts), so that reading and opening take other threads
 * than the zip being written; in tests the same code runs in the archive's own thread.
 */
import CRC32 from 'crc-32';
import { entryNames } from '#shared/archive/archiveFormat';
import { encodeBlock } from '#shared/archive/blockCodec';
import { encodeCells } from '#shared/archive/cellsCodec';
import type { InvestigationDb } from '../../db/schema';
import { fileRange } from '../../db/storedFiles';
import { sha256Hex } from '../../lib/bytes';

/** The tables whose records are archived one entry each. */
export type EntryTable = 'shipmentBlocks' | 'shipmentCells';

/**
 * An entry's name, its content, and that content's SHA-256 (for the manifest) and CRC-32 (for the
 * zip, which then copies the entry as it is instead of holding it while it computes one).
 */
export type EncodedEntry = { name: string; bytes: Uint8Array; sha256: string; crc32: number };

export type EntryReader = {
  /** The entries of a batch of records of `table`, by their primary keys, in that order. */
  entries(table: EntryTable, keys: [string, number][]): Promise<EncodedEntry[]>;
  /** Bytes `start` to `end` of a stored file's original bytes, by its hash. */
  fileRange(sha256: string, start: number, end: number): Promise<Uint8Array>;
};

/** An archive's entry reader working in the thread it is made in, on `db`. */
export const entryReaderFor = (db: InvestigationDb): EntryReader => ({
  async entries(table, keys) {
    const encoded: { name: string; bytes: Uint8Array }[] = [];
    if (table === 'shipmentBlocks') {
      for (const block of await db.shipmentBlocks.bulkGet(keys))
        if (block)
          encoded.push({
            name: entryNames.block(block.datasetId, block.blockNo),
            bytes: encodeBlock(block),
          });
    } else {
      for (const cells of await db.shipmentCells.bulkGet(keys))
        if (cells)
          encoded.push({
            name: entryNames.cells(cells.datasetId, cells.blockNo),
            bytes: encodeCells(cells),
          });
    }
    return Promise.all(
      encoded.map(async (entry) => ({
        ...entry,
        sha256: await sha256Hex(entry.bytes),
        crc32: CRC32.buf(entry.bytes) >>> 0,
      })),
    );
  },
  async fileRange(sha256, start, end) {
    const file = await db.files.get(sha256);
    if (!file) throw new Error(`The stored file ${sha256} is gone.`);
    return fileRange(db, file, start, end);
  },
});
