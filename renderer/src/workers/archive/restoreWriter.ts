/**
 * What a restore hands on to be stored while it reads the next entries: batches of blocks with
 * their cells, and batches of original files with their checked bytes. In the app the store worker
 * does this (see storeWorker.ts), so that encoding, sealing and committing take another core than
 * reading, hashing and checking the archive; in tests the same code runs in the restoring thread.
 */
import type { ShipmentBlock, ShipmentCells } from '#shared/customs/dataset';
import type { InvestigationDb, StoredFile } from '../../db/schema';
import { storedFile } from '../../db/storedFiles';

/**
 * An original file as the archive holds it: its record (without what storing adds) and its checked
 * bytes, in memory or, for a large file, as a Blob.
 */
export type RestoredFile = { file: Omit<StoredFile, 'blob' | 'size'>; content: Uint8Array | Blob };

export type RestoreWriter = {
  /** Stores blocks and cells, in one transaction. */
  storeBlocks(blocks: ShipmentBlock[], cells: ShipmentCells[]): Promise<void>;
  /** Stores files (sealed if the database seals), in one transaction. */
  storeFiles(files: RestoredFile[]): Promise<void>;
};

/** A restore's writer working in the thread it is made in, on `db`. */
export const restoreWriterFor = (db: InvestigationDb): RestoreWriter => ({
  storeBlocks: (blocks, cells) =>
    db.transaction('rw', [db.shipmentBlocks, db.shipmentCells], async () => {
      await db.shipmentBlocks.bulkPut(blocks);
      await db.shipmentCells.bulkPut(cells);
    }),
  async storeFiles(files) {
    // Sealed before the transaction: a transaction cannot await work outside the database.
    const records: StoredFile[] = [];
    for (const { file, content } of files) records.push(await storedFile(db, file, content));
    if (records.length > 0) await db.files.bulkPut(records);
  },
});
