/**
 * What an import hands on to be stored while it parses: each block it builds, and its original
 * file, hashed and sealed for storing. In the app a worker of the import's own does this (see
 * storeWorker.ts), so that encoding, sealing and committing take another core than parsing;
 * in tests the same code runs in the importing thread.
 */
import type { buildBlock } from '#shared/customs/blocks';
import type { InvestigationDb, StoredFile } from '../../db/schema';
import { storeFileParts } from '../../db/storedFiles';
import { sha256Hex } from '../../lib/bytes';

export type BuiltBlock = ReturnType<typeof buildBlock>;

export type ImportWriter = {
  /** Stores one block: its columns and its raw cells (where kept), together or not at all. */
  storeBlock(built: BuiltBlock): Promise<void>;
  /**
   * Stores the bytes of `file` (hashed, sealed if the database seals) and returns its record, for
   * the import to add with its dataset; stops between chunks hashed and parts stored once `signal`
   * is aborted.
   */
  storeFile(file: Blob, name: string, signal?: AbortSignal): Promise<StoredFile>;
};

/** An import's writer working in the thread it is made in, on `db`. */
export const writerFor = (db: InvestigationDb): ImportWriter => ({
  storeBlock: ({ block, cells }) =>
    db.transaction('rw', [db.shipmentBlocks, db.shipmentCells], async () => {
      await db.shipmentBlocks.add(block);
      if (cells) await db.shipmentCells.add(cells);
    }),
  storeFile: async (file, name, signal) =>
    storeFileParts(
      db,
      { sha256: await sha256Hex(file, signal), name, mime: file.type },
      file,
      signal,
    ),
});
