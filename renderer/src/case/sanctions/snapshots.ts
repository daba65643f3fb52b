/**
 * Sanctions snapshots kept in the reference database: listed live, imported through the sanctions
 * worker (off the UI thread, with progress and Cancel), removed.
 */
import * as Comlink from 'comlink';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ScreenedParty } from '#shared/sanctions/screening';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { deleteSnapshot, referenceDb } from '../../db/referenceDb';
import type { SanctionsWorkerApi } from '../../workers/sanctionsWorker';
import type {
  SnapshotChoices,
  SnapshotImportProgress,
} from '../../workers/sanctions/importSnapshot';

export type { SnapshotImportProgress } from '../../workers/sanctions/importSnapshot';

let worker: Comlink.Remote<SanctionsWorkerApi> | null = null;

function sanctionsWorker(): Comlink.Remote<SanctionsWorkerApi> {
  worker ??= Comlink.wrap<SanctionsWorkerApi>(
    new Worker(new URL('../../workers/sanctionsWorker.ts', import.meta.url), {
      type: 'module',
      name: 'sanctions',
    }),
  );
  return worker;
}

/** The snapshots imported whole, newest snapshot date first (undefined while loading). */
export const useSnapshots = (): SanctionsSnapshot[] | undefined =>
  useLiveQuery(async () =>
    (await referenceDb.snapshots.toArray())
      .filter((snapshot) => snapshot.status === 'ready')
      .sort((a, b) => b.date.localeCompare(a.date) || b.importedAt - a.importedAt),
  );

export const importSnapshotFile = (
  file: File,
  choices: SnapshotChoices,
  onProgress: (progress: SnapshotImportProgress) => void,
) => sanctionsWorker().import(file, file.name, choices, Comlink.proxy(onProgress));

/** Screens parties against a snapshot, off the UI thread (see the worker's `screen`). */
export const screenParties = (snapshotId: string, parties: ScreenedParty[]) =>
  sanctionsWorker().screen(snapshotId, parties);

/** A snapshot's targets by id, off the UI thread. */
export const snapshotTargets = (snapshotId: string, ids: string[]) =>
  sanctionsWorker().targets(snapshotId, ids);

export type { ScreenedCandidate } from '#shared/sanctions/caseScreening';

/** Stops the running import: what it wrote is removed and it resolves as cancelled. */
export const cancelSnapshotImport = (): void => void worker?.cancel();

export const removeSnapshot = (snapshotId: string): Promise<void> =>
  deleteSnapshot(referenceDb, snapshotId);
