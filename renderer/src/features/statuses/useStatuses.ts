import { useLiveQuery } from 'dexie-react-hooks';
import type { Status } from '../../../../shared/investigation';
import type { InvestigationDb } from '../../db/schema';

export const useStatuses = (db: InvestigationDb): Status[] | undefined =>
  useLiveQuery(() => db.statuses.orderBy('order').toArray(), [db]);

/** How many claims use each status, by status id. */
export const useStatusUsage = (db: InvestigationDb): Map<string, number> | undefined =>
  useLiveQuery(async () => {
    const usage = new Map<string, number>();
    await db.claims.each((claim) =>
      usage.set(claim.statusId, (usage.get(claim.statusId) ?? 0) + 1),
    );
    return usage;
  }, [db]);
