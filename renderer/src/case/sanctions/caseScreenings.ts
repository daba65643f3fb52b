/**
 * The case's screenings against sanctions snapshots (shared/sanctions/caseScreening.ts): written as
 * a screening finds something new, each with its audit entry in the same transaction, and read live.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  screeningAuditFields,
  screeningFindings,
  type CaseScreeningRecord,
} from '#shared/sanctions/caseScreening';
import { recordChange } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { useCaseDb } from '../caseDb';

/**
 * Keeps what a screening of the case found against a snapshot, in place of the case's earlier
 * screening against the same snapshot. A screening that finds what the stored one found writes
 * nothing (the case is screened again each time it opens). Returns the record the case now holds.
 */
export async function recordScreening(
  db: InvestigationDb,
  screening: Omit<CaseScreeningRecord, 'id' | 'screenedAt'>,
): Promise<CaseScreeningRecord> {
  return db.transaction('rw', [db.sanctionsScreenings, db.audit], async () => {
    const id = screening.snapshot.sha256;
    const stored = await db.sanctionsScreenings.get(id);
    if (stored && screeningFindings(stored) === screeningFindings(screening)) return stored;
    const { sha256, date, fileName, source } = screening.snapshot;
    const record: CaseScreeningRecord = {
      id,
      snapshot: { sha256, date, fileName, source },
      screened: screening.screened,
      found: screening.found,
      screenedAt: Date.now(),
    };
    await db.sanctionsScreenings.put(record);
    await recordChange(
      db,
      'sanctionsScreenings',
      id,
      stored ? 'update' : 'create',
      stored ? screeningAuditFields(stored) : null,
      screeningAuditFields(record),
    );
    return record;
  });
}

/**
 * The case's screenings, the latest first (undefined while reading); read only when `wanted`
 * (where the app holds no snapshot: a screening of a large case is megabytes to unseal).
 */
export function useStoredScreenings(wanted: boolean): CaseScreeningRecord[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () =>
      wanted
        ? (await db.sanctionsScreenings.toArray()).sort((a, b) => b.screenedAt - a.screenedAt)
        : [],
    [db, wanted],
  );
}
