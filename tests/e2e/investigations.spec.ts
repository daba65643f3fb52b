import { expect, test } from '@playwright/test';
import { addClaim, claimButton, createInvestigation, databaseNames } from './app';

test('two investigations never see each other’s claims', async ({ page }) => {
  await page.goto('/');
  // Before the first case, the home says why the browser will be asked for persistent storage.
  await expect(page.getByRole('region', { name: 'No investigations yet' })).toContainText(
    'Waybill asks this browser to keep its storage even when disk space runs low',
  );
  await createInvestigation(page, 'Alpha');
  await addClaim(page, 'Only Alpha knows this.');
  await createInvestigation(page, 'Bravo');
  await expect(page.getByText('0 claims')).toBeVisible();
  await expect(page.getByText('Only Alpha knows this.')).toHaveCount(0);
  await addClaim(page, 'Only Bravo knows this.');

  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(
    rows.filter({ hasText: 'Alpha' }).getByRole('cell', { name: '1 claims' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Alpha' }).click();
  await expect(claimButton(page, 'Only Alpha knows this.')).toBeVisible();
  await expect(page.getByText('Only Bravo knows this.')).toHaveCount(0);
});

test('an investigation is renamed, and deleting it removes its database', async ({ page }) => {
  await page.goto('/');
  await createInvestigation(page, 'Doomed case');
  await addClaim(page, 'A sensitive claim.');
  const before = await databaseNames(page);
  expect(before.filter((name) => name.startsWith('waybill-investigation-'))).toHaveLength(1);

  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: 'Rename Doomed case' }).click();
  await page.getByLabel('Investigation name', { exact: true }).fill('Doomed case, renamed');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Doomed case, renamed' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Doomed case, renamed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Doomed case, renamed”?' });
  await expect(dialog).toContainText('Doomed case, renamed');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete investigation' }).click();
  await expect(page.getByRole('button', { name: 'Open sample investigation' })).toBeVisible();
  await expect
    .poll(async () =>
      (await databaseNames(page)).filter((name) => name.startsWith('waybill-investigation-')),
    )
    .toEqual([]);
});

test('the empty home offers the synthetic sample investigation, claims and customs data', async ({
  page,
}) => {
  // A walk through five pages of a freshly imported case: 20 s here, more on a loaded machine.
  test.setTimeout(60_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample investigation' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /Sample: .*\(synthetic\)/ }),
  ).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Synthetic sample');
  await expect(page.getByText('6 claims')).toBeVisible();
  // The digit keys go to the tabs, as the shortcuts panel says.
  const tab = (name: string) =>
    page.getByRole('navigation', { name: 'Investigation' }).getByRole('link', { name });
  await page.keyboard.press('4');
  await expect(tab('Entities')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('1');
  await expect(tab('Claims')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(
    help.getByRole('row', { name: /^1 … 9 Go to an investigation’s tab/ }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Datasets' })
    .click();
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.getByRole('row').filter({ hasText: 'sample-vendor-x.csv' })).toContainText(
    'Vendor X (synthetic)',
  );
  await expect(datasets.getByRole('row').filter({ hasText: 'sample-vendor-y.tsv' })).toContainText(
    'Vendor Y (synthetic)',
  );
  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Shipments' })
    .click();
  await page.getByLabel('Party', { exact: true }).fill('northstar avia');
  await page.getByLabel('Party role').selectOption('shipper');
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'sample-vendor-x.csv' });
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText('13 of');

  // The reference case is wired up: the first claim cites its saved filter, matched across vendors.
  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Claims' })
    .click();
  await page.getByRole('button', { name: /^A Chinese state defense exporter/ }).click();
  const summary = page.getByLabel('Evidence summary');
  await expect(summary).toContainText('Distinct shipments13 (from 26 source rows)');
  await expect(summary).toContainText('13 shipments by 2 datasets');
  await expect(summary).toContainText('Dates2022-01-03 to 2022-11-15');
  await expect(summary).toContainText('Independent origins1: Synthetic customs declarations');
  await page.getByRole('button', { name: /^The exporter was first designated in 2013/ }).click();
  await expect(page.getByRole('list', { name: 'Cited excerpt' })).toContainText(
    'first designated on 14 May 2013',
  );
  await page.getByRole('button', { name: /^The companies did not respond/ }).click();
  const requests = page.getByRole('list', { name: 'Requests for comment' });
  await expect(requests).toContainText('Questions to Northstar Avia Trading');
  await expect(requests).toContainText('Declined to comment');
  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Entities' })
    .click();
  await page.getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant' }).click();
  await expect(page.getByRole('table', { name: 'Spellings' })).toContainText(
    'АО "КРАСНОГОРСКИЙ ВЕРТОЛЕТНЫЙ ЗАВОД"',
  );
  await page
    .getByRole('table', { name: 'Counterparties' })
    .getByRole('button', { name: 'Northstar Avia Trading' })
    .click();
  await expect(
    page.getByText(/^sanctioned by Office of Sample Sanctions since 2013-05-14/),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await expect(page.getByText('Synthetic sample')).toBeVisible();
});

test('settings show storage use and offer persistent storage', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Storage' })).toBeVisible();
  await expect(page.getByText('Persistent storage', { exact: true })).toBeVisible();
  await expect(page.getByText('Available quota', { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: /\d+(\.\d)? (B|KB|MB|GB|TB)$/ })
      .first(),
  ).toBeVisible();
});

test('settings measure the space each investigation uses, the larger one larger', async ({
  page,
}) => {
  await page.goto('/');
  await createInvestigation(page, 'Small case');
  await createInvestigation(page, 'Larger case');
  for (const text of ['One long claim', 'Another long claim', 'A third long claim'])
    await addClaim(page, `${text} ${'with many words in it '.repeat(40)}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Measure the space each investigation uses' }).click();
  const table = page.getByRole('table', { name: 'Space each investigation uses' });
  await expect(table).toBeVisible();
  const bytesOf = async (name: string) => {
    const text = await table.getByRole('row', { name: new RegExp(`^${name}`) }).innerText();
    const [, amount, unit] = /([\d.]+) (B|KB|MB)/.exec(text)!;
    return Number(amount) * 1024 ** ['B', 'KB', 'MB'].indexOf(unit);
  };
  expect(await bytesOf('Larger case')).toBeGreaterThan((await bytesOf('Small case')) + 5_000);
  await expect(page.getByRole('button', { name: 'Measure again' })).toBeEnabled();
});
