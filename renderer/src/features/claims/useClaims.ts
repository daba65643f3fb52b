import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, Claim, Section } from '../../../../shared/investigation';
import type { InvestigationDb } from '../../db/schema';

export const useClaims = (db: InvestigationDb): Claim[] | undefined =>
  useLiveQuery(() => db.claims.orderBy('order').toArray(), [db]);

export const useSections = (db: InvestigationDb): Section[] | undefined =>
  useLiveQuery(() => db.sections.orderBy('order').toArray(), [db]);

/** A claim's history, newest first. */
export const useClaimHistory = (db: InvestigationDb, claimId: string): AuditEntry[] | undefined =>
  useLiveQuery(
    async () =>
      (await db.audit.where('[table+recordId]').equals(['claims', claimId]).sortBy('id')).reverse(),
    [db, claimId],
  );
