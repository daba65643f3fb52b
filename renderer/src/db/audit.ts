import { Dexie, type EntityTable, type IDType } from 'dexie';
import type { AuditAction, AuditEntry } from '#shared/investigation';
import { currentActor } from './actor';
import { newId } from './databases';
import type { InvestigationDb } from './schema';

type Fields = Record<string, unknown>;

/** The fields whose values differ between two versions of a record, as before/after pairs. */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const changed = { before: {} as Fields, after: {} as Fields };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changed.before[key] = before[key];
      changed.after[key] = after[key];
    }
  }
  return changed;
}

/**
 * Appends to the audit log: what changed in one record (`before` null for a new record, `after`
 * null for a removed one), with the user's reason where one was given. It must run inside the
 * transaction that makes the change, so that the log and the data can never disagree.
 */
export async function recordChange(
  db: InvestigationDb,
  table: AuditEntry['table'],
  recordId: string,
  action: AuditAction,
  before: Fields | null,
  after: Fields | null,
  reason?: string,
): Promise<void> {
  if (!Dexie.currentTransaction) throw new Error('recordChange must run inside a transaction');
  const by = currentActor();
  const entry: AuditEntry = { table, recordId, action, before, after, at: Date.now() };
  const trimmed = reason?.trim();
  await db.audit.add({ ...entry, ...(trimmed ? { reason: trimmed } : {}), ...(by ? { by } : {}) });
}

/**
 * Changes some fields of one record and records what they were, in one transaction. A change that
 * changes nothing writes nothing.
 */
export async function updateAudited<T extends { id: string }>(
  db: InvestigationDb,
  table: EntityTable<T, 'id'>,
  auditTable: AuditEntry['table'],
  id: string,
  changes: Partial<T> & Fields,
  missing: string,
): Promise<void> {
  await db.transaction('rw', [table, db.audit], async () => {
    const key = id as IDType<T, 'id'>;
    const record = (await table.get(key)) as (T & Fields) | undefined;
    if (!record) throw new Error(missing);
    const current = Object.fromEntries(Object.keys(changes).map((key) => [key, record[key]]));
    const diff = changedFields(current, changes);
    if (Object.keys(diff.after).length === 0) return;
    await table.update(key, changes as never);
    await recordChange(db, auditTable, id, 'update', diff.before, diff.after);
  });
}

type Timed = { id: string; createdAt: number; updatedAt: number };

/**
 * Creates a record (`id` undefined, or no longer stored) or changes one, with its audit entry; a
 * change that changes nothing writes nothing. Runs in the caller's transaction, which must hold
 * `table` and the audit log. Returns the record's id.
 */
export async function saveAudited<T extends Timed>(
  db: InvestigationDb,
  table: EntityTable<T, 'id'>,
  auditTable: AuditEntry['table'],
  fields: Omit<T, keyof Timed>,
  id?: string,
): Promise<string> {
  const now = Date.now();
  const existing: T | undefined = id ? await table.get(id as IDType<T, 'id'>) : undefined;
  if (existing) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...before } = existing;
    const diff = changedFields(before, fields);
    if (Object.keys(diff.after).length === 0) return existing.id;
    await table.update(existing.id as IDType<T, 'id'>, { ...fields, updatedAt: now } as never);
    await recordChange(db, auditTable, existing.id, 'update', diff.before, diff.after);
    return existing.id;
  }
  const record = { ...fields, id: newId(), createdAt: now, updatedAt: now } as unknown as T;
  await table.add(record);
  await recordChange(db, auditTable, record.id, 'create', null, fields);
  return record.id;
}
