import { Dexie } from 'dexie';
import type { Investigation } from '#shared/investigation';
import { newLockKeys, type LockKeys } from '#shared/lock/sealing';
import { OpenDatabases } from './openDatabases';
import { databaseIdOf, IndexDb, type InvestigationDb, investigationDbName } from './schema';
import { discardStoredKeys, readStoredKeys, storeKeys } from './storedKeys';

/** The one index database of this origin. */
export const indexDb = new IndexDb();

const openDatabases = new OpenDatabases();

/**
 * The keys of the investigations open in this session: memory only. An investigation without a
 * passphrase has its keys in a file (see storedKeys.ts), read when it is first opened; a locked one
 * has them only once its passphrase is given.
 */
const openKeys = new Map<string, LockKeys>();
const keyListeners = new Set<() => void>();

class InvestigationLockedError extends Error {
  constructor() {
    super('This investigation is locked: unlock it with its passphrase first.');
  }
}

class MissingKeysError extends Error {
  constructor(name: string) {
    super(
      `The keys of “${name}” are missing from this browser profile: its contents cannot be read.`,
    );
  }
}

/** Whether an investigation's keys are in memory: its contents can be read now. */
export function isUnlocked(investigationId: string): boolean {
  return openKeys.has(investigationId);
}

/** For useSyncExternalStore: called whenever an investigation is opened or locked again. */
export function onKeysChange(listener: () => void): () => void {
  keyListeners.add(listener);
  return () => keyListeners.delete(listener);
}

export function rememberKeys(investigationId: string, keys: LockKeys): void {
  openKeys.set(investigationId, keys);
  keyListeners.forEach((listener) => listener());
}

/** Closes an investigation for this session: its keys are dropped and its open database closed. */
export function forgetKeys(investigationId: string): void {
  if (!openKeys.delete(investigationId)) return;
  openDatabases.closeInvestigation(investigationId);
  keyListeners.forEach((listener) => listener());
}

/**
 * Opens an investigation that has no passphrase: its stored keys are read into memory. A locked
 * one is left as it is (see unlockInvestigation).
 */
export async function openStoredKeys(
  investigation: Pick<Investigation, 'id' | 'name' | 'lock' | 'databaseId'>,
): Promise<void> {
  if (investigation.lock || openKeys.has(investigation.id)) return;
  const keys = await readStoredKeys(databaseIdOf(investigation));
  if (!keys) throw new MissingKeysError(investigation.name);
  rememberKeys(investigation.id, keys);
}

/** Gives a new database its keys: stored (it has no passphrase yet) and held in memory. */
export async function createKeys(
  investigation: Pick<Investigation, 'id' | 'databaseId'>,
): Promise<void> {
  const keys = newLockKeys();
  await storeKeys(databaseIdOf(investigation), keys);
  rememberKeys(investigation.id, keys);
}

/**
 * The database of one investigation; the same instance while it is open. It is only reachable
 * while the investigation's keys are in memory (see openStoredKeys, unlockInvestigation).
 */
export function investigationDb(
  investigation: Pick<Investigation, 'id' | 'lock' | 'databaseId'>,
): InvestigationDb {
  const keys = openKeys.get(investigation.id);
  if (!keys) throw new InvestigationLockedError();
  return openDatabases.open({
    investigationId: investigation.id,
    databaseId: investigation.databaseId,
    keys,
  });
}

/**
 * Chromium keeps a deleted database's records in its LevelDB files until a compaction rewrites
 * them. Deleting a database compacts that database's key range, but only what was already in
 * table files when the deletion began: records still in the write-ahead log are flushed together
 * with their deletion into one file that nothing compacts. Opening and deleting an empty database
 * first flushes everything pending, so the real deletion's compaction covers all of it; doing so
 * again afterwards has LevelDB remove the table files that compaction replaced.
 */
async function flushPendingWrites(): Promise<void> {
  const scratch = new Dexie('waybill-flush');
  scratch.version(1).stores({});
  await scratch.open();
  scratch.close();
  await Dexie.delete('waybill-flush');
}

/**
 * Deletes one database of an investigation, sealed or in the clear (see investigationDbName), named
 * by the investigation's database id (see databaseIdOf).
 */
export async function deleteDatabase(databaseId: string, sealed: boolean): Promise<void> {
  openDatabases.closeNamed(investigationDbName(databaseId, sealed));
  await flushPendingWrites();
  await Dexie.delete(investigationDbName(databaseId, sealed));
  await flushPendingWrites();
}

/**
 * Closes and deletes an investigation's databases and stored keys: its claims, statuses and history
 * are gone.
 */
export async function deleteInvestigationDb(
  investigation: Pick<Investigation, 'id' | 'databaseId'>,
): Promise<void> {
  forgetKeys(investigation.id);
  await discardDatabase(databaseIdOf(investigation));
}

/** Deletes a database id's stored keys first (what is left can no longer be read), then its databases. */
export async function discardDatabase(databaseId: string): Promise<void> {
  await discardStoredKeys(databaseId);
  await deleteDatabase(databaseId, false);
  await deleteDatabase(databaseId, true);
}

export const newId = (): string => crypto.randomUUID();
