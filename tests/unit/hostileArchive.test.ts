import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Dexie } from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexDb, investigationDb } from '../../renderer/src/db/databases';
import { removeInterruptedRestores } from '../../renderer/src/db/investigationIndex';
import { fileBytes, storeFile } from '../../renderer/src/db/storedFiles';
import { addClaim } from '../../renderer/src/case/claims/claimMutations';
import { createInvestigation } from '../../renderer/src/features/investigations/investigationMutations';
import { openArchive } from '../../renderer/src/workers/archive/readArchive';
import { restoreArchive } from '../../renderer/src/workers/archive/restoreArchive';
import { archiveBlob } from './archive/archiveBlob';
import {
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type ArchiveManifest,
} from '../../shared/archive/archiveFormat';
import { rowSchemas } from '../../shared/archive/rowSchemas';
import { canonicalFields } from '../../shared/customs/fields';
import type { Investigation } from '../../shared/investigation';
import { rewriteDirectory, withEntryInside, type CentralRecord } from '../zipSurgery';

/**
 * Archives made by someone else, as an attacker would make them: every one of them is refused, or
 * restored as a new investigation that touches nothing already here.
 */
let bystander: Investigation;
let archive: Blob;

beforeEach(async () => {
  bystander = await createInvestigation('Someone else’s case');
  await addClaim(investigationDb(bystander), { text: 'A claim that must survive.' });
  const source = await createInvestigation('Archived case');
  await addClaim(investigationDb(source), { text: 'From the archive.' });
  archive = await archiveBlob(investigationDb(source), source, { passphrase: null });
});

/** Everything the bystander holds, as it would be seen after a restart. */
async function fingerprint() {
  const row = await indexDb.investigations.get(bystander.id);
  const db = investigationDb(bystander);
  return {
    row,
    exists: await Dexie.exists(db.name),
    claims: (await db.claims.toArray()).map((claim) => claim.text),
  };
}

/** The archive's entries rewritten: `edit` changes them in place (the manifest as an object). */
async function forged(
  edit: (entries: Record<string, Uint8Array>, manifest: Record<string, unknown>) => void,
): Promise<Blob> {
  const entries = unzipSync(new Uint8Array(await archive.arrayBuffer()));
  const manifest = JSON.parse(strFromU8(entries[MANIFEST_ENTRY])) as Record<string, unknown>;
  edit(entries, manifest);
  entries[MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest));
  return new Blob([zipSync(entries, { level: 0 })]);
}

/** The archive with its claims table replaced by `rows` of the first claim's JSON line. */
function withClaimRows(rows: (first: string) => string[]): Promise<Blob> {
  return forged((entries, manifest) => {
    const [first] = strFromU8(entries['tables/claims.jsonl']).split('\n');
    const bytes = strToU8(`${rows(first).join('\n')}\n`);
    entries['tables/claims.jsonl'] = bytes;
    for (const entry of manifest.entries as { name: string; bytes: number; sha256: string }[])
      if (entry.name === 'tables/claims.jsonl')
        Object.assign(entry, { bytes: bytes.length, sha256: bytesToHex(sha256(bytes)) });
  });
}

