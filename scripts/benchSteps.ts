/** Steps the benchmarks that drive the real app take through its UI, as a user would. */
import type { Page } from 'playwright-core';

/** A link of the investigation's tab bar. */
export const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Investigation' }).getByRole('link', { name });

/** Creates an investigation from the list (the app already open) and goes to one of its tabs. */
export async function startInvestigation(page: Page, name: string, tabName: string) {
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByLabel('New investigation name').fill(name);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await tab(page, tabName).click();
}

/** Adds a PDF on the Documents tab through the page's own file chooser. */
export async function addPdf(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(file);
}
