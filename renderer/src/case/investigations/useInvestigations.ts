import { useLiveQuery } from 'dexie-react-hooks';
import type { Investigation } from '#shared/investigation';
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  indexDb,
  investigationDb,
  isUnlocked,
  onKeysChange,
  openStoredKeys,
} from '../../db/databases';
import { messageOf } from '../../lib/errorMessage';

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

/** How many claims an investigation holds; null while it is closed (locked, or being opened). */
export const useClaimCount = (investigation: Investigation): number | null | undefined => {
  const open = useIsOpen(investigation);
  return useLiveQuery(
    async () => (open ? await investigationDb(investigation).claims.count() : null),
    [investigation.id, open],
  );
};

/** Whether an investigation's contents can be read now (its keys are in memory). */
export const useIsOpen = (investigation: Investigation): boolean => useOpening(investigation).open;

/**
 * Opens an investigation without a passphrase as soon as it is shown (its stored keys are read);
 * a locked one stays closed until unlocked. `error` says why one could not be opened.
 */
export function useOpening(investigation: Investigation | null | undefined): {
  open: boolean;
  error: string | null;
} {
  const id = investigation?.id;
  const open = useSyncExternalStore(onKeysChange, () => id !== undefined && isUnlocked(id));
  const [error, setError] = useState<string | null>(null);
  const needsKeys = investigation && !open && !investigation.lock ? investigation : null;
  useEffect(() => {
    if (!needsKeys) return;
    openStoredKeys(needsKeys).catch((caught: unknown) => setError(messageOf(caught)));
    // The row's identity decides; its other fields change on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needsKeys?.id, needsKeys?.databaseId]);
  return { open, error: open ? null : error };
}
