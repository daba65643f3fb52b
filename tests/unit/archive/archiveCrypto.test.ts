import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { encryptEntry, EntryDecryption } from '../../../renderer/src/workers/archive/archiveCrypto';

const key = () =>
  crypto.subtle.importKey('raw', new Uint8Array(32).fill(7), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);

describe('an entry decrypted as it arrives', () => {
  it('keeps what waits for the next chunk even when the chunk’s memory is filled again', async () => {
    const secret = await key();
    const plain = new Uint8Array(5 * 1024 * 1024 + 123).map((_byte, index) => index * 13);
    const sealed = await encryptEntry(secret, 'files/x', plain);
    // Cut inside the second segment, as a reader's window might; the first chunk's memory is then
    // reused for the second, as zip.ts's recycled window does.
    const cut = sealed.length - 1000;
    const memory = new Uint8Array(cut);
    const decryption = new EntryDecryption(secret, 'files/x', sealed.length);
    memory.set(sealed.subarray(0, cut));
    const first = await decryption.push(memory);
    memory.fill(0).set(sealed.subarray(cut));
    const second = await decryption.push(memory.subarray(0, sealed.length - cut));
    const opened = Buffer.concat([...first, ...second]);
    expect(opened.length).toBe(plain.length);
    expect(Buffer.compare(opened, plain)).toBe(0);
  });
});
