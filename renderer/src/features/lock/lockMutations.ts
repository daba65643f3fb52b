/**
 * Locking an investigation: turning the lock on and off, unlocking it for this session, locking it
 * again, and sealing at start-up a database an earlier version stored in the clear.
 *
 * Every investigation's database is sealed under its own keys (see storedKeys.ts). Turning the lock
 * on wraps those keys under the passphrase and deletes their stored copy; turning it off stores
 * them again. Neither rewrites a record, so neither leaves a copy of one behind.
 */
import * as Comlink from 'comlink';
import type { Investigation } from '#shared/investigation';
import { platform } from '../../app/platform';
import { newLockKeys } from '#shared/lock/sealing';
import { ifNoTabWorksOn, exclusiveAcrossTabs } from '../../db/crossTabWork';
import {
  deleteDatabase,
  forgetKeys,
  indexDb,
  investigationDb,
  openStoredKeys,
  rememberKeys,
} from '../../db/databases';
import { databaseIdOf, investigationDbName, type DbAccess } from '../../db/schema';
import {
  databasesWithStoredKeys,
  discardStoredKeys,
  readStoredKeys,
  storeKeys,
} from '../../db/storedKeys';
import { archiveWorker, stopArchiveWorker } from '../../case/archive/archiveWorkerClient';
import { runningImportWorker } from '../../case/datasets/importWorkerClient';
import { stopShipmentWorker } from '../../case/shipments/shipmentWorkerClient';
import { forgetTabViews } from '../../case/views/useTabView';
import type { PassProgress } from '../../workers/lock/lockPass';
import { unwrapKeys, wrapKeys } from './lockKeys';
import { messageOf } from '../../lib/errorMessage';

export const IDLE_CHOICES = [5, 15, 30, 60] as const;

class LockError extends Error {}

/**
 * Turns the lock on: the keys are wrapped under the passphrase into the index row, and their
 * stored copy is deleted. The investigation stays open in this session until locked again.
 */
export async function turnLockOn(
  investigation: Investigation,
  passphrase: string,
  idleMinutes: number,
): Promise<void> {
  if (investigation.lock) throw new LockError('This investigation is locked already.');
  await openStoredKeys(investigation);
  const keys = investigationDb(investigation).keys!;
  const lock = await wrapKeys(passphrase, keys, idleMinutes);
  await exclusiveAcrossTabs(investigation.id, async () => {
    await indexDb.investigations.update(investigation.id, { lock, lockPass: undefined });
    await discardStoredKeys(databaseIdOf(investigation));
  });
  await platform.forgetHistory();
}

/** Turns the lock off (the passphrase is asked again): the keys are stored once more. */
export async function turnLockOff(investigation: Investigation, passphrase: string): Promise<void> {
  if (!investigation.lock) throw new LockError('This investigation is not locked.');
  const keys = await unwrapKeys(passphrase, investigation.lock);
  await exclusiveAcrossTabs(investigation.id, async () => {
    await storeKeys(databaseIdOf(investigation), keys);
    await indexDb.investigations.update(investigation.id, { lock: undefined, lockPass: undefined });
  });
  rememberKeys(investigation.id, keys);
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

/**
 * Seals a database an earlier version stored in the clear: every record is copied into a sealed
 * database under new keys, the keys are stored (from then on, the sealed one is the whole one),
 * and the clear one is deleted. Cut short, the clear one is still whole; the next start begins
 * again (see recoverLockPasses).
 */
async function sealClearDatabase(investigation: Investigation, copy: Copy): Promise<void> {
  const { id } = investigation;
  const databaseId = databaseIdOf(investigation);
  const keys = newLockKeys();
  await indexDb.investigations.update(id, { lockPass: 'sealing' });
  try {
    await copy(
      { investigationId: id, databaseId },
      { investigationId: id, databaseId, keys },
      () => {},
    );
  } catch (error) {
    await deleteDatabase(databaseId, true);
    await indexDb.investigations.update(id, { lockPass: undefined });
    throw error;
  }
  await storeKeys(databaseId, keys);
  rememberKeys(id, keys);
  await indexDb.investigations.update(id, { lockPass: undefined });
  await deleteDatabase(databaseId, false);
}

/** Unlocks for this session: a wrong passphrase is refused (WrongPassphraseError). */
/** Thrown by an unlock the user cancelled while its key was being derived. */
export class UnlockCancelled extends Error {
  constructor() {
    super('Unlocking was cancelled.');
  }
}

/** Unlocks for this session; stops (UnlockCancelled) as soon as `cancelled` says so. */
export async function unlockInvestigation(
  investigation: Investigation,
  passphrase: string,
  cancelled: () => boolean = () => false,
): Promise<void> {
  if (!investigation.lock) return;
  const stop = () => {
    if (cancelled()) throw new UnlockCancelled();
  };
  rememberKeys(investigation.id, await unwrapKeys(passphrase, investigation.lock, stop));
}

/**
 * Locks again: the keys leave memory, in this page and in the import worker, and so does every
 * decrypted shipment the engine held and what the tabs were showing.
 */
export function lockAgain(investigationId: string): void {
  forgetKeys(investigationId);
  forgetTabViews();
  void runningImportWorker()?.forget(investigationId);
  stopShipmentWorker();
  void platform.forgetHistory();
}

/**
 * Run once at start-up. A database stored in the clear by an earlier version is sealed (its keys
 * being stored is what says the sealed one is whole), a partial copy of a pass cut short is
 * deleted, and so are stored keys no investigation names. Returns what to tell the user. An
 * investigation another tab works on is left alone.
 */
export async function recoverLockPasses(copy: Copy = copyInWorker): Promise<string[]> {
  const names = new Set((await indexedDB.databases()).map((database) => database.name));
  const messages: string[] = [];
  const rows = await indexDb.investigations.toArray();
  const named = new Set(rows.flatMap((row) => [databaseIdOf(row), row.replacedDatabase]));
  for (const databaseId of await databasesWithStoredKeys()) {
    // A case being created or restored holds its id (its database's) while it writes its row.
    if (!named.has(databaseId))
      await ifNoTabWorksOn(databaseId, () => discardStoredKeys(databaseId));
  }
  for (const row of rows) {
    if (row.restoring || row.deleting) continue;
    const databaseId = databaseIdOf(row);
    await ifNoTabWorksOn(row.id, async () => {
      const keysStored = Boolean(row.lock) || (await readStoredKeys(databaseId)) !== undefined;
      const clear = names.has(investigationDbName(databaseId, false));
      if (row.lockPass === 'locking' || row.lockPass === 'unlocking') {
        // Passes of earlier versions, which copied the whole case to lock it.
        messages.push(
          row.lockPass === 'locking'
            ? `Locking “${row.name}” was cut short: it stays unlocked, as it was.`
            : `Turning off the lock of “${row.name}” was cut short: it stays locked, as it was.`,
        );
      }
      if (row.lockPass) await indexDb.investigations.update(row.id, { lockPass: undefined });
      if (keysStored) {
        if (clear) await deleteDatabase(databaseId, false);
        return;
      }
      // Without keys or a clear database, the keys are lost: the sealed one is left as it is.
      if (!clear) return;
      if (names.has(investigationDbName(databaseId, true))) await deleteDatabase(databaseId, true);
      try {
        await sealClearDatabase(row, copy);
      } catch (error) {
        const reason = messageOf(error);
        messages.push(`“${row.name}” could not be encrypted on disk: ${reason}`);
      }
    });
  }
  return messages;
}
