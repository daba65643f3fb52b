/**
 * The sealing pass: a database an earlier version kept in the clear is copied into a sealed one
 * (each record sealed on the way). Records cannot be encrypted where they lie: Chromium keeps
 * earlier values in its database log, so an in-place overwrite leaves the plaintext on disk. Once
 * the copy is whole its keys are stored, which is what names it the whole one, and only then is the
 * old database deleted. Cut short anywhere, the old one is still whole; the next start deletes the
 * partial copy and begins again (see recoverLockPasses).
 */
import type { Table } from 'dexie';
import { HASHED_FIELDS } from '#shared/lock/sealedRecords';
import type { InvestigationDb } from '../../db/schema';
import { fileBlob, storeFile } from '../../db/storedFiles';

export type PassProgress = (done: number, total: number) => void;

class LockPassCancelled extends Error {
  constructor() {
    super('Cancelled: the investigation is as it was.');
  }
}

/** Records per read and write: shipment blocks and cells hold 10,000 rows each. */
const pageSize = (table: string) =>
  table === 'shipmentBlocks' || table === 'shipmentCells' ? 8 : 2_000;

/** Every record of `table`, a page at a time, in primary-key order. */
async function* pages(table: Table): AsyncGenerator<unknown[]> {
  const size = pageSize(table.name);
  const primaryKey = table.schema.primKey.keyPath;
  const keyPaths = primaryKey === undefined ? [] : [primaryKey].flat();
  // A hashed primary key has no order to page by; such tables are small.
  if (keyPaths.some((path) => HASHED_FIELDS[table.name]?.includes(path))) {
    yield await table.toArray();
    return;
  }
  let page = await table.orderBy(':id').limit(size).toArray();
  while (page.length > 0) {
    yield page;
    if (page.length < size) return;
    const last: unknown = table.core.schema.primaryKey.extractKey!(page.at(-1));
    page = await table.where(':id').above(last).limit(size).toArray();
  }
}

/** Copies every record of `source` into `target`, which is emptied first. */
export async function copyInvestigation(
  source: InvestigationDb,
  target: InvestigationDb,
  onProgress?: PassProgress,
  cancelled?: () => boolean,
): Promise<void> {
  await target.open();
  // The new database was populated with the default statuses; the source's own replace them.
  await target.transaction('rw', target.tables, async () => {
    for (const table of target.tables) await table.clear();
  });
  // A file's parts are copied with its record, sealed as they are read.
  const tables = source.tables.filter((table) => table.name !== 'fileParts');
  const counts = await Promise.all(tables.map((table) => table.count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  const step = (count: number) => {
    if (cancelled?.()) throw new LockPassCancelled();
    done += count;
    onProgress?.(done, total);
  };
  step(0);
  for (const table of tables) {
    const into = target.table(table.name);
    if (table.name === 'files') {
      for (const file of await source.files.toArray()) {
        // As a Blob: an original stored in the clear is read 4 MB at a time as it is sealed, not
        // taken into memory whole (1.9 GB for the 10,000,000-row customs file).
        await storeFile(target, file, await fileBlob(source, file));
        step(1);
      }
      continue;
    }
    for await (const page of pages(table)) {
      await into.bulkPut(page);
      step(page.length);
    }
  }
}
