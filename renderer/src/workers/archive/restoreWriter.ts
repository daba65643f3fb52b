/**
 * What a restore hands on to be stored while it reads the next entries: batches of blocks with
 * their cells, and batches of original files with their checked bytes. In the app the store worker
 * does this (see storeWorker.ts), so that encoding, sealing and committing take another core than
 * reading, hashing and checking the archive; in tests the same code runs in the restoring thread.
 */
import type { ShipmentBlock, ShipmentCells } from '#shared/customs/dataset';
import type { FilePart, InvestigationDb, StoredFile } from '../../db/schema';
import { addFileRecord, filePartsOf, fileRecord, storeFile } from '../../db/storedFiles';

/** An original file as the archive holds it: its record (without its size) and its checked bytes. */
export type RestoredFile = { file: Omit<StoredFile, 'size'>; content: Uint8Array };

export type RestoreWriter = {
  /** Stores blocks and cells, in one transaction. */
  storeBlocks(blocks: ShipmentBlock[], cells: ShipmentCells[]): Promise<void>;
  /** Stores files (sealed if the database seals), in one transaction. */
  storeFiles(files: RestoredFile[]): Promise<void>;
  /**
   * Stores one file, a part at a time as its pieces come (each sealed if the database seals), and
   * then its record: a file too large to be held whole. Its pieces' last throws if they were
   * changed, and nothing of it stays.
   */
  storeFileInPieces(
    file: RestoredFile['file'],
    size: number,
    pieces: AsyncIterable<Uint8Array>,
  ): Promise<void>;
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
    const parts: FilePart[] = [];
    for (const { file, content } of files) {
      const record = fileRecord(file, content.length);
      for await (const part of filePartsOf(db, record, content)) parts.push(part);
      records.push(record);
    }
    if (records.length === 0) return;
    await db.transaction('rw', [db.files, db.fileParts], async () => {
      await db.fileParts.bulkPut(parts);
      for (const record of records) await addFileRecord(db, record);
    });
  },
  async storeFileInPieces(file, size, pieces) {
    await storeFile(db, file, { size, pieces });
  },
});
