import { Dexie } from 'dexie';
import type { Investigation } from '../../../shared/investigation';
import type { LockKeys } from '../../../shared/lock/sealing';
import {
  databaseIdOf,
  databaseName,
  IndexDb,
  InvestigationDb,
  investigationDbName,
} from './schema';

/** The one index database of this origin. */
export const indexDb = new IndexDb();

const openDatabases = new Map<string, InvestigationDb>();

/** The keys of the locked investigations unlocked in this session: memory only, never stored. */
const unlockedKeys = new Map<string, LockKeys>();
const keyListeners = new Set<() => void>();

class InvestigationLockedError extends Error {
  constructor() {
    super('This investigation is locked: unlock it with its passphrase first.');
  }
}

export function isUnlocked(investigationId: string): boolean {
  return unlockedKeys.has(investigationId);
}

/** For useSyncExternalStore: called whenever an investigation is unlocked or locked again. */
export function onKeysChange(listener: () => void): () => void {
  keyListeners.add(listener);
  return () => keyListeners.delete(listener);
}

export function rememberKeys(investigationId: string, keys: LockKeys): void {
  unlockedKeys.set(investigationId, keys);
  keyListeners.forEach((listener) => listener());
}

/** Locks an investigation again: its keys are dropped and its open database closed. */
export function forgetKeys(investigationId: string): void {
  if (!unlockedKeys.delete(investigationId)) return;
  for (const [name, db] of openDatabases) {
    if (db.investigationId !== investigationId || !db.keys) continue;
    db.close();
    openDatabases.delete(name);
  }
  keyListeners.forEach((listener) => listener());
}

/**
 * The database of one investigation; the same instance while it is open. A locked investigation's
 * database is only reachable while it is unlocked.
 */
export function investigationDb(
  investigation: Pick<Investigation, 'id' | 'lock' | 'databaseId'>,
): InvestigationDb {
  const keys = investigation.lock ? unlockedKeys.get(investigation.id) : undefined;
  if (investigation.lock && !keys) throw new InvestigationLockedError();
  const access = { investigationId: investigation.id, databaseId: investigation.databaseId, keys };
  const name = databaseName(access);
  let db = openDatabases.get(name);
  if (!db) {
    db = new InvestigationDb(access);
    openDatabases.set(name, db);
  }
  return db;
}

function closeDatabase(databaseId: string, locked: boolean): void {
  const name = investigationDbName(databaseId, locked);
  openDatabases.get(name)?.close();
  openDatabases.delete(name);
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
 * Deletes one database of an investigation (a lock pass leaves the other), named by the
 * investigation's database id (see databaseIdOf).
 */
export async function deleteDatabase(databaseId: string, locked: boolean): Promise<void> {
  closeDatabase(databaseId, locked);
  await flushPendingWrites();
  await Dexie.delete(investigationDbName(databaseId, locked));
  await flushPendingWrites();
}

/** Closes and deletes an investigation's databases: its claims, statuses and history are gone. */
export async function deleteInvestigationDb(
  investigation: Pick<Investigation, 'id' | 'databaseId'>,
): Promise<void> {
  forgetKeys(investigation.id);
  await deleteDatabase(databaseIdOf(investigation), false);
  await deleteDatabase(databaseIdOf(investigation), true);
}

export const newId = (): string => crypto.randomUUID();
