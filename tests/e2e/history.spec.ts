import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addClaim, createInvestigation, openSampleInvestigation, openTab } from './app';
import { importCustomsFile } from './customs';
import { exportPackage } from './dossierExports';

/** Clicks an export button of the History page and returns the text of the downloaded file. */
async function download(page: Page, button: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'history-')), 'export');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await saving).saveAs(file);
  return readFileSync(file, 'utf8');
}

test('the history lists every change and export, filters by kind, claim and date, and exports without the confidential name', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await openSampleInvestigation(page);
  await openTab(page, 'Dossier');
  await exportPackage(page);

  await openTab(page, 'History');
  const log = page.getByRole('table', { name: 'Audit log' });
  const count = page.locator('p.count');
  await expect(count).toHaveText(/^\d+ entries$/);
  const total = Number((await count.textContent())!.split(' ')[0]);
  expect(total).toBeGreaterThan(10);
  // The export is there, with its format, profile and hash.
  const exportRow = log.getByRole('row').filter({ hasText: 'Export' }).first();
  await expect(exportRow).toContainText(/package \(full profile\), 6 claims; SHA-256 [0-9a-f]{64}/);

  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Export' });
  await expect(count).toHaveText(`1 of ${total} entries`);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'All kinds' });
  // The first claim's own entries: it was created, given a status, given its evidence.
  const claim = page.getByRole('combobox', { name: 'Claim' });
  await claim.selectOption({ index: 1 });
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} entries$`));
  const kinds = await log.locator('tbody td:nth-child(2)').allTextContents();
  expect(kinds.length).toBeGreaterThan(1);
  expect(new Set(kinds)).toEqual(new Set(['Claim']));
  await claim.selectOption({ label: 'All claims' });
  // Nothing was written tomorrow.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await page.getByLabel('From').fill(day);
  await expect(count).toHaveText(`0 of ${total} entries`);
  await page.getByLabel('From').fill('');
  await expect(count).toHaveText(`${total} entries`);

  // Exported whole: the confidential source is a label, never a name.
  const csv = await download(page, 'Export as CSV');
  expect(csv.split('\r\n')[0]).toBe(
    '"time","kind","record","action","change","reason","by","recordId"',
  );
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(total + 1);
  expect(csv).toMatch(/SHA-256 [0-9a-f]{64}/);
  expect(csv).toContain('Confidential source A');
  expect(csv).not.toContain('Inventova');
  const json = JSON.parse(await download(page, 'Export as JSON')) as {
    format: string;
    entries: { kind: string; after: unknown }[];
  };
  expect(json.format).toBe('waybill-audit-log');
  expect(json.entries).toHaveLength(total);
  expect(JSON.stringify(json)).not.toContain('Inventova');
});

test('“Your name” is recorded with each change and declares a dataset’s origin in the dossier', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Your name (optional)').fill('Ana Reporter');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await createInvestigation(page, 'Signed case');
  await openTab(page, 'Datasets');
  await importCustomsFile(page, 'assets/sample/sample-vendor-x.csv', { origin: 'RU customs' });
  await openTab(page, 'Claims');
  await addClaim(page, 'The exporter shipped parts.');

  await openTab(page, 'History');
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row').filter({ hasText: 'sample-vendor-x.csv' })).toContainText(
    'Ana Reporter',
  );
  await expect(
    log.getByRole('row').filter({ hasText: 'The exporter shipped parts.' }).first(),
  ).toContainText('Ana Reporter');

  // Cited, the dataset's origin reads as declared by her, in the dossier's manifest of files.
  await openTab(page, 'Shipments');
  await page.getByRole('table', { name: 'Shipments' }).getByRole('row').nth(1).click();
  await page
    .getByRole('complementary', { name: /^Row \d+ of / })
    .getByRole('button', { name: 'Link to claim' })
    .click();
  const link = page.getByRole('dialog', { name: /^Link to claim: / });
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();
  await openTab(page, 'Dossier');
  const day = new Date().toISOString().slice(0, 10);
  await expect(
    page
      .frameLocator('iframe[title="Dossier preview"]')
      .getByRole('row', { name: /sample-vendor-x\.csv/ })
      .last(),
  ).toContainText(`RU customs (declared at import on ${day} by Ana Reporter)`);
});
