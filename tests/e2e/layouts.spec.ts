import { writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixture } from '../fixtureSets';
import { openTab, startInvestigation } from './app';
import { chooseCustomsFile } from './customs';

/** A day-first file whose headers no synonym knows: mapped by hand. Day 18 decides the order. */
const SPANISH =
  'Fecha;Remitente;Destinatario;Peso;Valor\r\n' +
  '10.02.2022;ALFA SA;BETA SL;1 234,50;10 000,25\r\n' +
  '18.07.2022;ALFA SA;GAMMA SL;310;2 000,00\r\n' +
  '03.04.2022;DELTA SA;BETA SL;12,5;99,90\r\n';
const EXPECTED_DATES = ['2022-02-10', '2022-07-18', '2022-04-03'];

const previewDates = (dialog: Locator) =>
  dialog
    .getByRole('table', { name: 'Preview of the first rows, normalised' })
    .getByRole('row')
    .filter({ has: dialog.page().getByRole('cell') })
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''));

async function finishImport(dialog: Locator, button = 'Import') {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 3 shipments');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

async function openSettings(page: Page) {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Customs layouts' })).toBeVisible();
}

test('a day-first file mapped by hand reads the same when imported again, and its layout travels as a file', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('exportacion.csv');
  writeFileSync(file, SPANISH);
  await startInvestigation(page, 'Layouts', 'Datasets');
  const caseUrl = page.url();

  const first = await chooseCustomsFile(page, file);
  await expect(first.getByRole('alert')).toContainText(
    'Map a column to: date, shipper or consignee',
  );
  for (const [field, header] of [
    ['Date', 'Fecha'],
    ['Shipper', 'Remitente'],
    ['Consignee', 'Destinatario'],
    ['Gross weight (kg)', 'Peso'],
    ['Value', 'Valor'],
  ])
    await first.getByRole('combobox', { name: field, exact: true }).selectOption({ label: header });
  // Mapped by hand, the columns still decide: day 18 says day first; `1 234,50` a decimal comma.
  await expect(first.getByLabel('Date order')).toHaveValue('DMY');
  await expect(first.getByLabel('Decimal comma (1 234,50)')).toBeChecked();
  await first.getByLabel('Default currency').fill('EUR');
  expect(await previewDates(first)).toEqual(EXPECTED_DATES);
  await finishImport(first);

  // The same file again: every decision comes back, so every date is the same.
  const again = await chooseCustomsFile(page, file);
  await expect(again.getByText(/Read as you read a file with these headers on/)).toBeVisible();
  await expect(again.getByLabel('Date order')).toHaveValue('DMY');
  await expect(again.getByLabel('Decimal comma (1 234,50)')).toBeChecked();
  await expect(again.getByLabel('Default currency')).toHaveValue('EUR');
  expect(await previewDates(again)).toEqual(EXPECTED_DATES);
  await finishImport(again, 'Import again');

  // Exported, forgotten, imported: the next import of the file proposes the layout again.
  await openSettings(page);
  const layouts = page.getByRole('region', { name: 'Customs layouts' });
  await expect(layouts.getByRole('list', { name: 'Remembered layouts' })).toContainText(
    'Fecha · Remitente · Destinatario · Peso · Valor',
  );
  const download = page.waitForEvent('download');
  await layouts.getByRole('button', { name: 'Export layouts…' }).click();
  const layoutFile = testInfo.outputPath('layouts.json');
  await (await download).saveAs(layoutFile);
  await layouts.getByRole('button', { name: 'Forget all layouts' }).click();
  await expect(layouts.getByText('No layout is remembered yet.')).toBeVisible();

  await page.goto(caseUrl);
  const forgotten = await chooseCustomsFile(page, file);
  await expect(forgotten.getByText('Map a column to: date, shipper or consignee.')).toBeVisible();
  await forgotten.getByRole('button', { name: 'Skip this file' }).click();

  await openSettings(page);
  const chooser = page.waitForEvent('filechooser');
  await layouts.getByRole('button', { name: 'Import layouts…' }).click();
  await (await chooser).setFiles(layoutFile);
  await expect(layouts.getByRole('status')).toHaveText('Imported 1 layouts from layouts.json.');

  await page.goto(caseUrl);
  const restored = await chooseCustomsFile(page, file);
  await expect(restored.getByText(/Read as you read a file with these headers on/)).toBeVisible();
  await expect(restored.getByLabel('Date order')).toHaveValue('DMY');
  expect(await previewDates(restored)).toEqual(EXPECTED_DATES);
});

test('a file whose days are all 12 or less waits for the date order, and a bad layouts file is refused', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('ambiguous.csv');
  writeFileSync(
    file,
    'Date,Exporter,Importer,Gross weight kg\n10.02.2022,A,B,1\n03.04.2022,A,C,2\n12.11.2022,D,B,3\n',
  );
  await startInvestigation(page, 'Ambiguous dates', 'Datasets');
  const dialog = await chooseCustomsFile(page, file);
  await expect(dialog.getByRole('alert')).toContainText(
    'every date has a day and a month of 12 or less',
  );
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  expect(await previewDates(dialog)).toEqual([
    '10.02.2022 (order?)',
    '03.04.2022 (order?)',
    '12.11.2022 (order?)',
  ]);
  await dialog.getByLabel('Date order').selectOption('DMY');
  expect(await previewDates(dialog)).toEqual(['2022-02-10', '2022-04-03', '2022-11-12']);
  await finishImport(dialog);

  const bad = testInfo.outputPath('not-layouts.json');
  writeFileSync(
    bad,
    JSON.stringify({ format: 'waybill-layouts', version: 1, layouts: [{ headers: [] }] }),
  );
  await openSettings(page);
  const layouts = page.getByRole('region', { name: 'Customs layouts' });
  const before = await layouts.getByRole('list', { name: 'Remembered layouts' }).textContent();
  const chooser = page.waitForEvent('filechooser');
  await layouts.getByRole('button', { name: 'Import layouts…' }).click();
  await (await chooser).setFiles(bad);
  await expect(layouts.getByRole('alert')).toContainText(
    'not-layouts.json: not a Waybill layouts file (layout 1, headers',
  );
  await expect(layouts.getByRole('list', { name: 'Remembered layouts' })).toHaveText(before ?? '');
});

test('a bill of lading’s number is its own field: never the declaration, found by the number filter', async ({
  page,
}) => {
  await startInvestigation(page, 'Bills of lading', 'Datasets');
  const dialog = await chooseCustomsFile(page, fixture('customs', 'bill-of-lading.csv'));
  await expect(dialog.getByRole('combobox', { name: 'Bill of lading number' })).toHaveValue('0');
  await expect(dialog.getByRole('combobox', { name: 'Record / declaration id' })).toHaveValue('');
  await expect(dialog.getByRole('combobox', { name: 'Description' })).toHaveValue('4');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 40 shipments');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await openTab(page, 'Shipments');
  await page.getByLabel('Declaration or B/L no.').fill('COSU6400000371');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText('1 of 40');
});
