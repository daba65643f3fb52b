import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import {
  addClaim,
  backUpCase,
  backUpInto,
  claimButton,
  lockInvestigation,
  openSampleInvestigation,
  openTab,
  startInvestigation,
} from './app';
import { chromiumLaunchOptions } from './chromium';
import { generatedVendorFile, importCustomsFile } from './customs';

const PASSPHRASE = 'a long passphrase nobody guesses';

/**
 * What an investigation's database holds, read straight from IndexedDB: every case is sealed under
 * keys of its own, so what two cases can share is the fields kept in the clear for their indexes
 * (ids, orders, dates), each table's rows, and the sizes of the files. (That the contents come
 * back byte for byte is the archive unit test's round trip.)
 */
function snapshot(page: Page, investigationId: string) {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`waybill-investigation-${id}-locked`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const all = (table: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    // A keyed hash differs from case to case (alone or in a list); the sealed record too.
    const unhashed = (value: unknown) =>
      typeof value === 'string' && value.startsWith('#') ? 'hashed' : value;
    const clear = (row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([field]) => field !== '$sealed')
          .map(([field, value]) => [
            field,
            Array.isArray(value) ? value.map(unhashed) : unhashed(value),
          ]),
      );
    const tables: Record<string, unknown> = {};
    for (const table of [
      'claims',
      'links',
      'notes',
      'excerpts',
      'datasets',
      'documents',
      'entities',
      'savedFilters',
      'sections',
      'statuses',
    ])
      tables[table] = (await all(table)).map(clear);
    const parts = (await all('fileParts')) as { blob: Blob }[];
    tables.files = (await all('files')).length;
    tables.fileParts = parts.map((part) => part.blob.size).sort((a, b) => a - b);
    tables.blocks = (await all('shipmentBlocks')).length;
    db.close();
    return tables;
  }, investigationId);
}

const idOf = (href: string | null) => /investigations\/([^/]+)\//.exec(href ?? '')?.[1] ?? '';

/** Restores `file` from the Investigations page, with `passphrase` if it has one. */
async function restore(page: Page, file: string, passphrase: string | null = PASSPHRASE) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from archive' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: `Restore ${path.basename(file)}` });
  if (passphrase) await dialog.getByLabel('Archive passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  return dialog;
}

