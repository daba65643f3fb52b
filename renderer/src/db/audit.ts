import { Dexie } from 'dexie';
import type { AuditAction, AuditEntry } from '../../../shared/investigation';
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

export type ChangeRecord = {
  table: AuditEntry['table'];
  recordId: string;
  action: AuditAction;
  before: Fields | null;
  after: Fields | null;
  reason?: string;
};

/**
 * Appends to the audit log. It must run inside the transaction that makes the change, so that the
 * log and the data can never disagree.
 */
export async function recordChange(db: InvestigationDb, change: ChangeRecord): Promise<void> {
  if (!Dexie.currentTransaction) throw new Error('recordChange must run inside a transaction');
  const { reason, ...rest } = change;
  const trimmed = reason?.trim();
  await db.audit.add(
    trimmed ? { ...rest, at: Date.now(), reason: trimmed } : { ...rest, at: Date.now() },
  );
}
