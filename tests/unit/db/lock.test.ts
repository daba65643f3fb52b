import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  indexDb,
  investigationDb,
  isUnlocked,
  openStoredKeys,
} from '../../../renderer/src/db/databases';
import { readStoredKeys, storeKeys } from '../../../renderer/src/db/storedKeys';
import { newLockKeys, seal, sealingReady, unseal } from '../../../shared/lock/sealing';
import { InvestigationDb, investigationDbName } from '../../../renderer/src/db/schema';
import { fileBlob, fileBytes, fileRange, storeFile } from '../../../renderer/src/db/storedFiles';
import { addClaim } from '../../../renderer/src/case/claims/claimMutations';
import { mergeEntities } from '../../../renderer/src/case/entities/entityMutations';
import { citingLinks } from '../../../renderer/src/case/evidence/citations';
import { linkEvidence } from '../../../renderer/src/case/evidence/linkMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { deleteInvestigation } from '../../../renderer/src/db/investigationIndex';
import { unwrapKeys, WrongPassphraseError } from '../../../renderer/src/features/lock/lockKeys';
import { LEGACY_KDF, NEW_KDF } from '../../../shared/crypto/kdf';
import type { InvestigationLock } from '../../../shared/investigation';
import type { LockKeys } from '../../../shared/lock/sealing';
import {
  lockAgain,
  recoverLockPasses,
  turnLockOff,
  turnLockOn,
  UnlockCancelled,
  unlockInvestigation,
  type Copy,
} from '../../../renderer/src/features/lock/lockMutations';
import { copyInvestigation } from '../../../renderer/src/workers/lock/lockPass';
import { emptyNote, saveNote } from '../../../renderer/src/case/notes/noteMutations';
import { emptySource } from '../../../shared/notes/source';
import { saveFilter } from '../../../renderer/src/case/shipments/savedFilterMutations';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { implicitEntityId } from '../../../shared/entities/entity';
import type { Investigation } from '../../../shared/investigation';
import { decodeRecord, encodeRecord } from '../../../shared/lock/recordCodec';
import { fixture } from '../../fixtureSets';
import { importFixture } from './customsFixture';

/** The copy a pass makes, here in-process (the app runs the same function in its archive worker). */
const copy: Copy = async (from, to, onProgress) => {
  const source = new InvestigationDb(from);
  const target = new InvestigationDb(to);
  await copyInvestigation(source, target, onProgress);
  source.close();
  target.close();
};

const PASSPHRASE = 'correct horse battery';
const SECRETS = ['A claim worth keeping', 'Ivan Secretov', 'POLY TECHNOLOGIES', 'vendor-d-utf16'];

let investigation: Investigation;

async function fill(db: InvestigationDb) {
  await importFixture(db, fixture('customs', 'vendor-d-utf16-pipe.txt'), {
    vendor: 'D',
    origin: 'RU',
  });
  const claim = await addClaim(db, { text: 'A claim worth keeping.', tags: ['sanctions'] });
  const noteId = await saveNote(db, { ...emptyNote(), title: 'Insider' }, undefined, {
    id: null,
    draft: { ...emptySource(), name: 'Ivan Secretov', confidentiality: 'confidential' },
  });
  await linkEvidence(db, {
    claimId: claim.id,
    targetType: 'note',
    targetId: noteId,
    label: 'Insider',
    relation: 'supports',
    comment: '',
  });
  await linkEvidence(db, {
    claimId: claim.id,
    targetType: 'entity',
    targetId: implicitEntityId('POLY TECHNOLOGIES'),
    label: 'POLY TECHNOLOGIES',
    relation: 'context',
    comment: '',
  });
  await saveFilter(db, 'Poly shipments', emptyShipmentFilter);
}

