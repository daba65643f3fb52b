/**
 * The reference database: public data shared by every case, kept apart from them (the handbook's
 * rule): sanctions-list snapshots, their targets in blocks (shared/sanctions/snapshot.ts), and the
 * OCR language files the user added (shared/documents/ocrLanguage.ts). It holds
 * nothing of any case, so it is not sealed; what a case makes of a snapshot (candidates,
 * confirmations, cited designations) is stored in the case.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { OcrLanguageFile } from '#shared/documents/ocrLanguage';
import type { SanctionsSnapshot, TargetBlock } from '#shared/sanctions/snapshot';

const REFERENCE_DB_NAME = 'waybill-reference';

export class ReferenceDb extends Dexie {
  snapshots!: EntityTable<SanctionsSnapshot, 'id'>;
  targetBlocks!: Dexie.Table<TargetBlock, [string, number]>;
  ocrLanguages!: EntityTable<OcrLanguageFile, 'code'>;

  constructor() {
    super(REFERENCE_DB_NAME);
    // Version 1: sanctions snapshots and their target blocks.
    this.version(1).stores({
      snapshots: 'id, importedAt',
      targetBlocks: '[snapshotId+blockNo], snapshotId',
    });
    // Version 2: OCR language data the user provides (Tesseract `.traineddata` files), kept once.
    this.version(2).stores({ ocrLanguages: 'code' });
  }
}

/** The page's (or a worker's) one handle on the reference database. */
export const referenceDb = new ReferenceDb();

/** Removes a snapshot and its blocks, in one transaction. */
export async function deleteSnapshot(db: ReferenceDb, snapshotId: string): Promise<void> {
  await db.transaction('rw', db.snapshots, db.targetBlocks, async () => {
    await db.targetBlocks.where('snapshotId').equals(snapshotId).delete();
    await db.snapshots.delete(snapshotId);
  });
}
