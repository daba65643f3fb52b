/**
 * A locked investigation's keys, wrapped under its passphrase. Unwrapping with a wrong passphrase
 * fails AES-GCM's check, which is how a wrong one is told from a right one.
 */
import type { InvestigationLock } from '#shared/investigation';
import { KEY_BYTES, type LockKeys } from '#shared/lock/sealing';
import { LEGACY_KDF, NEW_KDF, type KdfParams } from '#shared/crypto/kdf';
import { passphraseKey } from '../../lib/passphraseKey';
const IV_BYTES = 12;

export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase is not right.');
  }
}

export async function wrapKeys(
  passphrase: string,
  keys: LockKeys,
  idleMinutes: number,
): Promise<InvestigationLock> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await passphraseKey(passphrase, salt, NEW_KDF);
  const plain = new Uint8Array(2 * KEY_BYTES);
  plain.set(keys.sealKey);
  plain.set(keys.indexKey, KEY_BYTES);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  plain.fill(0);
  const wrappedKeys = new Uint8Array(IV_BYTES + sealed.length);
  wrappedKeys.set(iv);
  wrappedKeys.set(sealed, IV_BYTES);
  return { salt, kdf: NEW_KDF, wrappedKeys, idleMinutes, lockedAt: Date.now() };
}

/** The keys; `stopIfCancelled` is called as the key is derived, and what it throws stops it. */
export async function unwrapKeys(
  passphrase: string,
  lock: InvestigationLock,
  stopIfCancelled?: () => void,
): Promise<LockKeys> {
  const params: KdfParams = lock.kdf ?? { ...LEGACY_KDF, iterations: lock.iterations ?? 0 };
  const key = await passphraseKey(passphrase, lock.salt, params, stopIfCancelled);
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: lock.wrappedKeys.slice(0, IV_BYTES) },
        key,
        lock.wrappedKeys.slice(IV_BYTES),
      ),
    );
  } catch {
    throw new WrongPassphraseError();
  }
  return { sealKey: plain.slice(0, KEY_BYTES), indexKey: plain.slice(KEY_BYTES) };
}
