/**
 * Passphrase protection of an archive: AES-GCM with a key from the passphrase (passphraseKey.ts:
 * Argon2id, PBKDF2-SHA-256 in archives written before it). Each entry is
 * encrypted in segments of at most 4 MB, each with a fresh IV and bound to its entry's name, its
 * place and whether it is the last (as additional data), so segments cannot be swapped, reordered
 * or cut off unnoticed.
 */
import { strToU8 } from 'fflate';
import { ArchiveError } from '#shared/archive/archiveFormat';

const SEGMENT = 4 * 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHECK = 'waybill-archive-passphrase-check';

export class PassphraseNeeded extends ArchiveError {
  constructor(readonly wrong: boolean) {
    super(wrong ? 'That passphrase is not right.' : 'This archive is protected by a passphrase.');
  }
}

const additionalData = (name: string, index: number, last: boolean) =>
  strToU8(`${name}\n${index}\n${last ? 'last' : 'more'}`);

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export async function encryptEntry(
  key: CryptoKey,
  name: string,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let index = 0;
  for (let offset = 0; offset < plain.length || index === 0; offset += SEGMENT, index += 1) {
    const last = offset + SEGMENT >= plain.length;
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(name, index, last) },
      key,
      plain.subarray(offset, offset + SEGMENT) as Uint8Array<ArrayBuffer>,
    );
    parts.push(iv, new Uint8Array(sealed));
  }
  return concatBytes(parts);
}

export async function decryptEntry(
  key: CryptoKey,
  name: string,
  sealed: Uint8Array,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const whole = IV_BYTES + SEGMENT + TAG_BYTES;
  let index = 0;
  for (let offset = 0; offset < sealed.length || index === 0; offset += whole, index += 1) {
    const segment = sealed.subarray(offset, offset + whole);
    const last = offset + whole >= sealed.length;
    try {
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: segment.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>,
          additionalData: additionalData(name, index, last),
        },
        key,
        segment.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>,
      );
      parts.push(new Uint8Array(plain));
    } catch {
      throw new ArchiveError(`“${name}” cannot be decrypted: the archive was changed or damaged.`);
    }
  }
  return concatBytes(parts);
}

/** A value sealed with the key, kept in the clear header: a wrong passphrase fails to open it. */
export const passphraseCheck = (key: CryptoKey): Promise<Uint8Array> =>
  encryptEntry(key, CHECK, strToU8(CHECK));

export async function verifyPassphrase(key: CryptoKey, check: Uint8Array): Promise<void> {
  try {
    await decryptEntry(key, CHECK, check);
  } catch {
    throw new PassphraseNeeded(true);
  }
}
