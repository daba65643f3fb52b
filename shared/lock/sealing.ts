/**
 * The cryptography of a locked investigation, synchronous so that it can run inside an IndexedDB
 * transaction (which closes as soon as it awaits anything else, such as WebCrypto).
 *
 * - Sealing: XChaCha20-Poly1305 (random 24-byte nonces are safe at any volume) with additional
 *   data naming where the record lives, so sealed values cannot be swapped between records. It is
 *   libsodium's, compiled to WebAssembly: 190–215 MB/s in Chromium here, where the same cipher in
 *   plain JavaScript (@noble/ciphers, which sealed until December 2026, in the same format) did
 *   95–100 MB/s; every read of a case's shipments opens its blocks, and a restore seals them all.
 *   It compiles when this module loads; seal and unseal work once `sealingReady` has resolved,
 *   which every sealed database awaits before it opens (see schema.ts).
 * - Index values that must still be looked up exactly (tags, entity names, alias keys) are stored
 *   as keyed hashes: HMAC-SHA-256 under a second key, scoped by table and field, cut to 128 bits.
 */
import sodium from 'libsodium-wrappers';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** The two keys of an unlocked investigation; they exist only in memory. */
export type LockKeys = { sealKey: Uint8Array; indexKey: Uint8Array };

export const KEY_BYTES = 32;
const NONCE_BYTES = 24;
export const SEAL_OVERHEAD = NONCE_BYTES + 16;

const encoder = new TextEncoder();

let started = false;
/**
 * Resolves once the cipher has compiled. Not a top-level await: a worker whose modules awaited would
 * miss the messages sent to it meanwhile.
 */
export const sealingReady: Promise<void> = sodium.ready.then(() => {
  started = true;
});

function cipher(): typeof sodium {
  if (!started) throw new Error('Sealing was used before libsodium started: await sealingReady.');
  return sodium;
}

/** A sealed value that does not open: changed, moved, or sealed under another key. */
export class SealBrokenError extends Error {
  constructor(where: string) {
    super(`${where} cannot be decrypted: it was changed, or belongs to another investigation.`);
  }
}

export function newLockKeys(): LockKeys {
  return {
    sealKey: crypto.getRandomValues(new Uint8Array(KEY_BYTES)),
    indexKey: crypto.getRandomValues(new Uint8Array(KEY_BYTES)),
  };
}

export function seal(key: Uint8Array, plain: Uint8Array, where: string): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = cipher().crypto_aead_xchacha20poly1305_ietf_encrypt(
    plain,
    encoder.encode(where),
    null,
    nonce,
    key,
  );
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce);
  out.set(sealed, NONCE_BYTES);
  return out;
}

export function unseal(key: Uint8Array, sealed: Uint8Array, where: string): Uint8Array {
  const { crypto_aead_xchacha20poly1305_ietf_decrypt: decrypt } = cipher();
  try {
    return decrypt(
      null,
      sealed.subarray(NONCE_BYTES),
      encoder.encode(where),
      sealed.subarray(0, NONCE_BYTES),
      key,
    );
  } catch {
    throw new SealBrokenError(where);
  }
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** The keyed hash stored in place of an index value: equal values give equal hashes, per scope. */
export function indexHash(keys: LockKeys, scope: string, value: unknown): string {
  const digest = hmac(
    sha256,
    keys.indexKey,
    encoder.encode(`${scope}\u0000${JSON.stringify(value)}`),
  );
  return `#${base64url(digest.subarray(0, 16))}`;
}
