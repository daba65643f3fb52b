import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { writeLargeVendorFile } from '../../scripts/gen-fixtures';
import { startInvestigation } from './app';

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
  /** How long the import may take: more for the large generated files. */
  timeout = 10_000,
): Promise<void> {
  const dialog = await chooseCustomsFile(page, filePath);
  await expect(
    dialog.getByRole('table', { name: 'Preview of the first rows, normalised' }),
  ).toBeVisible();
  if (labels.vendor) await dialog.getByLabel('Vendor', { exact: true }).fill(labels.vendor);
  if (labels.origin) await dialog.getByLabel('Origin', { exact: true }).fill(labels.origin);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported', { timeout });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * 150,000 generated vendor-a rows by default (the project's own generator): enough that an import
 * or a restore is still running a moment after it starts.
 */
export async function generatedVendorFile(
  file: string,
  seed: number,
  rows = 150_000,
): Promise<string> {
  await writeLargeVendorFile(file, rows, seed);
  return file;
}

/**
 * Starts importing 300,000 generated rows in a new investigation and returns the import dialog once
 * rows are being read: an import still running, to cancel or to cut short. (150,000 were read
 * whole, now and then, before a test acted on the import.)
 */
export async function startLargeImport(page: Page, file: string, seed: number) {
  const big = await generatedVendorFile(file, seed, 300_000);
  await startInvestigation(page, `Large import ${seed}`, 'Datasets');
  const dialog = await chooseCustomsFile(page, big);
  await expect(
    dialog.getByRole('table', { name: 'Preview of the first rows, normalised' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText(/[1-9][\d,]* rows read/)).toBeVisible();
  return dialog;
}
