import { useLiveQuery } from 'dexie-react-hooks';
import type { Investigation } from '../../../../shared/investigation';
import { useSyncExternalStore } from 'react';
import { indexDb, investigationDb, isUnlocked, onKeysChange } from '../../db/databases';

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

/** How many claims an investigation holds; null while it is locked. */
export const useClaimCount = (investigation: Investigation): number | null | undefined => {
  const open = useIsOpen(investigation);
  return useLiveQuery(
    async () => (open ? await investigationDb(investigation).claims.count() : null),
    [investigation.id, open],
  );
};

/** Whether an investigation's contents can be read now: not locked, or unlocked this session. */
export function useIsOpen(investigation: Pick<Investigation, 'id' | 'lock'>): boolean {
  const unlocked = useSyncExternalStore(onKeysChange, () => isUnlocked(investigation.id));
  return !investigation.lock || unlocked;
}
