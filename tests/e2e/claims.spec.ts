import { expect, test } from '@playwright/test';
import { addClaim, changeStatus, claimButton, createInvestigation, openClaim } from './app';

const claims = [
  'Poly Technologies sent thirteen shipments of helicopter parts to Ulan-Ude in 2022.',
  'The Ulan-Ude plant shipped six helicopters and parts kits back.',
  'The companies did not respond to requests for comment.',
];

test('claims keep their status, reason, tags and history across a reload', async ({ page }) => {
  await page.goto('/');
  await createInvestigation(page, 'China–Russia defense trade 2022');
  for (const text of claims) await addClaim(page, text);
  await expect(page.getByText('3 claims')).toBeVisible();

  await openClaim(page, claims[0]);
  await changeStatus(
    page,
    'Not independently verified',
    'Both vendors resell the same customs declarations.',
  );
  await page.getByLabel('Add tag').fill('customs');
  await page.getByLabel('Add tag').press('Enter');
  await expect(page.getByRole('list', { name: 'Tags' }).getByText('customs')).toBeVisible();

  await page.reload();

  for (const text of claims) await expect(claimButton(page, text)).toBeVisible();
  const row = claimButton(page, claims[0]);
  await expect(row).toContainText('Not independently verified');
  await expect(row).toContainText('customs');
  await openClaim(page, claims[0]);
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue(/.+/);
  await expect(
    page.getByRole('combobox', { name: 'Status', exact: true }).locator('option:checked'),
  ).toHaveText('Not independently verified');
  const history = page.getByRole('list', { name: 'Claim history' });
  await expect(history.getByText('Status: Draft → Not independently verified')).toBeVisible();
  await expect(
    history.getByText('Reason: Both vendors resell the same customs declarations.'),
  ).toBeVisible();
  await expect(history.getByText('Tagged “customs”')).toBeVisible();
  await expect(history.getByText('Created')).toBeVisible();
});

test('a claim that looks like HTML is shown as literal text and runs nothing', async ({ page }) => {
  const payload = `<img src=x onerror="document.title='pwned'">`;
  await page.goto('/');
  await createInvestigation(page, 'Hostile input');
  await addClaim(page, payload);
  const shown = page.getByRole('region', { name: 'Claims' }).getByText(payload, { exact: true });
  await expect(shown).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await page.reload();
  await expect(shown).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page).toHaveTitle('Waybill');
});

test('claims are edited, filtered, sectioned, reordered and deleted with undo', async ({
  page,
}) => {
  await page.goto('/');
  await createInvestigation(page, 'Editing');
  for (const text of claims) await addClaim(page, text);

  // Edit the text: the history keeps the old wording.
  await openClaim(page, claims[1]);
  await page
    .getByLabel('Claim text', { exact: true })
    .fill('The plant shipped six Mi-171E helicopters back.');
  await page.getByRole('button', { name: 'Save text' }).click();
  await expect(claimButton(page, 'The plant shipped six Mi-171E helicopters back.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Claim history' })).toContainText(claims[1]);

  // Filter by words, by status and by tag.
  await page.getByLabel('Add tag').fill('helicopters');
  await page.getByLabel('Add tag').press('Enter');
  await page.getByLabel('Search claims').fill('MI-171e');
  await expect(page.getByText('Showing 1 of 3 claims')).toBeVisible();
  await page.getByLabel('Search claims').fill('');
  await page.getByLabel('Filter by tag').selectOption('helicopters');
  await expect(page.getByText('Showing 1 of 3 claims')).toBeVisible();
  await page.getByLabel('Filter by tag').selectOption('');
  await page.getByLabel('Filter by status').selectOption({ label: 'Verified' });
  await expect(page.getByText('Showing 0 of 3 claims')).toBeVisible();
  await page.getByLabel('Filter by status').selectOption('');

  // Sections: add one and move a claim into it.
  await page.getByRole('button', { name: 'Add section' }).click();
  await page
    .getByRole('dialog', { name: 'Add section' })
    .getByLabel('Section name')
    .fill('Right of reply');
  await page
    .getByRole('dialog', { name: 'Add section' })
    .getByRole('button', { name: 'Add section' })
    .click();
  await openClaim(page, claims[2]);
  await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Right of reply' });
  const section = page.getByRole('region', { name: /Right of reply/ });
  await expect(section.getByRole('button', { name: claims[2] })).toBeVisible();

  // Reorder with the keyboard: Alt+Down on the focused claim.
  const unsectioned = page.getByRole('list', { name: 'Unsectioned' }).getByRole('listitem');
  await expect(unsectioned.first()).toContainText(claims[0]);
  await claimButton(page, claims[0]).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(unsectioned.first()).toContainText('Mi-171E');
  await expect(claimButton(page, claims[0])).toBeFocused();

  // Delete, then undo.
  await openClaim(page, claims[0]);
  await page.getByRole('button', { name: 'Delete claim' }).click();
  await expect(claimButton(page, claims[0])).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(claimButton(page, claims[0])).toBeVisible();
  await openClaim(page, claims[0]);
  await expect(page.getByRole('list', { name: 'Claim history' })).toContainText(
    'Restored after deletion',
  );
});

test('keyboard shortcuts: N for a new claim, / to search, ? for help', async ({ page }) => {
  await page.goto('/');
  await createInvestigation(page, 'Keyboard');
  await page.getByRole('heading', { level: 1, name: 'Keyboard' }).click();
  await page.keyboard.press('n');
  await expect(page.getByLabel('New claim')).toBeFocused();
  await page.keyboard.type('Typed without a mouse.');
  await page.keyboard.press('Enter');
  await expect(claimButton(page, 'Typed without a mouse.')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search claims')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Add claim' })).toBeFocused();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('cell', { name: 'Search claims' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
