import { useLiveQuery } from 'dexie-react-hooks';
import type { Status } from '#shared/investigation';
import { useCaseDb } from '../caseDb';

export function useStatuses(): Status[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.statuses.orderBy('order').toArray(), [db]);
}

/** How many claims use each status, by status id. */
export function useStatusUsage(): Map<string, number> | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const usage = new Map<string, number>();
    await db.claims.each((claim) =>
      usage.set(claim.statusId, (usage.get(claim.statusId) ?? 0) + 1),
    );
    return usage;
  }, [db]);
}