describe('a hostile archive', () => {
  it('cannot name another investigation’s database, its id, or a database to replace', async () => {
    const before = await fingerprint();
    const file = await forged((_entries, manifest) => {
      manifest.investigation = {
        ...(manifest.investigation as ArchiveManifest['investigation']),
        id: bystander.id,
        databaseId: bystander.id,
        replacedDatabase: bystander.id,
        lock: { salt: 'x' },
      };
    });
    const restored = await restoreArchive(await openArchive(file, null));
    expect(restored.id).not.toBe(bystander.id);
    expect(restored).not.toHaveProperty('databaseId');
    expect(restored).not.toHaveProperty('replacedDatabase');
    expect(restored).not.toHaveProperty('lock');
    expect((await investigationDb(restored).claims.toArray()).map((c) => c.text)).toEqual([
      'From the archive.',
    ]);
    expect(await fingerprint()).toEqual(before);
    // The next start finishes nothing that the archive asked for.
    await removeInterruptedRestores();
    expect(await fingerprint()).toEqual(before);
  });

  it.each([
    ['../x', 'a path out of the archive'],
    ['/etc/passwd', 'an absolute path'],
    ['tables\\claims.jsonl', 'a backslash'],
    ['scripts/run.js', 'a folder the format does not have'],
  ])('is refused when an entry is named %s (%s)', async (name) => {
    const file = await forged((entries, manifest) => {
      entries[name] = strToU8('{}');
      (manifest.entries as unknown[]).push({ name, bytes: 2, sha256: 'a'.repeat(64) });
    });
    await expect(openArchive(file, null)).rejects.toThrow(
      `This archive is damaged: it holds an entry named “${name}”, which Waybill never writes.`,
    );
  });

  it('is refused when only its manifest names an entry outside the grammar', async () => {
    const file = await forged((_entries, manifest) => {
      (manifest.entries as unknown[]).push({ name: '../x', bytes: 2, sha256: 'a'.repeat(64) });
    });
    await expect(openArchive(file, null)).rejects.toThrow(
      'This archive’s manifest.json is not one Waybill writes (at entries.',
    );
  });

  it.each([
    [
      '48 names for the same bytes',
      (records: CentralRecord[]) => [
        ...records,
        ...Array.from({ length: 48 }, (_, index) => ({
          ...records[records.length - 1],
          name: `files/${index.toString(16).padStart(64, '0')}`,
        })),
      ],
      'its entries are larger than the file that holds them',
    ],
    [
      'a compressed entry',
      (records: CentralRecord[]) =>
        records.map((record, index) => (index === 0 ? { ...record, method: 8 } : record)),
      'is compressed, which Waybill never does',
    ],
    [
      'two sizes for one entry',
      (records: CentralRecord[]) =>
        records.map((record, index) =>
          index === 0 ? { ...record, size: record.size + 1 } : record,
        ),
      'two different sizes',
    ],
    [
      'sizes beyond the file’s',
      (records: CentralRecord[]) =>
        records.map((record, index) =>
          index === 0 ? { ...record, size: 2 ** 31, compressed: 2 ** 31 } : record,
        ),
      'its entries are larger than the file that holds them',
    ],
  ])('is refused, before reading its entries, for %s', async (_, edit, message) => {
    const bytes = rewriteDirectory(new Uint8Array(await archive.arrayBuffer()), edit);
    await expect(openArchive(new Blob([bytes]), null)).rejects.toThrow(message);
  });

  it('is refused, before reading its entries, for an entry inside another', async () => {
    const hidden = `files/${'1'.repeat(64)}`;
    const bytes = withEntryInside(unzipSync(new Uint8Array(await archive.arrayBuffer())), hidden);
    await expect(openArchive(new Blob([bytes]), null)).rejects.toThrow(
      `This archive is damaged: the entry “${hidden}” overlaps another.`,
    );
  });

  it('is refused when an entry’s local header disagrees with the table of contents', async () => {
    const entries = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    const bytes = zipSync(entries, { level: 0 });
    // zipSync writes sizes in each local header (no data descriptor): change the first one's.
    new DataView(bytes.buffer).setUint32(22, 1, true);
    await expect(openArchive(new Blob([bytes]), null)).rejects.toThrow(
      'says otherwise inside than its table of contents',
    );
  });

  it('is refused when it holds one entry twice', async () => {
    const entries = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    entries['tables/zzzzzz.jsonl'] = entries['tables/claims.jsonl'];
    const bytes = zipSync(entries, { level: 0 });
    // Rename the copy, in its local header and in the table of contents, to the original's name.
    const text = new TextDecoder('latin1').decode(bytes);
    for (
      let at = text.indexOf('tables/zzzzzz');
      at >= 0;
      at = text.indexOf('tables/zzzzzz', at + 1)
    )
      bytes.set(strToU8('tables/claims'), at);
    await expect(openArchive(new Blob([bytes]), null)).rejects.toThrow(
      'it holds the entry “tables/claims.jsonl” twice',
    );
  });

  it.each([
    [
      '2³¹−1 iterations',
      { name: 'PBKDF2', hash: 'SHA-256', iterations: 2 ** 31 - 1 },
      'iterations',
    ],
    ['no iterations', { name: 'PBKDF2', hash: 'SHA-256', iterations: 0 }, 'iterations'],
    [
      '2 TiB of Argon2id memory',
      { name: 'Argon2id', memoryKiB: 2 ** 31, passes: 3, parallelism: 1 },
      'memoryKiB',
    ],
    [
      'a million Argon2id passes',
      { name: 'Argon2id', memoryKiB: 65_536, passes: 1_000_000, parallelism: 1 },
      'passes',
    ],
    ['another derivation', { name: 'scrypt', N: 2 ** 20 }, 'name'],
  ])('is refused before any key is derived when its header asks for %s', async (_, kdf, field) => {
    const entries = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    entries[HEADER_ENTRY] = strToU8(
      JSON.stringify({
        format: 'waybill-archive',
        version: 1,
        encrypted: true,
        kdf: { ...kdf, salt: 'AAAA', check: 'AAAA' },
      }),
    );
    const started = Date.now();
    await expect(openArchive(new Blob([zipSync(entries, { level: 0 })]), 'x')).rejects.toThrow(
      `This archive’s archive.json is not one Waybill writes (at kdf.${field}): nothing was restored.`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is refused, storing nothing, when a table row is not JSON even though its hash matches', async () => {
    const before = await fingerprint();
    const visible = async () =>
      (await indexDb.investigations.toArray()).filter((row) => !row.restoring).length;
    const count = await visible();
    const file = await withClaimRows((first) => [first, '{"id": "c2", text: broken}']);
    await expect(restoreArchive(await openArchive(file, null))).rejects.toThrow(
      'This archive’s tables/claims.jsonl, line 2, is not valid JSON: nothing was restored.',
    );
    expect(await visible()).toBe(count);
    expect(await fingerprint()).toEqual(before);
  });

  it('is refused when a stored file’s content is not the one its hash names', async () => {
    const source = await createInvestigation('Case with a file');
    const db = investigationDb(source);
    const original = strToU8('%PDF-1.7 the original\n');
    const hash = bytesToHex(sha256(original));
    const meta = { sha256: hash, name: 'original.pdf', mime: 'application/pdf' };
    await storeFile(db, meta, original);
    archive = await archiveBlob(db, source, { passphrase: null });
    // Another content under the file's name, with the manifest's hash made to match it.
    const before = await fingerprint();
    const file = await forged((entries, manifest) => {
      const other = strToU8('%PDF-1.7 something else\n');
      entries[`files/${hash}`] = other;
      for (const entry of manifest.entries as { name: string; bytes: number; sha256: string }[])
        if (entry.name === `files/${hash}`)
          Object.assign(entry, { bytes: other.length, sha256: bytesToHex(sha256(other)) });
    });
    await expect(restoreArchive(await openArchive(file, null))).rejects.toThrow(
      'The stored file original.pdf does not match its SHA-256: the archive was changed.',
    );
    expect(await fingerprint()).toEqual(before);
    // Unforged, it restores, and its export names the same hash for the same bytes.
    const restored = await restoreArchive(await openArchive(archive, null));
    const again = await archiveBlob(investigationDb(restored), restored, { passphrase: null });
    const manifest = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await again.arrayBuffer()))[MANIFEST_ENTRY]),
    ) as ArchiveManifest;
    expect(manifest.entries.find((entry) => entry.name === `files/${hash}`)).toMatchObject({
      bytes: original.length,
      sha256: hash,
    });
  });

  it('cannot bring a file’s stored parts of its own: only its entry’s checked bytes are stored', async () => {
    const source = await createInvestigation('Case with a file');
    const db = investigationDb(source);
    const original = strToU8('%PDF-1.7 the original\n');
    const hash = bytesToHex(sha256(original));
    await storeFile(db, { sha256: hash, name: 'original.pdf', mime: 'application/pdf' }, original);
    archive = await archiveBlob(db, source, { passphrase: null });
    const written = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    expect(Object.keys(written).filter((name) => name.includes('fileParts'))).toEqual([]);
    const file = await forged((entries, manifest) => {
      const rows = strToU8(`${JSON.stringify({ sha256: hash, part: 0, blob: 'forged' })}\n`);
      entries['tables/fileParts.jsonl'] = rows;
      (manifest.entries as { name: string; bytes: number; sha256: string }[]).push({
        name: 'tables/fileParts.jsonl',
        bytes: rows.length,
        sha256: bytesToHex(sha256(rows)),
      });
      (manifest.tables as Record<string, number>).fileParts = 1;
    });
    const restored = investigationDb(await restoreArchive(await openArchive(file, null)));
    const parts = await restored.fileParts.toArray();
    expect(parts.map((part) => [part.sha256, part.part, part.blob instanceof Blob])).toEqual([
      [hash, 0, true],
    ]);
    const [stored] = await restored.files.toArray();
    expect(await fileBytes(restored, stored)).toEqual(original);
  });

  it('is refused, storing nothing, when a row has a field of the wrong type', async () => {
    const before = await fingerprint();
    const file = await withClaimRows((first) => [
      first,
      JSON.stringify({ ...(JSON.parse(first) as object), id: 'c2', text: 42 }),
    ]);
    await expect(restoreArchive(await openArchive(file, null))).rejects.toThrow(
      'This archive’s tables/claims.jsonl, line 2, is not one Waybill writes (at text): nothing was restored.',
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('drops fields no row of Waybill has, and keeps the rest', async () => {
    const file = await withClaimRows((first) => [
      JSON.stringify({ ...(JSON.parse(first) as object), onclick: 'alert(1)', __proto__x: 1 }),
    ]);
    const restored = await restoreArchive(await openArchive(file, null));
    const [claim] = await investigationDb(restored).claims.toArray();
    expect(claim.text).toBe('From the archive.');
    expect(Object.keys(claim)).not.toContain('onclick');
    expect(Object.keys(claim)).not.toContain('__proto__x');
  });

  it('is refused in one plain sentence when its manifest is not JSON, or of the wrong types', async () => {
    const broken = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    broken[MANIFEST_ENTRY] = strToU8('{"format": "waybill-archive",');
    await expect(openArchive(new Blob([zipSync(broken, { level: 0 })]), null)).rejects.toThrow(
      'This archive’s manifest.json is not valid JSON: nothing was restored.',
    );
    const wrongType = await forged((_entries, manifest) => {
      manifest.schemaVersion = 'seven';
    });
    await expect(openArchive(wrongType, null)).rejects.toThrow(
      'This archive’s manifest.json is not one Waybill writes (at schemaVersion)',
    );
  });
});

describe('a dataset row of an archive', () => {
  const dataset = {
    id: 'd1',
    fileName: 'vendor.csv',
    fileSha256: 'a'.repeat(64),
    size: 5_000_000,
    vendor: '',
    origin: '',
    importedAt: 0,
    status: 'complete',
    format: 'delimited',
    encoding: 'utf-8',
    delimiter: ',',
    sheet: null,
    headerLine: 1,
    headers: ['Date'],
    mapping: Object.fromEntries(canonicalFields.map((field) => [field, null])),
    dayMonthOrder: 'DMY',
    decimalComma: false,
    defaultCurrency: 'USD',
    counts: { records: 1, accepted: 1, rejected: 0, blank: 0, duplicates: 0 },
    blockCount: 1,
  };

  it('keeps a line index whose lines and bytes increase together', () => {
    const lineIndex = { at: [1_048_600, 2_097_300], line: [5_000, 10_100] };
    expect(rowSchemas.datasets.parse({ ...dataset, lineIndex }).lineIndex).toEqual(lineIndex);
    expect(rowSchemas.datasets.parse(dataset).lineIndex).toBeUndefined();
  });

  it.each([
    ['lists of different lengths', { at: [10, 20], line: [2] }],
    ['bytes that go back', { at: [20, 10], line: [2, 3] }],
    ['lines that repeat', { at: [10, 20], line: [3, 3] }],
    ['a line before the second', { at: [10], line: [1] }],
    ['a byte that is not a whole number', { at: [10.5], line: [2] }],
  ])('is refused with a line index of %s', (_, lineIndex) => {
    expect(rowSchemas.datasets.safeParse({ ...dataset, lineIndex }).success).toBe(false);
  });
});
