import { appendFile } from 'node:fs/promises';
import { chromium, expect, test, type Page } from '@playwright/test';
import { fixture, fixtureSets } from '../fixtureSets';
import { openTab, startInvestigation } from './app';
import { chromiumLaunchOptions } from './chromium';
import {
  chooseCustomsFile,
  generatedVendorFile,
  importCustomsFile,
  startLargeImport,
} from './customs';

/** Rows in the investigation's customs tables, read from the browser's real IndexedDB. */
const storedCounts = (page: Page): Promise<number[]> =>
  page.evaluate(async () => {
    const name = (await indexedDB.databases()).find((database) =>
      database.name?.startsWith('waybill-investigation-'),
    )?.name;
    const request = indexedDB.open(name ?? '');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const count = (table: string) =>
      new Promise<number>((resolve) => {
        const counting = db.transaction(table).objectStore(table).count();
        counting.onsuccess = () => resolve(counting.result);
      });
    const counts = [
      await count('datasets'),
      await count('shipmentBlocks'),
      await count('rowProblems'),
      await count('files'),
      await count('fileParts'),
    ];
    db.close();
    return counts;
  });

for (const set of fixtureSets)
  test(`every customs fixture imports with the row counts of the fixtures README (${set.title})`, async ({
    page,
  }) => {
    test.skip(!set.available, set.skipReason);
    await startInvestigation(page, 'Four vendors', 'Datasets');
    const expected = [
      ['vendor-a-2022.csv', 400],
      ['vendor-b-2022.tsv', 300],
      ['vendor-c-cp1251.csv', 120],
      ['vendor-d-utf16-pipe.txt', 60],
      ['vendor-a-2022.xlsx', 400],
    ] as const;
    for (const [name] of expected)
      await importCustomsFile(page, set.path('customs', name), { vendor: `Vendor of ${name}` });
    const table = page.getByRole('table', { name: 'Datasets' });
    for (const [name, rows] of expected) {
      const row = table.getByRole('row').filter({ hasText: name });
      await expect(row.getByRole('cell').nth(2)).toHaveText(String(rows));
      await expect(row.getByRole('cell').nth(3)).toHaveText('0');
    }
    await expect(table.getByRole('row').filter({ hasText: 'vendor-c-cp1251.csv' })).toContainText(
      'windows-1251, semicolon',
    );
    await expect(
      table.getByRole('row').filter({ hasText: 'vendor-d-utf16-pipe.txt' }),
    ).toContainText('utf-16le, pipe');
    await expect(table.getByRole('row').filter({ hasText: 'vendor-a-2022.xlsx' })).toContainText(
      'XLSX, sheet “Shipments”',
    );

    await openTab(page, 'Shipments');
    await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
      'from 1,280 of 1,280 rows',
    );
    // Vendor-c's Cyrillic names read correctly.
    await page
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'vendor-c-cp1251.csv' });
    await page.getByLabel('Party', { exact: true }).fill('улан-удэнский');
    await expect(
      page
        .getByRole('table', { name: 'Shipments' })
        .getByRole('cell', { name: 'АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"' })
        .first(),
    ).toBeVisible();
  });