/** Every record of a database as stored, read without the app's schema or keys, as one string. */
async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  const parts: string[] = [];
  const bytes = (view: Uint8Array) =>
    new TextDecoder('latin1').decode(view) + new TextDecoder('utf-16le').decode(view);
  for (const table of raw.tables) {
    for (const row of await table.toArray()) {
      parts.push(
        JSON.stringify(row, (_key, value: unknown) =>
          ArrayBuffer.isView(value)
            ? bytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
            : value,
        ),
      );
      for (const value of Object.values(row as object))
        if (value instanceof Blob) parts.push(bytes(new Uint8Array(await value.arrayBuffer())));
    }
  }
  raw.close();
  return parts.join('\n');
}

async function snapshot(db: InvestigationDb) {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    // A file's parts are compared as its bytes, read through its record.
    if (table.name === 'fileParts') continue;
    tables[table.name] =
      table.name === 'files'
        ? await Promise.all(
            (await db.files.toArray()).map(async (file) => ({
              ...file,
              blob: [...new Uint8Array(await (await fileBlob(db, file)).arrayBuffer())].length,
            })),
          )
        : await table.toArray();
  }
  return tables;
}

const row = async () => (await indexDb.investigations.get(investigation.id))!;

beforeEach(async () => {
  investigation = await createInvestigation('Locked case');
  await fill(investigationDb(investigation));
});

/** A copy of the case's database in the clear, as an earlier version stored every case. */
async function clearCopy(id: string) {
  await copy(investigationDb(investigation).access, { investigationId: id }, () => {});
  return investigationDbName(id, false);
}

const databaseNames = async () => (await indexedDB.databases()).map((database) => database.name);

