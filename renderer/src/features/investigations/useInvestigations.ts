import { useLiveQuery } from 'dexie-react-hooks';
import type { Investigation } from '../../../../shared/investigation';
import { indexDb, investigationDb } from '../../db/databases';

/** Investigations, newest first; undefined while loading. */
export const useInvestigations = (): Investigation[] | undefined =>
  useLiveQuery(async () =>
    (await indexDb.investigations.orderBy('createdAt').reverse().toArray()).filter(
      (investigation) => !investigation.deleting && !investigation.restoring,
    ),
  );

/** One investigation; null when there is none with that id, undefined while loading. */
export const useInvestigation = (id: string): Investigation | null | undefined =>
  useLiveQuery(async () => {
    const investigation = await indexDb.investigations.get(id);
    return investigation && !investigation.deleting && !investigation.restoring
      ? investigation
      : null;
  }, [id]);

export const useClaimCount = (id: string): number | undefined =>
  useLiveQuery(() => investigationDb(id).claims.count(), [id]);
