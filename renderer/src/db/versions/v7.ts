import type { EntityTable, Table, Transaction } from 'dexie';
import type { AuditEntry, Claim } from '#shared/investigation';
import type { SchemaVersion } from './types';

/**
 * The reason given with each claim's latest status change, from the audit log: where claims kept
 * it before version 7 (and where archives written before it still keep it).
 */
async function latestStatusReasons(
  audit: Table<AuditEntry, number> | EntityTable<AuditEntry, 'id'>,
): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  await audit
    .where('[table+recordId]')
    .between(['claims', ''], ['claims', '\uffff'])
    .each((entry) => {
      if (entry.after && 'statusId' in entry.after) reasons.set(entry.recordId, entry.reason ?? '');
    });
  return reasons;
}

/** Gives every claim without one the reason of its latest status change ('' if none was given). */
export async function backfillStatusReasons(
  claims: Table<Claim, string> | EntityTable<Claim, 'id'>,
  audit: Table<AuditEntry, number> | EntityTable<AuditEntry, 'id'>,
): Promise<void> {
  const reasons = await latestStatusReasons(audit);
  await claims.toCollection().modify((claim) => {
    claim.statusReason ??= reasons.get(claim.id) ?? '';
  });
}

/**
 * A claim stores the reason for its current status (the audit log stays the history), so that
 * nothing has to scan the log to show or export it. No index changes; the upgrade backfills it.
 */
export const v7: SchemaVersion = {
  version: 7,
  stores: {},
  upgrade: (transaction: Transaction) =>
    backfillStatusReasons(transaction.table('claims'), transaction.table('audit')),
};