test('the sample investigation is backed up, deleted and restored whole; a cut or changed archive is refused', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await openSampleInvestigation(page);
  const original = idOf(new URL(page.url()).hash);
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  const name = 'Sample: China–Russia defense trade 2022 (synthetic)';
  const before = await snapshot(page, original);

  await page.getByRole('button', { name: `Back up ${name}` }).click();
  const backup = page.getByRole('dialog', { name: `Back up “${name}”` });
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect(backup.getByRole('alert')).toContainText('needs a passphrase');
  // A new archive's passphrase meets the lock's rules.
  await backup.getByLabel(/^Passphrase \(required/).fill('x');
  await backup.getByLabel('Passphrase again').fill('x');
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect(backup.getByRole('alert')).toHaveText('A passphrase needs at least 8 characters.');
  await backup.getByLabel(/^Passphrase \(required/).fill(PASSPHRASE);
  await backup.getByLabel('Passphrase again').fill(PASSPHRASE);
  const folder = mkdtempSync(path.join(tmpdir(), 'archive-'));
  const archive = path.join(folder, 'archive.waybill');
  const suggested = await backUpInto(page, backup, archive);
  await backup.getByRole('button', { name: 'Close' }).click();
  expect(suggested).toMatch(/\.waybill$/);
  expect(readFileSync(archive).toString('latin1')).not.toContain('Vera Inventova');

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${name}”?` });
  await confirm.getByRole('button', { name: 'Delete investigation' }).click();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  // A truncated copy and one with a single changed byte are refused, and store nothing.
  const bytes = readFileSync(archive);
  const truncated = path.join(folder, 'truncated.waybill');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
  // Cut short, it is refused as soon as it is chosen: its table of contents is gone.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from archive' }).click();
  await (await chooser).setFiles(truncated);
  await expect(
    page.getByRole('region', { name: 'Restore from archive' }).getByRole('alert'),
  ).toContainText('truncated.waybill: This archive ends early');
  const changed = path.join(folder, 'changed.waybill');
  const copy = Buffer.from(bytes);
  copy[Math.floor(copy.length / 2)] ^= 0xff;
  writeFileSync(changed, copy);
  const tampered = await restore(page, changed);
  await expect(tampered.getByRole('alert')).toContainText(/changed\.waybill: .*(changed|damaged)/);
  await tampered.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  const restoring = await restore(page, archive);
  await expect(restoring).toBeHidden();
  const link = page.getByRole('status').getByRole('link', { name });
  await expect(link).toBeVisible();
  const restored = idOf(await link.getAttribute('href'));
  expect(restored).not.toBe(original);
  expect(await snapshot(page, restored)).toEqual(before);
  await page.reload();
  await page.getByRole('link', { name }).click();
  await expect(page.getByText('6 claims')).toBeVisible();
});

test('a backup is written into the file the save dialog gives; cancelling the dialog writes nothing', async ({
  page,
}) => {
  await startInvestigation(page, 'Saved where chosen', 'Claims');
  await addClaim(page, 'A claim to carry in the archive');
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: 'Back up Saved where chosen' }).click();
  const backup = page.getByRole('dialog', { name: 'Back up “Saved where chosen”' });

  // The user closes the save dialog: nothing is written, nothing is said, the backup can be redone.
  await page.evaluate(() => {
    const picking = window as unknown as {
      showSaveFilePicker: () => Promise<never>;
      asked: number;
    };
    picking.asked = 0;
    picking.showSaveFilePicker = () => {
      picking.asked += 1;
      return Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
    };
  });
  await backup.getByRole('button', { name: 'Back up' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { asked: number }).asked))
    .toBe(1);
  await expect(backup.getByRole('button', { name: 'Back up' })).toBeEnabled();
  await expect(backup.getByRole('alert')).toHaveCount(0);
  await expect(backup.getByRole('progressbar')).toHaveCount(0);
  await expect(backup.getByText(/^Saved/)).toHaveCount(0);

  // Chosen: the archive goes into that file as it is written.
  const folder = mkdtempSync(path.join(tmpdir(), 'archive-'));
  const archive = path.join(folder, 'chosen.waybill');
  const suggested = await backUpInto(page, backup, archive);
  expect(suggested).toMatch(/^Saved-where-chosen-\d{4}-\d{2}-\d{2}\.waybill$/);
  await expect(backup.getByRole('status')).toContainText(`Saved ${suggested}`);
  const bytes = readFileSync(archive);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  expect(bytes.toString('utf8')).toContain('A claim to carry in the archive');
  await backup.getByRole('button', { name: 'Close' }).click();

  // A browser without a save dialog downloads the archive instead.
  await page.evaluate(() => {
    (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
  });
  await page.getByRole('button', { name: 'Back up Saved where chosen' }).click();
  const download = page.waitForEvent('download');
  await backup.getByRole('button', { name: 'Back up' }).click();
  const downloaded = path.join(folder, 'downloaded.waybill');
  await (await download).saveAs(downloaded);
  await expect(backup.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect((await download).suggestedFilename()).toBe(suggested);
  expect(readFileSync(downloaded).toString('utf8')).toContain('A claim to carry in the archive');
});

test('an archive restored in place of its investigation takes its place and id, locked or not', async ({
  page,
}) => {
  await startInvestigation(page, 'Replace me', 'Claims');
  await addClaim(page, 'Kept in the backup');
  const original = idOf(new URL(page.url()).hash);
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: 'Back up Replace me' }).click();
  const backup = page.getByRole('dialog', { name: 'Back up “Replace me”' });
  const archive = path.join(mkdtempSync(path.join(tmpdir(), 'archive-')), 'replace-me.waybill');
  await backUpInto(page, backup, archive);
  await backup.getByRole('button', { name: 'Close' }).click();

  // Locked since, and changed.
  await lockInvestigation(page, 'Replace me', PASSPHRASE);
  await page.getByRole('link', { name: 'Replace me' }).click();
  await addClaim(page, 'Written after the backup');
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from archive' }).click();
  await (await chooser).setFiles(archive);
  const dialog = page.getByRole('dialog', { name: 'Restore replace-me.waybill' });
  await expect(dialog.getByRole('note')).toContainText(
    'Unencrypted: its contents can’t be proven to come from Waybill.',
  );
  await dialog.getByLabel('Restore as').selectOption({ label: 'In place of “Replace me”' });
  await expect(dialog.getByRole('alert')).toContainText(
    '“Replace me” is replaced by the archive’s contents: what it holds now is lost.',
  );
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('in place of the investigation you picked');
  const row = page.getByRole('row', { name: /Replace me/ });
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText('Locked');
  await row.getByRole('link', { name: 'Replace me' }).click();
  expect(idOf(new URL(page.url()).hash)).toBe(original);
  await expect(claimButton(page, 'Kept in the backup')).toBeVisible();
  await expect(claimButton(page, 'Written after the backup')).toHaveCount(0);
});

test('a restore that runs out of storage midway is rolled back, saying so; nothing else changes', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  // A profile on disk, as the app has. Chromium applies a lowered quota (as on a nearly full disk)
  // to the databases it opens after it is set, so the browser is started again on the profile with
  // a quota that leaves half the room the investigation takes. It keeps reporting usage + about
  // 10 GiB to navigator.storage.estimate(), so the check before the restore passes and the quota
  // runs out midway, in the store worker that stores the blocks.
  const profile = testInfo.outputPath('profile');
  const open = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions,
      baseURL,
      acceptDownloads: true,
    });
    return { context, page: await context.newPage() };
  };
  const usage = (page: Page) =>
    page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const first = await open();
  await first.page.goto('/');
  const empty = await usage(first.page);
  const big = await generatedVendorFile(testInfo.outputPath('big.csv'), 7);
  await startInvestigation(first.page, 'Too big to restore', 'Datasets');
  await importCustomsFile(first.page, big, {}, 60_000);
  const full = await usage(first.page);
  await first.page.getByRole('link', { name: 'Investigations', exact: true }).click();
  const archive = testInfo.outputPath('too-big.waybill');
  await backUpCase(first.page, 'Too big to restore', archive);
  await first.context.close();

  const { context, page } = await open();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(baseURL ?? '').origin,
    quotaSize: full + (full - empty) / 2,
  });
  await page.goto('/');
  const dialog = await restore(page, archive, null);
  await expect(dialog.getByRole('alert')).toContainText(
    'The storage this browser allows Waybill ran out while restoring “Too big to restore”: it was rolled back, and nothing of it was kept.',
    { timeout: 90_000 },
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const rows = page.getByRole('table').getByRole('row');
  // The header row and the investigation that was there.
  await expect(rows).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Too big to restore' })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});

test('an original file larger than a restore writes at once comes back whole, its rows’ cells read from it', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // 150,000 rows, some 28 MB: stored by the store worker a part at a time as the archive worker
  // reads and checks the next (archive/restoreArchive.ts).
  const big = await generatedVendorFile(testInfo.outputPath('big.csv'), 11);
  await page.goto('/');
  await startInvestigation(page, 'Large original', 'Datasets');
  await importCustomsFile(page, big, {}, 60_000);
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  const archive = testInfo.outputPath('large-original.waybill');
  await backUpCase(page, 'Large original', archive);

  // A byte changed in the middle of the archive, inside the original: refused once its last piece
  // is hashed, by the worker that stored the rest, and nothing of it stays.
  const bytes = readFileSync(archive);
  bytes[bytes.length >> 1] ^= 0xff;
  const changed = testInfo.outputPath('changed-original.waybill');
  writeFileSync(changed, bytes);
  const refused = await restore(page, changed, null);
  await expect(refused.getByRole('alert')).toContainText(
    /files\/[0-9a-f]{64}” does not match its SHA-256/,
    {
      timeout: 90_000,
    },
  );
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);

  await expect(await restore(page, archive, null)).toBeHidden({ timeout: 90_000 });
  await page
    .getByRole('status')
    .getByRole('link', { name: /^Large original \(restored / })
    .click();
  await openTab(page, 'Shipments');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    /of 150,000 rows/,
  );
  // The last rows of the file, whose cells are read again from its last segments.
  const byRow = page.getByRole('columnheader', { name: /^Row/ }).getByRole('button');
  await byRow.click();
  await byRow.click();
  await page.getByRole('table', { name: 'Shipments' }).getByRole('row').nth(1).click();
  const detail = page.getByRole('complementary', { name: 'Row 150001 of big.csv' });
  const cells = detail.locator('.raw-cells .fact');
  await expect(cells).toHaveCount(10);
  await expect(cells.filter({ hasText: 'DECLARATION NUMBER' })).toContainText(/\d{8}\//);
});
