/** A passphrase's key: the derivation of shared/crypto/kdf.ts, with WebCrypto and noble's Argon2id. */
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { isWrittenKdf, type KdfParams } from '#shared/crypto/kdf';

/**
 * An AES-GCM key from a passphrase. Argon2id yields to the event loop as it goes, so the page stays
 * responsive, and calls `stopIfCancelled` as it goes: what that throws stops the derivation.
 */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
  stopIfCancelled: () => void = () => undefined,
): Promise<CryptoKey> {
  if (!isWrittenKdf(params))
    throw new Error('These key-derivation settings are not ones Waybill writes.');
  const secret = new TextEncoder().encode(passphrase);
  if (params.name === 'PBKDF2') {
    const material = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      {
        name: 'PBKDF2',
        hash: params.hash,
        salt: salt as Uint8Array<ArrayBuffer>,
        iterations: params.iterations,
      },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  }
  const bytes = await argon2idAsync(secret, salt, {
    t: params.passes,
    m: params.memoryKiB,
    p: params.parallelism,
    dkLen: 32,
    onProgress: stopIfCancelled,
  });
  try {
    return await crypto.subtle.importKey(
      'raw',
      bytes as Uint8Array<ArrayBuffer>,
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    );
  } finally {
    bytes.fill(0);
  }
}