describe('the lock', () => {
  it('finds a case sealed at rest, and locking wraps its keys and deletes their stored copy', async () => {
    const before = await snapshot(investigationDb(investigation));
    // The search finds the strings in a copy in the clear: it can be trusted to miss them later.
    const plain = await rawText(await clearCopy('clear-copy'));
    for (const secret of SECRETS) expect(plain).toContain(secret);
    expect(await databaseNames()).not.toContain(investigationDbName(investigation.id, false));
    const sealed = await rawText(investigationDbName(investigation.id));
    for (const secret of SECRETS) expect(sealed).not.toContain(secret);
    // Nor the files' hashes, which would confirm the case holds a document someone else has.
    const { files } = before as { files: { sha256: string }[] };
    expect(plain).toContain(files[0].sha256);
    expect(sealed).not.toContain(files[0].sha256);
    expect(await readStoredKeys(investigation.id)).toEqual(investigationDb(investigation).keys);

    await turnLockOn(investigation, PASSPHRASE, 15);
    investigation = await row();
    expect(investigation.lock?.idleMinutes).toBe(15);
    expect(investigation.lock?.kdf).toEqual(NEW_KDF);
    expect(await readStoredKeys(investigation.id)).toBeUndefined();
    // Still open this session, the app reads and queries it as before.
    const db = investigationDb(investigation);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.savedFilters.where('name').equals('Poly shipments').count()).toBe(1);
    expect(await db.claims.where('tags').equals('sanctions').count()).toBe(1);
    expect(
      await citingLinks(db, { type: 'entity', id: implicitEntityId('POLY TECHNOLOGIES') }),
    ).toHaveLength(1);
    const [dataset] = await db.datasets.toArray();
    expect(await citingLinks(db, { datasetShipments: dataset.id })).toHaveLength(0);
    const id = await mergeEntities(
      db,
      [implicitEntityId('POLY TECHNOLOGIES'), implicitEntityId('POLY TECHNOLOGY')],
      'Poly',
    );
    expect(await db.entities.where('aliasKeys').equals('POLY TECHNOLOGY').first()).toMatchObject({
      id,
      name: 'Poly',
    });
    const merged = await snapshot(db);

    // Locked again, nothing is reachable until the passphrase is given; a wrong one is refused.
    lockAgain(investigation.id);
    expect(() => investigationDb(investigation)).toThrow('locked');
    await expect(openStoredKeys(investigation)).resolves.toBeUndefined();
    expect(isUnlocked(investigation.id)).toBe(false);
    await expect(unlockInvestigation(investigation, 'wrong horse')).rejects.toThrow(
      WrongPassphraseError,
    );
    expect(isUnlocked(investigation.id)).toBe(false);
    // Cancelled while its key is derived, an unlock stops at once and opens nothing.
    const started = Date.now();
    await expect(unlockInvestigation(investigation, PASSPHRASE, () => true)).rejects.toThrow(
      UnlockCancelled,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(isUnlocked(investigation.id)).toBe(false);
    await unlockInvestigation(investigation, PASSPHRASE);
    expect((await investigationDb(investigation).sources.toArray())[0]?.name).toBe('Ivan Secretov');

    // Turning it off asks for the passphrase and stores the keys again; nothing is copied.
    await expect(turnLockOff(investigation, 'wrong horse')).rejects.toThrow(WrongPassphraseError);
    await turnLockOff(investigation, PASSPHRASE);
    investigation = await row();
    expect(investigation.lock).toBeUndefined();
    lockAgain(investigation.id);
    await openStoredKeys(investigation);
    expect(await snapshot(investigationDb(investigation))).toEqual(merged);
    expect((await databaseNames()).filter((name) => name?.includes(investigation.id))).toEqual([
      investigationDbName(investigation.id),
    ]);
  }, 60_000);

  it('opens a lock made before Argon2id with its own PBKDF2 parameters', async () => {
    const keys = investigationDb(investigation).keys!;
    const legacy = await wrapWithPbkdf2(PASSPHRASE, keys);
    await expect(unwrapKeys('wrong horse', legacy)).rejects.toThrow(WrongPassphraseError);
    expect(await unwrapKeys(PASSPHRASE, legacy)).toEqual(keys);
    // Parameters it never wrote are refused before any work.
    await expect(unwrapKeys(PASSPHRASE, { ...legacy, iterations: 2 ** 31 - 1 })).rejects.toThrow(
      'not ones Waybill writes',
    );
  }, 60_000);

  it('refuses a sealed record moved to another place, and a changed byte of a sealed file', async () => {
    const db = investigationDb(investigation);
    const raw = new Dexie(investigationDbName(investigation.id));
    await raw.open();
    const statuses = raw.table<{ id: string; $sealed: Uint8Array }>('statuses');
    const [first, second] = await statuses.toArray();
    await statuses.put({ ...first, $sealed: second.$sealed });
    const parts = raw.table<{ blob: Blob }>('fileParts');
    const [part] = await parts.toArray();
    const bytes = new Uint8Array(await part.blob.arrayBuffer());
    bytes[100] = bytes[100] ^ 1;
    await parts.put({ ...part, blob: new Blob([bytes]) });
    raw.close();
    await expect(db.statuses.toArray()).rejects.toThrow('cannot be decrypted');
    const [stored] = await db.files.toArray();
    await expect(fileBlob(db, stored)).rejects.toThrow('cannot be decrypted');
  });

  it('seals at start-up a case an earlier version stored in the clear, again if cut short', async () => {
    const before = await snapshot(investigationDb(investigation));
    // An earlier version's case: its row, and its database in the clear; no stored keys.
    const legacy: Investigation = { ...investigation, id: 'legacy-case', name: 'Old case' };
    await clearCopy(legacy.id);
    await indexDb.investigations.add(legacy);

    const failing: Copy = async (from, to, onProgress) => {
      await copy(from, to, onProgress);
      throw new Error('The window closed.');
    };
    expect(await recoverLockPasses(failing)).toEqual([
      '“Old case” could not be encrypted on disk: The window closed.',
    ]);
    expect(await databaseNames()).toContain(investigationDbName(legacy.id, false));
    expect(await databaseNames()).not.toContain(investigationDbName(legacy.id));
    expect(await readStoredKeys(legacy.id)).toBeUndefined();
    expect((await indexDb.investigations.get(legacy.id))?.lockPass).toBeUndefined();

    // A crash of an earlier version's lock pass leaves its mark and a partial sealed copy.
    await indexDb.investigations.update(legacy.id, { lockPass: 'locking' });
    const partial = new Dexie(investigationDbName(legacy.id));
    partial.version(1).stores({ claims: 'id' });
    await partial.table('claims').put({ id: 'x', $sealed: new Uint8Array(8) });
    partial.close();
    // Stored keys no investigation names (a creation cut short) go too.
    await storeKeys('orphan', newLockKeys());

    expect(await recoverLockPasses(copy)).toEqual([
      'Locking “Old case” was cut short: it stays unlocked, as it was.',
    ]);
    expect(await databaseNames()).not.toContain(investigationDbName(legacy.id, false));
    expect(await readStoredKeys('orphan')).toBeUndefined();
    const row = (await indexDb.investigations.get(legacy.id))!;
    expect(row.lockPass).toBeUndefined();
    expect(isUnlocked(legacy.id)).toBe(true);
    expect(await snapshot(investigationDb(row))).toEqual(before);
    lockAgain(legacy.id);
    await openStoredKeys(row);
    expect(await snapshot(investigationDb(row))).toEqual(before);
    // The case's own database, sealed from the start, is left alone.
    expect(await recoverLockPasses(copy)).toEqual([]);
    expect(await snapshot(investigationDb(investigation))).toEqual(before);
  });

  it('goes with its investigation: deleting one removes its database and its keys', async () => {
    await turnLockOn(investigation, PASSPHRASE, 5);
    const other = await createInvestigation('Open case');
    await deleteInvestigation(investigation.id);
    await deleteInvestigation(other.id);
    for (const gone of [investigation, other]) {
      expect(await indexDb.investigations.get(gone.id)).toBeUndefined();
      expect(isUnlocked(gone.id)).toBe(false);
      expect(await readStoredKeys(gone.id)).toBeUndefined();
      expect((await databaseNames()).filter((name) => name?.includes(gone.id))).toEqual([]);
    }
  });
});

