import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { KdfParams } from '../../shared/crypto/kdf';
import { passphraseKey } from '../../renderer/src/lib/passphraseKey';
import { decryptEntry, encryptEntry } from '../../renderer/src/workers/archive/archiveCrypto';
import { fromBase64 } from '../../renderer/src/workers/archive/base64';
import { markdownNodeTypes, markdownText, TEMPLATE_NODES } from '../dossierElements';
import { withEntryInside } from '../zipSurgery';
import { expectTemplateMarkupOnly, exportPackage, openOffline } from './dossierExports';
import {
  addClaim,
  backUpInto,
  changeStatus,
  cite,
  claimButton,
  openClaim,
  openTab,
  sourceNote,
  startInvestigation,
} from './app';

/**
 * Archives made by an attacker, restored through the app with two other investigations present:
 * each is refused with a sentence naming what failed, or restored as a new investigation; either
 * way, every record of the other two is the same, byte for byte, before, after, and after the next
 * start.
 */

const BYSTANDERS = ['Bystander one', 'Bystander two'];
const PASSPHRASE = 'violet harbour quietly ninety seven';

/** Every stored byte of the bystanders: their index rows and every record of their databases. */
function fingerprint(page: Page, names: string[]) {
  return page.evaluate(async (wanted) => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const all = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const bytes = (_key: string, value: unknown) =>
      ArrayBuffer.isView(value) ? Array.from(new Uint8Array(value.buffer)) : value;
    const index = await open('waybill-index');
    const rows = (await all(index, 'investigations')) as { id: string; name: string }[];
    index.close();
    const out: Record<string, string> = {};
    for (const row of rows.filter((candidate) => wanted.includes(candidate.name))) {
      const db = await open(`waybill-investigation-${row.id}-locked`);
      const tables: Record<string, unknown[]> = {};
      for (const store of [...db.objectStoreNames]) tables[store] = await all(db, store);
      db.close();
      out[row.name] = JSON.stringify({ row, tables }, bytes);
    }
    return out;
  }, names);
}

type Entries = Zippable & Record<string, Uint8Array>;

/** The manifest's size and SHA-256 of every entry, made to match the entries again. */
function rehash(entries: Entries, manifest: Record<string, unknown>) {
  for (const entry of manifest.entries as { name: string; bytes: number; sha256: string }[]) {
    const bytes = entries[entry.name];
    if (bytes) Object.assign(entry, { bytes: bytes.length, sha256: bytesToHex(sha256(bytes)) });
  }
}

/** The archive's entries rewritten; the manifest's hashes follow unless `keepHashes`. */
function forged(
  archive: Buffer,
  edit: (entries: Entries, manifest: Record<string, unknown>) => void,
  keepHashes = false,
): Uint8Array {
  const entries = unzipSync(new Uint8Array(archive)) as Entries;
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as Record<string, unknown>;
  edit(entries, manifest);
  if (!keepHashes) rehash(entries, manifest);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(entries, { level: 0 });
}

/**
 * The same for an encrypted archive, by someone who knows its passphrase (its author): every entry
 * decrypted, edited, hashed and encrypted again with the key the header's own parameters give.
 */
async function forgedSealed(
  archive: Buffer,
  passphrase: string,
  edit: (entries: Entries, manifest: Record<string, unknown>) => void,
): Promise<Uint8Array> {
  const sealed = unzipSync(new Uint8Array(archive)) as Entries;
  const header = JSON.parse(strFromU8(sealed['archive.json'])) as {
    kdf: KdfParams & { salt: string; check: string };
  };
  const { salt, check: _check, ...params } = header.kdf;
  const key = await passphraseKey(passphrase, fromBase64(salt), params, () => undefined);
  const entries: Entries = {};
  for (const [name, bytes] of Object.entries(sealed))
    if (name !== 'archive.json') entries[name] = await decryptEntry(key, name, bytes);
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as Record<string, unknown>;
  edit(entries, manifest);
  rehash(entries, manifest);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  const out: Entries = { 'archive.json': sealed['archive.json'] };
  for (const [name, bytes] of Object.entries(entries))
    out[name] = await encryptEntry(key, name, bytes);
  return zipSync(out, { level: 0 });
}