test('in vendor-a, the shipper “poly tech” finds the 13 story shipments across all four spellings', async ({
  page,
}) => {
  await startInvestigation(page, 'Poly', 'Datasets');
  await importCustomsFile(page, fixture('customs', 'vendor-a-2022.csv'), {
    vendor: 'Vendor A',
    origin: 'Customs declarations',
  });
  await openTab(page, 'Shipments');
  await page.getByLabel('Party', { exact: true }).fill('poly tech');
  await page.getByLabel('Party role').selectOption('shipper');
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await expect(totals).toContainText('from 13 of 400 rows');
  await expect(totals).toContainText('USD');
  const shippers = page.getByRole('table', { name: 'Shipments' }).getByRole('row');
  await expect(shippers).toHaveCount(14);
  const names = new Set(await shippers.locator('[role=cell]:nth-child(2)').allInnerTexts());
  expect(names).toEqual(
    new Set([
      'POLY TECHNOLOGIES INC',
      'Poly Technologies, Inc.',
      'POLY TECHNOLOGIES INCORPORATED',
      'POLY TECHNOLOGY INC.',
    ]),
  );
  // Any column sorts: shippers alphabetically (case aside), then the other way round.
  const shipperHeader = page.getByRole('columnheader', { name: /^Shipper/ });
  await shipperHeader.getByRole('button').click();
  await expect(shipperHeader).toHaveAttribute('aria-sort', 'ascending');
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const shown = () => shippers.locator('[role=cell]:nth-child(2)').allInnerTexts();
  // The rows follow the header once the engine has answered.
  await expect
    .poll(async () => {
      const texts = await shown();
      return texts.join('\n') === [...texts].sort(collator.compare).join('\n');
    })
    .toBe(true);
  const sorted = await shown();
  expect(sorted[0]).not.toBe(sorted.at(-1));
  await shipperHeader.getByRole('button').click();
  await expect(shipperHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(shippers.nth(1).getByRole('cell').nth(1)).toHaveText(sorted.at(-1)!);

  // The detail of a row names its file, hash and line; the keyboard reaches the last row.
  await page.getByRole('table', { name: 'Shipments' }).getByRole('row').nth(1).click();
  const detail = page.getByRole('complementary', { name: /Row \d+ of vendor-a-2022.csv/ });
  await expect(detail).toContainText('Vendor A');
  await expect(detail).toContainText(/[0-9a-f]{64}/);
  await expect(detail).toContainText('EXPORTER NAME');
  // A filter is saved by name and applied again later.
  await page.getByText('Saved filters (0)').click();
  await page.getByLabel('Filter name').fill('Poly as shipper');
  await page.getByRole('button', { name: 'Save filter' }).click();
  await expect(page.getByText('Saved filters (1)')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(totals).toContainText('from 400 of 400 rows');
  await page.getByRole('button', { name: 'Apply filter Poly as shipper' }).click();
  await expect(totals).toContainText('from 13 of 400 rows');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(totals).toContainText('from 400 of 400 rows');

  // The column chooser hides and shows columns.
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Description' }).uncheck();
  await expect(page.getByRole('columnheader', { name: 'Description' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Description' }).check();
  await expect(page.getByRole('columnheader', { name: 'Description' })).toBeVisible();
  await page.getByRole('table', { name: 'Shipments' }).locator('[tabindex="0"]').focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('row', { selected: true })).toHaveAttribute('aria-rowindex', '401');
});

test('the Shipments tab keeps its filter, sort, columns and open row across tabs and a reload', async ({
  page,
}) => {
  await startInvestigation(page, 'Kept view', 'Datasets');
  await importCustomsFile(page, fixture('customs', 'vendor-a-2022.csv'), {
    vendor: 'Vendor A',
    origin: 'Customs declarations',
  });
  await openTab(page, 'Shipments');
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await expect(totals).toContainText('from 400 of 400 rows');
  await page.getByLabel('Party', { exact: true }).fill('poly tech');
  await page.getByLabel('Party role').selectOption('shipper');
  await expect(totals).toContainText('from 13 of 400 rows');
  const shipperHeader = page.getByRole('columnheader', { name: /^Shipper/ });
  await shipperHeader.getByRole('button').click();
  await expect(shipperHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Description' }).uncheck();
  const table = page.getByRole('table', { name: 'Shipments' });
  await table.getByRole('row').nth(3).click();
  const detail = page.getByRole('complementary', { name: /Row \d+ of vendor-a-2022.csv/ });
  const openRow = (await detail.getByRole('heading').first().innerText()).trim();

  const kept = async () => {
    await expect(totals).toContainText('from 13 of 400 rows');
    await expect(page.getByLabel('Party', { exact: true })).toHaveValue('poly tech');
    await expect(page.getByLabel('Party role')).toHaveValue('shipper');
    await expect(shipperHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('columnheader', { name: 'Description' })).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: openRow })).toBeVisible();
  };
  await openTab(page, 'Claims');
  await openTab(page, 'Shipments');
  await kept();
  await page.reload();
  await kept();
  // Nothing of the filter reaches the URL (Chromium keeps every URL in its History).
  expect(page.url().toLowerCase()).not.toContain('poly');
  expect(page.url()).not.toContain('shipper');
});

test('unreadable files give one message naming the file and row, and store nothing', async ({
  page,
}) => {
  await startInvestigation(page, 'Bad files', 'Datasets');
  const cases = [
    ['empty.csv', 'empty.csv: the file is empty'],
    ['header-only.csv', 'header-only.csv: row 1: the file has a header but no records'],
    [
      'binary-garbage.csv',
      'binary-garbage.csv: this is binary data, not a delimited text file or a workbook',
    ],
    ['unbalanced-quote.csv', 'unbalanced-quote.csv: row 12: a quote opens here and never closes'],
  ];
  for (const [name, message] of cases) {
    const dialog = await chooseCustomsFile(page, fixture('bad', name));
    await expect(dialog.getByRole('alert')).toHaveText(message);
    await expect(dialog).toContainText('Nothing was stored.');
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  await expect(page.getByText('No customs records yet.')).toBeVisible();
  expect(await storedCounts(page)).toEqual([0, 0, 0, 0, 0]);
});

test('mixed-row-errors.csv keeps 4 rows, rejects 7 with reasons, skips 1 blank', async ({
  page,
}) => {
  await startInvestigation(page, 'Mixed', 'Datasets');
  await importCustomsFile(page, fixture('bad', 'mixed-row-errors.csv'));
  const row = page
    .getByRole('table', { name: 'Datasets' })
    .getByRole('row')
    .filter({ hasText: 'mixed-row-errors.csv' });
  await expect(row.getByRole('cell').nth(2)).toHaveText('4');
  await expect(row.getByRole('cell').nth(3)).toHaveText('7');
  await page.getByRole('button', { name: 'Rejected rows of mixed-row-errors.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rejected rows of mixed-row-errors.csv' });
  const rows = dialog.getByRole('row');
  await expect(rows).toHaveCount(8);
  const byRow = await rows.evaluateAll((elements) =>
    elements
      .slice(1)
      .map((element) =>
        [...element.querySelectorAll('td')].slice(0, 3).map((cell) => cell.textContent),
      ),
  );
  expect(byRow).toEqual([
    ['2', 'date', '“02/31/2022” is not a real date (month/day order)'],
    ['3', 'date', '“n/a” is not a date'],
    ['5', 'weightKg', 'Gross weight (kg) -40 is negative'],
    ['6', 'weightKg', 'Gross weight (kg) “about 500” is not a number'],
    ['7', 'row', '9 columns where the header has 10'],
    ['8', 'row', '12 columns where the header has 10'],
    ['13', 'shipper', 'neither a shipper nor a consignee'],
  ]);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export as CSV' }).click();
  const csv = await (
    await download
  )
    .path()
    .then((file) => import('node:fs').then((fs) => fs.readFileSync(file, 'utf8')));
  expect(csv.split('\r\n')[1]).toMatch(/^"2","date",/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openTab(page, 'Shipments');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    'from 4 of 4 rows',
  );

  // Deleting the dataset removes its shipments and rejected rows.
  await openTab(page, 'Datasets');
  await page.getByRole('button', { name: 'Delete dataset mixed-row-errors.csv' }).click();
  await page
    .getByRole('dialog', { name: 'Delete dataset “mixed-row-errors.csv”?' })
    .getByRole('button', { name: 'Delete dataset' })
    .click();
  await expect(page.getByText('No customs records yet.')).toBeVisible();
  await expect.poll(() => storedCounts(page)).toEqual([0, 0, 0, 0, 0]);
});

test('hostile content imports verbatim and is shown as inert text', async ({ page }) => {
  await startInvestigation(page, 'Hostile', 'Datasets');
  await importCustomsFile(page, fixture('bad', 'hostile-content.csv'));
  await openTab(page, 'Shipments');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    'from 17 of 17 rows',
  );
  const table = page.getByRole('table', { name: 'Shipments' });
  await expect(
    table.getByRole('cell', { name: '=HYPERLINK("http://example.invalid/x","click me")' }).first(),
  ).toBeVisible();
  await expect(page.locator('img, script:not([src]), a[href^="javascript"]')).toHaveCount(0);
  await expect(page).toHaveTitle('Waybill');
  // The cell with a bidi override is an isolate: the override cannot reach past it.
  const overridden = table.getByRole('cell', { name: /ACME .*DETIMIL/ }).first();
  const isolates = /^(isolate|plaintext)$/;
  await expect(overridden).toHaveCSS('unicode-bidi', isolates);
  await expect(overridden.locator('xpath=following-sibling::*[1]')).toHaveCSS(
    'unicode-bidi',
    isolates,
  );
});

test('cancelling an import leaves nothing behind', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const dialog = await startLargeImport(page, testInfo.outputPath('big-vendor-a.csv'), 3);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No customs records yet.')).toBeVisible();
  await expect.poll(() => storedCounts(page)).toEqual([0, 0, 0, 0, 0]);
});

test('a file changed on disk during its import is rolled back, with a message naming it', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath('edited-vendor-a.csv');
  const dialog = await startLargeImport(page, file, 4);
  // A chosen file is read from disk as the import goes: someone saves it meanwhile.
  await appendFile(file, '10100099/010124/0000099,01/01/2024,A,B,CHINA,RUSSIA,8443321000,P,1,1\n');
  await expect(dialog.getByRole('alert')).toContainText(
    'edited-vendor-a.csv was changed, moved or deleted on disk after it was chosen',
    { timeout: 60_000 },
  );
  await expect(dialog.getByText('Nothing was stored.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No customs records yet.')).toBeVisible();
  await expect.poll(() => storedCounts(page)).toEqual([0, 0, 0, 0, 0]);
});

