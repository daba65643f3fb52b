import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Picks a file in the import dialog through the page's own file chooser, as a user would. */
export async function chooseCustomsFile(page: Page, filePath: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import customs file' }).click();
  await (await chooser).setFiles(filePath);
  return page.getByRole('dialog', { name: `Import ${path.basename(filePath)}` });
}

export async function importCustomsFile(
  page: Page,
  filePath: string,
  labels: { vendor?: string; origin?: string } = {},
): Promise<void> {
  const dialog = await chooseCustomsFile(page, filePath);
  await expect(
    dialog.getByRole('table', { name: 'Preview of the first rows, normalised' }),
  ).toBeVisible();
  if (labels.vendor) await dialog.getByLabel('Vendor', { exact: true }).fill(labels.vendor);
  if (labels.origin) await dialog.getByLabel('Origin', { exact: true }).fill(labels.origin);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}