const investigationField = (manifest: Record<string, unknown>, fields: Record<string, unknown>) => {
  manifest.investigation = { ...(manifest.investigation as object), ...fields };
};

async function backUp(page: Page, name: string, folder: string, passphrase = '') {
  await page.getByRole('button', { name: `Back up ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Back up “${name}”` });
  if (passphrase) {
    await dialog.getByLabel(/^Passphrase \(optional/).fill(passphrase);
    await dialog.getByLabel('Passphrase again').fill(passphrase);
  }
  const file = path.join(folder, `${passphrase ? 'sealed' : 'plain'}.waybill`);
  await backUpInto(page, dialog, file);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFileSync(file);
}

/**
 * Restores `bytes` as `name` through the Restore button: the refusal's sentence, or null when it was
 * restored (as a new investigation).
 */
async function tryRestore(page: Page, folder: string, name: string, bytes: Uint8Array) {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from archive' }).click();
  await (await chooser).setFiles(file);
  const region = page.getByRole('region', { name: 'Restore from archive' });
  const dialog = page.getByRole('dialog', { name: `Restore ${name}` });
  // Refused as soon as it is chosen (its zip structure or header), or in the dialog.
  await expect(region.getByRole('alert').or(dialog).first()).toBeVisible();
  if (await region.getByRole('alert').isVisible()) return region.getByRole('alert').textContent();
  const passphrase = dialog.getByLabel('Archive passphrase');
  if (await passphrase.isVisible()) await passphrase.fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  const refusal = dialog.getByRole('alert');
  const restored = page.getByRole('status').filter({ hasText: 'Restored' });
  // Argon2id and a restore take a few seconds on a loaded machine.
  await expect(refusal.or(restored).first()).toBeVisible({ timeout: 30_000 });
  if (await refusal.isVisible()) {
    const text = await refusal.textContent();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    return text;
  }
  await expect(dialog).toBeHidden();
  return null;
}

test('twenty tampered archives touch nothing of two other investigations, now or after a restart', async ({
  page,
}) => {
  test.setTimeout(300_000);
  for (const name of BYSTANDERS) {
    await startInvestigation(page, name, 'Claims');
    await addClaim(page, `${name} must survive`);
  }
  await startInvestigation(page, 'Archived case', 'Claims');
  await addClaim(page, 'From the archive');
  const victimId = /investigations\/([^/]+)\//.exec(page.url())?.[1] ?? '';
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  const folder = mkdtempSync(path.join(tmpdir(), 'hostile-'));
  const plain = await backUp(page, 'Archived case', folder);
  const sealed = await backUp(page, 'Archived case', folder, PASSPHRASE);
  const before = await fingerprint(page, BYSTANDERS);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(BYSTANDERS));
  const bystanderId = (JSON.parse(before[BYSTANDERS[0]]) as { row: { id: string } }).row.id;

  const changedByte = Buffer.from(plain);
  changedByte[Math.floor(changedByte.length / 2)] ^= 0xff;
  const claimsRow = (bytes: Buffer) =>
    strFromU8(unzipSync(new Uint8Array(bytes))['tables/claims.jsonl']).split('\n')[0];
  const cases: [string, Uint8Array, RegExp | null][] = [
    ['changed-byte', changedByte, /changed|damaged/],
    ['truncated', plain.subarray(0, Math.floor(plain.length * 0.7)), /ends early/],
    ['not-a-zip', new Uint8Array(4096).fill(7), /ends early/],
    [
      'swapped-entries',
      forged(
        plain,
        (entries) => {
          [entries['tables/claims.jsonl'], entries['tables/sections.jsonl']] = [
            entries['tables/sections.jsonl'],
            entries['tables/claims.jsonl'],
          ];
        },
        true,
      ),
      /does not match its SHA-256/,
    ],
    [
      'forged-plain',
      forged(plain, (entries) => {
        entries['tables/claims.jsonl'] = strToU8(
          claimsRow(plain).replace('From the archive', 'Forged') + '\n',
        );
      }),
      null,
    ],
    [
      'forged-sealed',
      (() => {
        const entries = unzipSync(new Uint8Array(sealed));
        entries['manifest.json'][40] ^= 0xff;
        return zipSync(entries, { level: 0 });
      })(),
      /cannot be decrypted/,
    ],
    [
      'names-another-database',
      forged(plain, (_e, manifest) =>
        investigationField(manifest, { databaseId: bystanderId, id: bystanderId }),
      ),
      null,
    ],
    [
      'replaces-another',
      forged(plain, (_e, manifest) =>
        investigationField(manifest, { replacedDatabase: bystanderId, lock: { salt: 'x' } }),
      ),
      null,
    ],
    [
      'victim-id',
      forged(plain, (_e, manifest) => investigationField(manifest, { id: victimId })),
      null,
    ],
    ...(['../x', '/etc/x', 'tables\\claims.jsonl'] as const).map(
      (name, index): [string, Uint8Array, RegExp] => [
        `path-${index}`,
        forged(plain, (entries) => {
          entries[name] = strToU8('{}');
        }),
        /holds an entry named .*, which Waybill never writes/,
      ],
    ),
    [
      'overlapping',
      withEntryInside(unzipSync(new Uint8Array(plain)), `files/${'1'.repeat(64)}`),
      /overlaps another/,
    ],
    [
      'duplicate',
      (() => {
        const bytes = forged(plain, (entries) => {
          entries['tables/zzzzzz.jsonl'] = entries['tables/claims.jsonl'];
        });
        const text = Buffer.from(bytes).toString('latin1');
        for (
          let at = text.indexOf('tables/zzzzzz');
          at >= 0;
          at = text.indexOf('tables/zzzzzz', at + 1)
        )
          bytes.set(strToU8('tables/claims'), at);
        return bytes;
      })(),
      /twice/,
    ],
    [
      'compressed',
      (() => {
        const entries = unzipSync(new Uint8Array(plain));
        return zipSync(
          Object.fromEntries(
            Object.entries(entries).map(([name, bytes]) => [
              name,
              name === 'tables/claims.jsonl' ? [bytes, { level: 9 }] : [bytes, { level: 0 }],
            ]),
          ),
        );
      })(),
      /compressed/,
    ],
    [
      'manifest-not-json',
      (() => {
        const entries = unzipSync(new Uint8Array(plain));
        entries['manifest.json'] = strToU8('{"format": "waybill-archive",');
        return zipSync(entries, { level: 0 });
      })(),
      /manifest\.json is not valid JSON/,
    ],
    [
      'newer-schema',
      forged(plain, (_e, manifest) => {
        manifest.schemaVersion = 999;
      }),
      /newer Waybill/,
    ],
    [
      'derivation-out-of-range',
      (() => {
        const entries = unzipSync(new Uint8Array(sealed));
        const header = JSON.parse(strFromU8(entries['archive.json'])) as { kdf: object };
        header.kdf = { ...header.kdf, memoryKiB: 2 ** 31 };
        entries['archive.json'] = strToU8(JSON.stringify(header));
        return zipSync(entries, { level: 0 });
      })(),
      /archive\.json is not one Waybill writes \(at kdf\.memoryKiB\)/,
    ],
    [
      'row-of-wrong-type',
      forged(plain, (entries) => {
        const row = JSON.parse(claimsRow(plain)) as Record<string, unknown>;
        entries['tables/claims.jsonl'] = strToU8(`${JSON.stringify({ ...row, text: 42 })}\n`);
      }),
      /tables\/claims\.jsonl, line 1, is not one Waybill writes \(at text\)/,
    ],
    [
      'unlisted-entry',
      forged(
        plain,
        (entries) => {
          entries['tables/extra.jsonl'] = strToU8('{}\n');
        },
        true,
      ),
      /not in its manifest/,
    ],
  ];
  expect(cases.length).toBeGreaterThanOrEqual(20);
  for (const [name, bytes, refusal] of cases) {
    await test.step(name, async () => {
      const said = await tryRestore(page, folder, `${name}.waybill`, bytes);
      if (refusal) expect(said).toMatch(refusal);
      else expect(said).toBeNull();
      expect(await fingerprint(page, BYSTANDERS)).toEqual(before);
    });
  }
  // The next start finishes nothing an archive asked for.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Investigations' })).toBeVisible();
  await expect(page.getByRole('link', { name: BYSTANDERS[0] })).toBeVisible();
  expect(await fingerprint(page, BYSTANDERS)).toEqual(before);
  await page.getByRole('link', { name: BYSTANDERS[0] }).click();
  await expect(claimButton(page, `${BYSTANDERS[0]} must survive`)).toBeVisible();
});