test('an import cut short by a closed window is rolled back at the next start, with a message', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await startLargeImport(page, testInfo.outputPath('interrupted-vendor-a.csv'), 4);
  // Reloading ends the page and its import worker mid-import, as closing the window would.
  await page.reload();
  await expect(
    page.getByRole('status').filter({ hasText: 'interrupted-vendor-a.csv' }),
  ).toContainText('was rolled back');
  await expect(page.getByText('No customs records yet.')).toBeVisible();
  expect(await storedCounts(page)).toEqual([0, 0, 0, 0, 0]);
});

test('an import that runs out of storage midway is rolled back, saying so; nothing stored before changes', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // A profile on disk, as the app has. The quota is lowered (as on a nearly full disk) before the
  // investigation's database exists: Chromium applies an override to databases created after it.
  // It keeps reporting usage + about 10 GiB to navigator.storage.estimate(), so the check before
  // an import passes, and the quota runs out midway (the refusal before an import starts is tested
  // in tests/unit/db/storageRoom.test.ts).
  const context = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...chromiumLaunchOptions,
    baseURL,
  });
  const page = await context.newPage();
  await page.goto('/');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(page.url()).origin,
    quotaSize: usage + 5 * 1024 * 1024,
  });
  await startInvestigation(page, 'Storage pressure', 'Datasets');
  await importCustomsFile(page, fixture('customs', 'vendor-a-2022.csv'));
  const before = await storedCounts(page);
  expect(before).toEqual([1, 1, 0, 1, 1]);

  const big = await generatedVendorFile(testInfo.outputPath('too-big-vendor-a.csv'), 5);
  const dialog = await chooseCustomsFile(page, big);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'The storage this browser allows Waybill ran out while importing “too-big-vendor-a.csv”: it was rolled back, and nothing of it was kept.',
    { timeout: 60_000 },
  );
  await expect(dialog).toContainText('Nothing was stored.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.getByRole('row').filter({ hasText: 'vendor-a-2022.csv' })).toContainText(
    '400',
  );
  expect(await storedCounts(page)).toEqual(before);
  await page.reload();
  await expect(datasets.getByRole('row')).toHaveCount(2);
  expect(await storedCounts(page)).toEqual(before);
  await context.close();
});
