/**
 * Passphrase protection of an archive: AES-GCM with a key from the passphrase (passphraseKey.ts:
 * Argon2id, PBKDF2-SHA-256 in archives written before it). Each entry is
 * encrypted in segments of at most 4 MB, each with a fresh IV and bound to its entry's name, its
 * place and whether it is the last (as additional data), so segments cannot be swapped, reordered
 * or cut off unnoticed.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { strToU8 } from 'fflate';
import { ArchiveError } from '#shared/archive/archiveFormat';

/** The size of an encrypted segment's clear content (the last one may be shorter). */
export const ENTRY_SEGMENT = 4 * 1024 * 1024;
const SEGMENT = ENTRY_SEGMENT;
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

export const encryptEntry = (
  key: CryptoKey,
  name: string,
  plain: Uint8Array,
): Promise<Uint8Array> => encryptPart(key, name, plain, 0, true);

/**
 * Part of an entry encrypted, for an entry written a part at a time: `plain` starts at segment
 * `first` and, unless it holds the entry's end (`end`), is a whole number of segments long.
 */
export async function encryptPart(
  key: CryptoKey,
  name: string,
  plain: Uint8Array,
  first: number,
  end: boolean,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let index = first;
  for (let offset = 0; offset < plain.length || index === first; offset += SEGMENT, index += 1) {
    const last = end && offset + SEGMENT >= plain.length;
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(name, index, last) },
      key,
      plain.subarray(offset, offset + SEGMENT) as Uint8Array<ArrayBuffer>,
    );
    parts.push(iv, new Uint8Array(sealed));
  }
  return concatBytes(...parts);
}

/** The size of a whole segment once encrypted, with its IV and tag. */
export const ENCRYPTED_SEGMENT = IV_BYTES + SEGMENT + TAG_BYTES;

/** The size of an entry of `plain` bytes once encrypted: each segment gains its IV and tag. */
export const encryptedSize = (plain: number): number =>
  plain + Math.max(1, Math.ceil(plain / SEGMENT)) * (IV_BYTES + TAG_BYTES);

/**
 * Decrypts an entry of `size` encrypted bytes as they arrive, a whole segment at a time (the last
 * one known by the entry's size): `push` gives the plain bytes of every segment a chunk completes.
 */
export class EntryDecryption {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private index = 0;
  private consumed = 0;

  constructor(
    private readonly key: CryptoKey,
    private readonly name: string,
    private readonly size: number,
  ) {}

  async push(chunk: Uint8Array): Promise<Uint8Array[]> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const plain: Uint8Array[] = [];
    const whole = IV_BYTES + SEGMENT + TAG_BYTES;
    for (;;) {
      const length = Math.min(whole, this.size - this.consumed);
      if (length <= 0 || this.pendingBytes < length) {
        // What waits for the next chunk is kept as a copy of its own: a chunk may be a view of
        // memory its reader may use again for the next one.
        const last = this.pending.at(-1);
        if (last?.buffer === chunk.buffer) this.pending[this.pending.length - 1] = last.slice();
        return plain;
      }
      const buffered = this.pending.length === 1 ? this.pending[0] : concatBytes(...this.pending);
      const segment = buffered.subarray(0, length);
      const rest = buffered.subarray(length);
      this.pending = rest.length > 0 ? [rest] : [];
      this.pendingBytes -= length;
      this.consumed += length;
      plain.push(await this.open(segment, this.consumed >= this.size));
    }
  }

  private async open(segment: Uint8Array, last: boolean): Promise<Uint8Array> {
    try {
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: segment.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>,
          additionalData: additionalData(this.name, this.index++, last),
        },
        this.key,
        segment.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>,
      );
      return new Uint8Array(plain);
    } catch {
      throw new ArchiveError(
        `“${this.name}” cannot be decrypted: the archive was changed or damaged.`,
      );
    }
  }
}

export async function decryptEntry(
  key: CryptoKey,
  name: string,
  sealed: Uint8Array,
): Promise<Uint8Array> {
  if (sealed.length < IV_BYTES + TAG_BYTES)
    throw new ArchiveError(`“${name}” cannot be decrypted: the archive was changed or damaged.`);
  return concatBytes(...(await new EntryDecryption(key, name, sealed.length).push(sealed)));
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
