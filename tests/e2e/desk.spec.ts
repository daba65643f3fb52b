import { expect, test } from '@playwright/test';
import { findEntity, openSampleInvestigation, openTab } from './app';

test('the sample exporter’s trade: its network, the edge’s shipments, and the pivot by counterparty', async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await openSampleInvestigation(page);
  // At 1,440 px every column shown by default fits: the last, the row number, is in view.
  await openTab(page, 'Shipments');
  const rowHeader = page.getByRole('columnheader', { name: /^Row/ });
  await expect(rowHeader).toBeInViewport({ ratio: 1 });
  await openTab(page, 'Entities');
  await page.getByRole('button', { name: 'Northstar Avia Trading' }).click();
  await page.getByRole('link', { name: 'show trade network' }).click();

  // The network from the exporter: its edge to the plant, weighted by distinct shipments.
  await expect(page.getByRole('radio', { name: 'Network' })).toBeChecked();
  await expect(page.getByRole('img', { name: /Graph of who shipped to whom/ })).toBeVisible();
  const edges = page.getByRole('table', { name: 'Who shipped to whom' });
  const edge = edges
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Northstar Avia Trading', exact: true }) })
    .filter({ has: page.getByRole('cell', { name: 'Krasnogorsk Rotorcraft Plant', exact: true }) });
  await expect(edge.getByRole('cell').nth(2)).toHaveText('13');
  await expect(edge.getByRole('cell').nth(3)).toHaveText('26');
  const edgeValue = (await edge.getByRole('cell').nth(4).innerText()).trim();
  expect(edgeValue).toMatch(/\d USD$/);

  // The edge opens its rows: 13 shipments reported by both vendors, the same value.
  await edge
    .getByRole('button', {
      name: 'Show the shipments from Northstar Avia Trading to Krasnogorsk Rotorcraft Plant',
    })
    .click();
  await expect(page.getByRole('radio', { name: 'Rows' })).toBeChecked();
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await expect(totals).toContainText('13 shipments from 26 of');
  await expect(totals).toContainText(`value ${edgeValue}`);
  const table = page.getByRole('table', { name: 'Shipments' });
  await expect(table).toHaveAttribute('aria-rowcount', '27');
  // One row a shipment: the 13, each reported by both vendors.
  await page.getByRole('radio', { name: 'Distinct shipments' }).check();
  await expect(table).toHaveAttribute('aria-rowcount', '14');
  await expect(totals).toContainText('13 shipments from 26 of');

  // The pivot by counterparty of the exporter as shipper shows the plant with the same figures.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Party', { exact: true }).fill('northstar avia');
  await page.getByLabel('Party role').selectOption('shipper');
  await page.getByRole('radio', { name: 'Pivot' }).check();
  await page.getByLabel('Group by').selectOption({ label: 'Counterparty' });
  const pivot = page.getByRole('table', { name: 'Shipments by counterparty' });
  const plant = pivot.getByRole('row', { name: /^Krasnogorsk Rotorcraft Plant/ });
  await expect(plant.getByRole('cell').nth(0)).toHaveText('13');
  await expect(plant.getByRole('cell').nth(1)).toHaveText('26');
  await expect(plant.getByRole('cell').nth(2)).toHaveText(edgeValue);
  await expect(
    page.getByRole('img', { name: /Chart of distinct shipments by counterparty/ }),
  ).toBeVisible();

  // The pivot stays what the tab shows across a tab switch and a reload; no name reaches the URL.
  await openTab(page, 'Claims');
  await openTab(page, 'Shipments');
  await expect(plant.getByRole('cell').nth(0)).toHaveText('13');
  await page.reload();
  await expect(page.getByLabel('Group by')).toHaveValue('counterparty');
  await expect(plant.getByRole('cell').nth(0)).toHaveText('13');
  expect(page.url().toLowerCase()).not.toContain('northstar');

  // Its CSV is the table, all groups, every cell quoted.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export table as CSV' }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.split('\r\n')[0]).toMatch(/^"Counterparty","Distinct shipments","Rows",/);
  expect(text).toContain('"Krasnogorsk Rotorcraft Plant","13","26",');

  // Without a party in the filter there is no other side to group by.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(/Grouping by counterparty needs a party/)).toBeVisible();
});

test('a dataset given a name is shown by it on every page, the file’s name kept beside it', async ({
  page,
}) => {
  await page.goto('/');
  await openSampleInvestigation(page);
  await openTab(page, 'Datasets');
  await page.getByRole('button', { name: 'Provenance of sample-vendor-x.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Provenance of sample-vendor-x.csv' });
  await dialog.getByLabel('Name').fill('Vendor X, 2022 export');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: 'Datasets' }).getByRole('rowheader', {
    name: /^Vendor X, 2022 export/,
  });
  await expect(row).toContainText('sample-vendor-x.csv');

  await openTab(page, 'Shipments');
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'Vendor X, 2022 export' });
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await expect(totals).not.toContainText('from 0 of');
  await page.getByRole('table', { name: 'Shipments' }).getByRole('row').nth(1).click();
  await expect(
    page.getByRole('complementary', { name: /^Row \d+ of Vendor X, 2022 export$/ }),
  ).toBeVisible();
});

test('Claims and Entities keep their search and the item open across tabs and a reload', async ({
  page,
}) => {
  await page.goto('/');
  await openSampleInvestigation(page);
  const claims = page.getByRole('region', { name: 'Claims' });
  await page.getByLabel('Search claims').fill('exporter');
  await claims.getByRole('button', { name: /^A Chinese state defense exporter/ }).click();
  const claimText = page.getByLabel('Claim text', { exact: true });
  await expect(claimText).toHaveValue(/^A Chinese state defense exporter/);

  await openTab(page, 'Entities');
  await findEntity(page, 'krasno');
  await page
    .getByRole('table', { name: 'Entities' })
    .getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant' })
    .click();
  const profile = page.getByRole('heading', { name: 'Krasnogorsk Rotorcraft Plant' });
  await expect(profile).toBeVisible();

  const kept = async () => {
    await openTab(page, 'Claims');
    await expect(page.getByLabel('Search claims')).toHaveValue('exporter');
    await expect(claimText).toHaveValue(/^A Chinese state defense exporter/);
    await openTab(page, 'Entities');
    await expect(page.getByLabel('Find entity')).toHaveValue('krasno');
    await expect(profile).toBeVisible();
  };
  await kept();
  await page.reload();
  await kept();
  // The words typed stay out of the address (Chromium writes it to its History and session files).
  expect(page.url().toLowerCase()).not.toMatch(/exporter|krasno/);
});
