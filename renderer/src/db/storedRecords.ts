/**
 * Records read beneath the sealing middleware and opened in two halves, so that one thread can
 * read and unseal them while another decodes and uses those it was handed before.
 *
 * Why: Chromium hands a large stored value (over 64 KB: a shipment block) to the thread that asked
 * for it as a blob, which that thread then reads itself, task by task. A thread busy with the
 * records it already has reads no further, so reading and using records in one thread take the sum
 * of both; and unsealing is as much work again as decoding.
 */
import {
  decodeUnsealed,
  tablePlan,
  unsealRecord,
  type TablePlan,
} from '#shared/lock/sealedRecords';
import type { InvestigationDb } from './schema';

function planOf(db: InvestigationDb, table: string): TablePlan {
  const { schema } = db.core.table(table);
  return tablePlan(
    schema.name,
    schema.primaryKey,
    schema.indexes.map((index) => index.keyPath),
  );
}

/**
 * The records of `table` whose primary keys are from `lower` up to, not including, `upper`,
 * unsealed and not yet decoded (records of a database without keys come as they are stored).
 */
export async function readUnsealed(
  db: InvestigationDb,
  table: string,
  lower: IDBValidKey,
  upper: IDBValidKey,
): Promise<unknown[]> {
  await db.open();
  const store = db.backendDB().transaction(table, 'readonly').objectStore(table);
  const request = store.getAll(IDBKeyRange.bound(lower, upper, false, true));
  const stored = await new Promise<unknown[]>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Reading ${table} failed.`));
  });
  const { keys } = db;
  if (!keys) return stored;
  const plan = planOf(db, table);
  return stored.map((record) => unsealRecord(keys, plan, record));
}

/** The buffers the records' own fields hold (their opened bytes), to move them to another thread. */
export function recordBuffers(records: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const record of records)
    for (const field of Object.values(record as object))
      if (ArrayBuffer.isView(field)) buffers.add(field.buffer as ArrayBuffer);
  return [...buffers];
}

/** Decodes a record of `table` as `readUnsealed` gave it into the record that was stored. */
export function unsealedDecoder(db: InvestigationDb, table: string): (record: unknown) => unknown {
  const plan = planOf(db, table);
  return (record) => decodeUnsealed(plan, record);
}
