import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { fixture } from '../fixturePath';

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

/**
 * 150,000 generated vendor-a rows (the team's generator, in ../shared/tools): enough that an import
 * or a restore is still running a moment after it starts.
 */
export function generatedVendorFile(file: string, seed: number): string {
  const generator = fixture('..', 'tools', 'gen-customs.mjs');
  execFileSync(
    'node',
    [generator, '--layout', 'vendor-a', '--rows', '150000', '--seed', String(seed), '--out', file],
    {
      stdio: 'ignore',
    },
  );
  return file;
}
