/**
 * How stored files' segments are sealed since schema 24: AES-256-GCM by WebCrypto, which runs
 * natively (with the CPU's AES instructions where it has them). A file's segments are sealed
 * before the transaction that stores them and opened after the one that read them, so this cipher
 * may be asynchronous where records' (sealing.ts) may not. It takes a quarter of the time of
 * libsodium's XChaCha20-Poly1305 in WebAssembly here (which sealed them before, and still opens
 * what it sealed): an import seals its whole original file, and every shown row's raw cells and
 * every PDF opened are opened from one.
 *
 * - The key is derived from the investigation's seal key with HKDF-SHA-256, for this use alone: the
 *   seal key itself is XChaCha20-Poly1305's.
 * - Nonces are 96 random bits. NIST SP 800-38D bounds a key so used at 2^32 messages; a segment
 *   holds a MB, so that is some four petabytes of files in one investigation.
 * - The additional data names where the segment lives, as sealing.ts's does.
 */
import { SealBrokenError } from '#shared/lock/sealing';

export const FILE_CIPHER = 'AES-256-GCM';

const NONCE_BYTES = 12;
/** The bytes a sealed segment takes beyond its plain bytes: its nonce and its tag. */
export const FILE_SEAL_OVERHEAD = NONCE_BYTES + 16;

const encoder = new TextEncoder();
const HKDF_INFO = encoder.encode('Waybill: stored files’ segments, AES-256-GCM');

/** Each seal key's file key, derived once (the keys live as long as their database is open). */
const fileKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function fileKey(sealKey: Uint8Array): Promise<CryptoKey> {
  let key = fileKeys.get(sealKey);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', sealKey as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey'])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: HKDF_INFO },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    fileKeys.set(sealKey, key);
  }
  return key;
}

/** `plain` sealed under `sealKey`'s file key, bound to `where`: its nonce, then its ciphertext. */
export async function sealSegment(
  sealKey: Uint8Array,
  plain: Uint8Array,
  where: string,
): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(where) },
    await fileKey(sealKey),
    plain as Uint8Array<ArrayBuffer>,
  );
  const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), NONCE_BYTES);
  return out;
}

/**
 * The plain bytes of a segment `sealSegment` sealed, if it is whole, unchanged and in its place.
 */
export async function unsealSegment(
  sealKey: Uint8Array,
  sealed: Uint8Array,
  where: string,
): Promise<Uint8Array> {
  const key = await fileKey(sealKey);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: sealed.subarray(0, NONCE_BYTES) as Uint8Array<ArrayBuffer>,
          additionalData: encoder.encode(where),
        },
        key,
        sealed.subarray(NONCE_BYTES) as Uint8Array<ArrayBuffer>,
      ),
    );
  } catch {
    throw new SealBrokenError(where);
  }
}
