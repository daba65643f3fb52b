/**
 * Locking an investigation: turning the lock on and off (each a pass in the archive worker, see
 * lockPass.ts), unlocking it for this session, locking it again, and tidying up after a pass that
 * was cut short.
 */
import * as Comlink from 'comlink';
import type { Investigation } from '../../../../shared/investigation';
import { newLockKeys, type LockKeys } from '../../../../shared/lock/sealing';
import { ifNoTabWorksOn, exclusiveAcrossTabs } from '../../db/crossTabWork';
import { deleteDatabase, forgetKeys, indexDb, rememberKeys } from '../../db/databases';
import { databaseIdOf, investigationDbName, type DbAccess } from '../../db/schema';
import { archiveWorker, stopArchiveWorker } from '../archive/archiveWorkerClient';
import { runningImportWorker } from '../datasets/importWorkerClient';
import { stopShipmentWorker } from '../shipments/shipmentWorkerClient';
import type { PassProgress } from '../../workers/lock/lockPass';
import { unwrapKeys, wrapKeys } from './lockKeys';

export const IDLE_CHOICES = [5, 15, 30, 60] as const;

class LockError extends Error {}

/**
 * Turns the lock on: a sealed copy of every record is written into the investigation's locked
 * database, the index row switches to it, and the open database is deleted.
 */
export async function turnLockOn(
  investigation: Investigation,
  passphrase: string,
  idleMinutes: number,
  onProgress: PassProgress,
  copy: Copy = copyInWorker,
): Promise<void> {
  if (investigation.lock) throw new LockError('This investigation is locked already.');
  const keys = newLockKeys();
  const lock = await wrapKeys(passphrase, keys, idleMinutes);
  await exclusiveAcrossTabs(investigation.id, async () => {
    // Known before the row names the locked database, so the page can open it straight away.
    rememberKeys(investigation.id, keys);
    await runPass(investigation, 'locking', undefined, keys, onProgress, copy).catch(
      (error: unknown) => {
        forgetKeys(investigation.id);
        throw error;
      },
    );
    await indexDb.investigations.update(investigation.id, { lock, lockPass: undefined });
    await deleteDatabase(databaseIdOf(investigation), false);
  });
}

/** Turns the lock off (the passphrase is asked again): the reverse pass. */
export async function turnLockOff(
  investigation: Investigation,
  passphrase: string,
  onProgress: PassProgress,
  copy: Copy = copyInWorker,
): Promise<void> {
  if (!investigation.lock) throw new LockError('This investigation is not locked.');
  const keys = await unwrapKeys(passphrase, investigation.lock);
  await exclusiveAcrossTabs(investigation.id, async () => {
    await runPass(investigation, 'unlocking', keys, undefined, onProgress, copy);
    await indexDb.investigations.update(investigation.id, { lock: undefined, lockPass: undefined });
    lockAgain(investigation.id);
    await deleteDatabase(databaseIdOf(investigation), true);
  });
}

/** Copies an investigation's database into its other one (see lockPass.ts). */
export type Copy = (from: DbAccess, to: DbAccess, onProgress: PassProgress) => Promise<void>;

const copyInWorker: Copy = async (from, to, onProgress) => {
  try {
    await archiveWorker().copyInvestigation(from, to, Comlink.proxy(onProgress));
  } finally {
    // The old database's files can only leave the disk once nothing holds them.
    stopArchiveWorker();
  }
};

async function runPass(
  investigation: Investigation,
  pass: 'locking' | 'unlocking',
  from: LockKeys | undefined,
  to: LockKeys | undefined,
  onProgress: PassProgress,
  copy: Copy,
): Promise<void> {
  const { id } = investigation;
  const databaseId = databaseIdOf(investigation);
  await indexDb.investigations.update(id, { lockPass: pass });
  try {
    await copy(
      { investigationId: id, databaseId, keys: from },
      { investigationId: id, databaseId, keys: to },
      onProgress,
    );
  } catch (error) {
    // The row still names the source, which is whole; the partial copy goes.
    await deleteDatabase(databaseId, Boolean(to));
    await indexDb.investigations.update(id, { lockPass: undefined });
    throw error;
  }
}

/** Unlocks for this session: a wrong passphrase is refused (WrongPassphraseError). */
export async function unlockInvestigation(
  investigation: Investigation,
  passphrase: string,
): Promise<void> {
  if (!investigation.lock) return;
  rememberKeys(investigation.id, await unwrapKeys(passphrase, investigation.lock));
}

/**
 * Locks again: the keys leave memory, in this page and in the import worker, and so does every
 * decrypted shipment the engine held.
 */
export function lockAgain(investigationId: string): void {
  forgetKeys(investigationId);
  void runningImportWorker()?.forget(investigationId);
  stopShipmentWorker();
}

/**
 * Run once at start-up. Whatever a pass left, the index row names the database that is whole:
 * the other one is deleted. Returns what was cut short, to say so. A pass running in another tab
 * holds its investigation's lock and is left alone.
 */
export async function recoverLockPasses(): Promise<string[]> {
  const names = new Set((await indexedDB.databases()).map((database) => database.name));
  const messages: string[] = [];
  for (const row of await indexDb.investigations.toArray()) {
    if (row.restoring || row.deleting) continue;
    const locked = Boolean(row.lock);
    const databaseId = databaseIdOf(row);
    await ifNoTabWorksOn(row.id, async () => {
      if (names.has(investigationDbName(databaseId, !locked)))
        await deleteDatabase(databaseId, !locked);
      if (!row.lockPass) return;
      await indexDb.investigations.update(row.id, { lockPass: undefined });
      messages.push(
        row.lockPass === 'locking'
          ? `Locking “${row.name}” was cut short: it stays unlocked, as it was.`
          : `Turning off the lock of “${row.name}” was cut short: it stays locked, as it was.`,
      );
    });
  }
  return messages;
}
