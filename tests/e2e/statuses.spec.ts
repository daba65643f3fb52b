import { expect, test } from '@playwright/test';
import { addClaim, claimButton, createInvestigation } from './app';

test('the status vocabulary is edited, and deleting a status in use asks where its claims go', async ({
  page,
}) => {
  await page.goto('/');
  await createInvestigation(page, 'Vocabulary');
  await addClaim(page, 'A claim still in draft.');
  await page.getByRole('link', { name: 'Statuses' }).click();
  await expect(page.getByRole('heading', { name: 'Status vocabulary' })).toBeVisible();

  const disputed = page.getByLabel('Name of status Disputed');
  await disputed.fill('Contested');
  await disputed.press('Tab');
  await expect(page.getByLabel('Name of status Contested')).toBeVisible();
  await page.getByLabel('Status Retracted is publishable').check();
  await expect(page.getByLabel('Status Retracted is publishable')).toBeChecked();

  // A rule: a minimum the claim in draft does not meet, flagged in the list and on its page.
  const minimum = page.getByLabel('Minimum supporting items for status Draft');
  await minimum.fill('-1');
  await minimum.press('Tab');
  await expect(page.getByRole('alert')).toHaveText(
    'A rule’s minimum is a whole number from 0 to 1000.',
  );
  await minimum.fill('1');
  await minimum.press('Tab');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: 'Claims' }).click();
  await expect(claimButton(page, 'A claim still in draft.')).toContainText('Status rule not met');
  await claimButton(page, 'A claim still in draft.').click();
  await expect(page.getByRole('status').filter({ hasText: 'Status rule not met.' })).toHaveText(
    'Status rule not met. “Draft” needs 1 supporting item; this claim has 0.',
  );
  await page.getByRole('link', { name: 'Statuses' }).click();
  await expect(page.getByLabel('Minimum supporting items for status Draft')).toHaveValue('1');

  await page.getByRole('button', { name: 'Delete status Draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete status “Draft”?' });
  await dialog
    .getByLabel(/1 claim has this status\. Move it to:/)
    .selectOption({ label: 'Contested' });
  await dialog.getByRole('button', { name: 'Delete status' }).click();
  await expect(page.getByLabel('Name of status Draft')).toHaveCount(0);

  await page.getByRole('link', { name: 'Claims' }).click();
  await expect(claimButton(page, 'A claim still in draft.')).toContainText('Contested');
  await claimButton(page, 'A claim still in draft.').click();
  await expect(page.getByRole('list', { name: 'Claim history' })).toContainText(
    'Reason: Status “Draft” was deleted.',
  );
});
