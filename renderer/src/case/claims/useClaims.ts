import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, Claim, Section } from '#shared/investigation';
import { useCaseDb } from '../caseDb';

export function useClaims(): Claim[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.claims.orderBy('order').toArray(), [db]);
}

export function useSections(): Section[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.sections.orderBy('order').toArray(), [db]);
}

/** A claim's history, newest first. */
export function useClaimHistory(claimId: string): AuditEntry[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () =>
      (await db.audit.where('[table+recordId]').equals(['claims', claimId]).sortBy('id')).reverse(),
    [db, claimId],
  );
}
