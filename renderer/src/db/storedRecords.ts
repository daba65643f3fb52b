/**
 * Records read as IndexedDB holds them, beneath the sealing middleware, and opened apart, so that
 * one thread can read while another opens and uses the records read before.
 *
 * Why: Chromium hands a large stored value (over 64 KB: a shipment block) to the thread that asked
 * for it as a blob, which that thread then reads itself, task by task. A thread busy with the
 * records it already has reads no further, so reading and using records in one thread take the
 * sum of both. The reading thread does nothing else: unsealing there too made it the slower one.
 */
import { openRecord, tablePlan } from '#shared/lock/sealedRecords';
import type { InvestigationDb } from './schema';

/** The records of `table` whose primary keys are from `lower` up to, not including, `upper`. */
export async function readStored(
  db: InvestigationDb,
  table: string,
  lower: IDBValidKey,
  upper: IDBValidKey,
): Promise<unknown[]> {
  await db.open();
  const store = db.backendDB().transaction(table, 'readonly').objectStore(table);
  const request = store.getAll(IDBKeyRange.bound(lower, upper, false, true));
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Reading ${table} failed.`));
  });
}

/** The buffers the records' own fields hold (their sealed bytes), to move them to another thread. */
export function storedBuffers(records: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const record of records)
    for (const field of Object.values(record as object))
      if (ArrayBuffer.isView(field)) buffers.add(field.buffer as ArrayBuffer);
  return [...buffers];
}

/**
 * Opens a record of `table` as `readStored` gave it, as the sealing middleware opens it (a record
 * of a database without keys is stored as it is).
 */
export function storedOpener(db: InvestigationDb, table: string): (stored: unknown) => unknown {
  const { keys } = db;
  if (!keys) return (stored) => stored;
  const { schema } = db.core.table(table);
  const plan = tablePlan(
    schema.name,
    schema.primaryKey,
    schema.indexes.map((index) => index.keyPath),
  );
  return (stored) => openRecord(keys, plan, stored);
}