/** Markup and links of every kind a forger would try: in the app and the exports, only text. */
const MARKUP = [
  `<img src=x onerror="document.title='pwned'">`,
  '<meta http-equiv="refresh" content="0;url=https://example.com/">',
  '<a href="javascript:alert(1)">here</a>',
  '[there](javascript:alert(2))',
  '<javascript:alert(3)>',
  '<script>document.title="pwned"</script>',
].join(' ');

test('a forged archive with markup and javascript: links, plain or sealed by its author, restores as inert text in the preview and every export', async ({
  page,
  browser,
}) => {
  test.slow();
  await startInvestigation(page, 'Forgery base', 'Notes');
  await sourceNote(page, {
    title: 'A source',
    name: 'Ann Example',
    confidentiality: 'On the record',
  });
  await openTab(page, 'Claims');
  await addClaim(page, 'The claim to forge');
  await openClaim(page, 'The claim to forge');
  await changeStatus(page, 'Verified', 'The reason to forge');
  await cite(page, 'a source', 'A source', 'supports', 'The comment to forge');
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  const folder = mkdtempSync(path.join(tmpdir(), 'forged-'));
  const archives = {
    plain: await backUp(page, 'Forgery base', folder),
    sealed: await backUp(page, 'Forgery base', folder, PASSPHRASE),
  };
  // Every string the dossier shows gets the markup; the case's name (200 characters at most) a tag.
  const caseName = (kind: string) => `Forged ${kind} <img src=x onerror="document.title='pwned'">`;
  const edit = (kind: string) => (entries: Entries, manifest: Record<string, unknown>) => {
    investigationField(manifest, { name: caseName(kind) });
    for (const [table, from] of [
      ['claims', 'The claim to forge'],
      ['claims', 'The reason to forge'],
      ['links', 'The comment to forge'],
      ['notes', 'A source'],
    ]) {
      const name = `tables/${table}.jsonl`;
      const rows = strFromU8(entries[name]).split('\n').filter(Boolean);
      const withMarkup = (row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row).map(([field, value]) => [
            field,
            value === from ? `${from} ${MARKUP}` : value,
          ]),
        );
      entries[name] = strToU8(
        rows
          .map((row) => JSON.stringify(withMarkup(JSON.parse(row) as Record<string, unknown>)))
          .join('\n') + '\n',
      );
    }
  };
  const forgeries = {
    plain: forged(archives.plain, edit('plain')),
    sealed: await forgedSealed(archives.sealed, PASSPHRASE, edit('sealed')),
  };
  for (const [kind, bytes] of Object.entries(forgeries)) {
    await test.step(kind, async () => {
      expect(await tryRestore(page, folder, `forged-${kind}.waybill`, bytes)).toBeNull();
      await page
        .getByRole('row', { name: caseName(kind) })
        .getByRole('link')
        .click();
      await openTab(page, 'Dossier');
      const preview = page.frameLocator('iframe[title="Dossier preview"]');
      await expect(preview.getByText(`The claim to forge ${MARKUP}`)).toBeVisible();
      await expectTemplateMarkupOnly(preview.locator(':root'));
      const files = await exportPackage(page);
      const {
        page: offline,
        requests,
        context,
      } = await openOffline(browser, strFromU8(files['dossier.html']));
      await expect(offline.getByText(`The comment to forge ${MARKUP}`)).toBeVisible();
      expect(await offline.title()).not.toBe('pwned');
      await expectTemplateMarkupOnly(offline.locator(':root'));
      expect(requests).toEqual([]);
      await context.close();
      const markdown = strFromU8(files['dossier.md']);
      for (const type of markdownNodeTypes(markdown)) expect(TEMPLATE_NODES).toContain(type);
      for (const from of ['The claim to forge', 'The reason to forge', 'The comment to forge'])
        expect(markdownText(markdown)).toContain(`${from} ${MARKUP}`);
      expect(await page.title()).not.toBe('pwned');
      await page.getByRole('link', { name: 'Investigations', exact: true }).click();
    });
  }
});