/** A lock as the app wrote it before Argon2id: PBKDF2-SHA-256, 600,000 iterations, no `kdf`. */
async function wrapWithPbkdf2(passphrase: string, keys: LockKeys): Promise<InvestigationLock> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: LEGACY_KDF.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      key,
      new Uint8Array([...keys.sealKey, ...keys.indexKey]),
    ),
  );
  return {
    salt,
    iterations: LEGACY_KDF.iterations,
    wrappedKeys: new Uint8Array([...iv, ...sealed]),
    idleMinutes: 15,
    lockedAt: 0,
  };
}

describe('sealed values', () => {
  it('open as they were sealed before libsodium, and nowhere else', async () => {
    await sealingReady;
    // Sealed by @noble/ciphers' XChaCha20-Poly1305, which sealed every case until December 2026.
    const key = Uint8Array.from({ length: 32 }, (_, index) => index);
    const before = Buffer.from(
      '6465666768696a6b6c6d6e6f707172737475767778797a7b2f1698dc9a4aa9e0fe10ca5edf0dd4a5379b30148243b8d5ac1101c44e331a75d926714e1e80d97ef4c3a651bc7c24eeae886aba282864',
      'hex',
    );
    const plain = 'Sealed by Waybill before December 2026.';
    expect(new TextDecoder().decode(unseal(key, before, 'claims\n["c1"]'))).toBe(plain);
    // Bound to its place, its key and every byte.
    expect(() => unseal(key, before, 'claims\n["c2"]')).toThrow(/cannot be decrypted/);
    expect(() => unseal(new Uint8Array(32), before, 'claims\n["c1"]')).toThrow(
      /cannot be decrypted/,
    );
    const changed = Uint8Array.from(before);
    changed[30] ^= 1;
    expect(() => unseal(key, changed, 'claims\n["c1"]')).toThrow(/cannot be decrypted/);
    // What it seals now opens, under a fresh nonce each time.
    const bytes = new TextEncoder().encode(plain);
    const [a, b] = [seal(key, bytes, 'here'), seal(key, bytes, 'here')];
    expect(a.length).toBe(before.length);
    expect(Buffer.compare(a, b)).not.toBe(0);
    expect(unseal(key, a, 'here')).toEqual(bytes);
  });

  it('keep typed arrays, and files over several segments', async () => {
    const record = {
      id: 'b',
      date: new Int32Array([1, 2, 3]),
      weight: new Float64Array([0.5]),
      value: new Float32Array([0.25, Number.NaN]),
      shipper: new Uint16Array([65_535, 0, 7]),
    };
    const decoded = decodeRecord(encodeRecord(record)) as typeof record;
    expect(decoded).toEqual(record);
    expect(decoded.value).toBeInstanceOf(Float32Array);
    expect(decoded.shipper).toBeInstanceOf(Uint16Array);
    // Wherever they sit, beside strings that must come back untouched; the record is not changed.
    const nested = {
      cells: [['a', '\u0000typed'], []],
      inner: { salt: new Uint8Array([9, 8]), list: [{ ids: new Uint32Array([7]) }, 'x', null] },
    };
    expect(decodeRecord(encodeRecord(nested))).toEqual(nested);
    expect(nested.inner.salt).toBeInstanceOf(Uint8Array);
    // Text beyond ASCII is written as escapes, and comes back as it was, lone surrogates included.
    const text = {
      names: ['Zaslonova Трейдинг', 'ﬁ 😀', 'lone \ud800 high', '\\u0416 as written'],
    };
    const written = encodeRecord(text);
    expect(written.subarray(4).every((byte) => byte < 0x80)).toBe(true);
    expect(decodeRecord(written)).toEqual(text);
    // Records written before, with their text as UTF-8, still read.
    const before = new TextEncoder().encode(JSON.stringify(text));
    const old = new Uint8Array(8 + before.length);
    new DataView(old.buffer).setUint32(0, before.length, true);
    old.set(before, 4);
    expect(decodeRecord(old)).toEqual(text);
    const db = investigationDb(investigation);
    const big = new Uint8Array(9 * 1024 * 1024).map((_, index) => index % 251);
    const meta = (sha256: string) => ({
      sha256,
      name: 'big.bin',
      mime: 'application/octet-stream',
    });
    const file = await storeFile(db, meta('big'), new Blob([big]));
    const storedSize = async (sha256: string) => (await db.fileParts.get([sha256, 0]))!.blob.size;
    // Sealed a MB at a time with AES-256-GCM: each segment its 28 bytes of nonce and tag.
    expect(file.cipher).toBe('AES-256-GCM');
    expect(await storedSize('big')).toBe(big.length + 9 * 28);
    const back = new Uint8Array(await (await fileBlob(db, file)).arrayBuffer());
    expect(Buffer.compare(back, big)).toBe(0);
    // Stored from bytes in memory, the same; read back as bytes, the same; an empty file too.
    const fromBytes = await storeFile(db, meta('big-from-bytes'), big);
    expect(Buffer.compare(await fileBytes(db, fromBytes), big)).toBe(0);
    const empty = await storeFile(db, meta('empty'), new Uint8Array(0));
    expect(await storedSize('empty')).toBe(28);
    expect(await fileBytes(db, empty)).toEqual(new Uint8Array(0));
  });

  it('of a file open only in their own place, in their own file, under their own key', async () => {
    const db = investigationDb(investigation);
    const bytes = new Uint8Array(3 * 1024 * 1024 + 10).map((_, index) => index % 249);
    const meta = (sha256: string) => ({ sha256, name: `${sha256}.bin`, mime: 'text/csv' });
    const [first, second] = [
      await storeFile(db, meta('first'), bytes),
      await storeFile(db, meta('second'), bytes),
    ];
    const stored = async (sha256: string) =>
      new Uint8Array(await (await db.fileParts.get([sha256, 0]))!.blob.arrayBuffer());
    const restore = async (sha256: string, parts: BlobPart[]) =>
      db.fileParts.put({ sha256, part: 0, blob: new Blob(parts) });
    const whole = 1024 * 1024 + 28;
    const original = await stored('first');
    // Its first two segments swapped.
    await restore('first', [
      original.subarray(whole, 2 * whole),
      original.subarray(0, whole),
      original.subarray(2 * whole),
    ]);
    await expect(fileRange(db, first, 0, 10)).rejects.toThrow('cannot be decrypted');
    await expect(fileRange(db, first, whole, whole + 10)).rejects.toThrow('cannot be decrypted');
    // The same bytes' segments, sealed for the other file.
    await restore('first', [await stored('second')]);
    await expect(fileBytes(db, first)).rejects.toThrow('cannot be decrypted');
    // Back as they were, they open; under another investigation's keys, they do not.
    await restore('first', [original]);
    expect(Buffer.compare(await fileBytes(db, first), bytes)).toBe(0);
    expect(Buffer.compare(await fileBytes(db, second), bytes)).toBe(0);
    const other = investigationDb(await createInvestigation('Other keys'));
    await other.fileParts.put({ sha256: 'first', part: 0, blob: new Blob([original]) });
    await expect(fileRange(other, first, 0, 10)).rejects.toThrow('cannot be decrypted');
  });

  it('are not made in a case stored in the clear: a file given as a Blob is kept in its parts as it is', async () => {
    const db = new InvestigationDb({ investigationId: 'clear-files' });
    // Two parts of 64 MB and some.
    const bytes = new Uint8Array(70 * 1024 * 1024).map((_, index) => index % 253);
    const meta = { sha256: 'clear', name: 'clear.bin', mime: 'application/octet-stream' };
    const file = await storeFile(db, meta, new Blob([bytes]));
    const parts = await db.fileParts.toArray();
    expect(parts.map((part) => [part.part, part.blob.size])).toEqual([
      [0, 64 * 1024 * 1024],
      [1, bytes.length - 64 * 1024 * 1024],
    ]);
    expect(Buffer.compare(await fileBytes(db, file), bytes)).toBe(0);
    db.close();
  });

  it('store a file that comes in pieces of any size, and refuse pieces that are not its size', async () => {
    const db = investigationDb(investigation);
    const bytes = new Uint8Array(9 * 1024 * 1024 + 7).map((_, index) => index % 241);
    // Each piece a view of one reused buffer, as an archive's reader hands them on.
    const window = new Uint8Array(3 * 1024 * 1024 + 1);
    async function* pieces(upTo = bytes.length) {
      for (let at = 0; at < upTo; at += window.length) {
        const piece = bytes.subarray(at, Math.min(upTo, at + window.length));
        await Promise.resolve(); // as a read from a file would
        window.set(piece);
        yield window.subarray(0, piece.length);
        window.fill(0);
      }
    }
    const meta = (sha256: string) => ({ sha256, name: 'pieces.csv', mime: 'text/csv' });
    const before = await db.files.count();
    // A part of another file being stored meanwhile, which a failure must leave alone.
    await db.fileParts.put({ sha256: 'other', part: 0, blob: new Blob(['another file']) });
    const file = await storeFile(db, meta('pieces'), { size: bytes.length, pieces: pieces() });
    expect(Buffer.compare(await fileBytes(db, file), bytes)).toBe(0);
    await expect(
      storeFile(db, meta('short'), { size: bytes.length + 1, pieces: pieces() }),
    ).rejects.toThrow('pieces.csv ended before the size its record gives.');
    await expect(
      storeFile(db, meta('long'), { size: bytes.length - 1, pieces: pieces() }),
    ).rejects.toThrow('pieces.csv is longer than the size its record gives.');
    expect(await db.files.count()).toBe(before + 1);
    // What the failed ones wrote is gone (the long one, all but its end), the others' parts stay.
    const names = ['pieces', 'short', 'long', 'other'];
    const parts = (await db.fileParts.toArray()).filter((part) => names.includes(part.sha256));
    expect(parts.map((part) => part.sha256).sort()).toEqual(['other', 'pieces']);
  });
});
