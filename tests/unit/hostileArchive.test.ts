import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Dexie } from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexDb, investigationDb } from '../../renderer/src/db/databases';
import { removeInterruptedRestores } from '../../renderer/src/db/investigationIndex';
import { addClaim } from '../../renderer/src/case/claims/claimMutations';
import { createInvestigation } from '../../renderer/src/features/investigations/investigationMutations';
import { openArchive } from '../../renderer/src/workers/archive/readArchive';
import { restoreArchive } from '../../renderer/src/workers/archive/restoreArchive';
import { writeArchive } from '../../renderer/src/workers/archive/writeArchive';
import {
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type ArchiveManifest,
} from '../../shared/archive/archiveFormat';
import type { Investigation } from '../../shared/investigation';

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
  archive = await writeArchive(investigationDb(source), source, { passphrase: null });
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
      'This archive’s manifest.json is not one Waybill writes (at entries.',
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
    ['2³¹−1 iterations', 2 ** 31 - 1],
    ['no iterations', 0],
  ])('is refused before any key is derived when its header asks for %s', async (_, iterations) => {
    const entries = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    entries[HEADER_ENTRY] = strToU8(
      JSON.stringify({
        format: 'waybill-archive',
        version: 1,
        encrypted: true,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: 'AAAA', check: 'AAAA' },
      }),
    );
    const started = Date.now();
    await expect(openArchive(new Blob([zipSync(entries, { level: 0 })]), 'x')).rejects.toThrow(
      'This archive’s archive.json is not one Waybill writes (at kdf.iterations): nothing was restored.',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is refused, storing nothing, when a table row is not JSON even though its hash matches', async () => {
    const before = await fingerprint();
    const visible = async () =>
      (await indexDb.investigations.toArray()).filter((row) => !row.restoring).length;
    const count = await visible();
    const file = await forged((entries, manifest) => {
      const bytes = strToU8('{"id": "c1", "text": "ok"}\n{"id": "c2", text: broken}\n');
      entries['tables/claims.jsonl'] = bytes;
      for (const entry of manifest.entries as { name: string; bytes: number; sha256: string }[])
        if (entry.name === 'tables/claims.jsonl')
          Object.assign(entry, { bytes: bytes.length, sha256: bytesToHex(sha256(bytes)) });
    });
    await expect(restoreArchive(await openArchive(file, null))).rejects.toThrow(
      'This archive’s tables/claims.jsonl, line 2, is not valid JSON: nothing was restored.',
    );
    expect(await visible()).toBe(count);
    expect(await fingerprint()).toEqual(before);
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
