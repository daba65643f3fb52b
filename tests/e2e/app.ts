import { expect, type Locator, type Page } from '@playwright/test';
import { answerSaveDialogs, keepLastSaved } from './saveDialog';

/** Steps a researcher takes often, done through the UI as they would. */

export async function createInvestigation(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByLabel('New investigation name').fill(name);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export type InvestigationTab =
  | 'Claims'
  | 'Datasets'
  | 'Shipments'
  | 'Entities'
  | 'Documents'
  | 'Notes'
  | 'Dossier'
  | 'Statuses'
  | 'History';

export async function openTab(page: Page, name: InvestigationTab) {
  await page.getByRole('navigation', { name: 'Investigation' }).getByRole('link', { name }).click();
}

/**
 * Types words into the Entities tab's search and waits for the table to answer them: a click
 * before then could land on a row the answer moves away.
 */
export async function findEntity(page: Page, words: string): Promise<void> {
  await page.getByLabel('Find entity').fill(words);
  await expect(page.getByRole('table', { name: 'Entities' })).toHaveAttribute('aria-busy', 'false');
}

/** Opens the sample investigation from the list (the page already on it) and waits for its claims. */
export async function openSampleInvestigation(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open sample investigation' }).click();
  await expect(page.getByText('6 claims')).toBeVisible();
}

/** Opens the app, creates an investigation and goes to one of its tabs. */
export async function startInvestigation(
  page: Page,
  name: string,
  tab: InvestigationTab,
): Promise<void> {
  await page.goto('/');
  await createInvestigation(page, name);
  await openTab(page, tab);
}

export async function addClaim(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('New claim');
  await box.fill(text);
  await box.press('Enter');
  await expect(claimButton(page, text)).toBeVisible();
  await expect(box).toHaveValue('');
}

/** The button that opens a claim in the list; its accessible name starts with the claim text. */
export const claimButton = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Claims' }).getByRole('button', { name: text });

export async function openClaim(page: Page, text: string): Promise<void> {
  await claimButton(page, text).click();
  await expect(page.getByLabel('Claim text', { exact: true })).toHaveValue(text);
}

export async function changeStatus(page: Page, status: string, reason: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: status });
  const dialog = page.getByRole('dialog', { name: 'Change status' });
  await dialog.getByLabel('Reason (optional)').fill(reason);
  await dialog.getByRole('button', { name: 'Change status' }).click();
  await expect(dialog).toBeHidden();
}

/** The names of this origin's IndexedDB databases, read from the real browser storage. */
export const databaseNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ''));

/**
 * Opens the Lock dialog of an investigation from the list and fills it in: the passphrase twice,
 * the idle time if given, the box that says a forgotten passphrase is the end of it. Returns the
 * dialog once Lock is pressed, with the pass running.
 */
export async function startLocking(
  page: Page,
  name: string,
  passphrase: string,
  idle?: string,
): Promise<Locator> {
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: `Lock ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Lock “${name}”` });
  await dialog.getByLabel('Passphrase (at least 8 characters)').fill(passphrase);
  // Its strength is estimated as it is typed, for the field and for a screen reader alike.
  await expect(
    dialog.getByRole('textbox', { name: 'Passphrase (at least 8 characters)' }),
  ).toHaveAccessibleDescription(/^Estimated strength: (Very weak|Weak|Fair|Good|Strong)\./);
  await dialog.getByLabel('Passphrase again').fill(passphrase);
  if (idle) await dialog.getByLabel('Lock again after this long without use').selectOption(idle);
  await dialog.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
  await dialog.getByRole('button', { name: 'Lock', exact: true }).click();
  return dialog;
}

/** Locks an investigation from the list and waits until the pass is done. */
export async function lockInvestigation(
  page: Page,
  name: string,
  passphrase: string,
  idle?: string,
): Promise<void> {
  const dialog = await startLocking(page, name, passphrase, idle);
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Locked');
}

/** Cites evidence from the open claim's "Add evidence" dialog. */
export async function cite(
  page: Page,
  search: string,
  name: string,
  relation: string,
  comment = '',
) {
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const add = page.getByRole('dialog', { name: 'Add evidence' });
  await add.getByLabel('Find evidence').fill(search);
  await add.getByLabel('Relation').selectOption(relation);
  if (comment) await add.getByLabel('Comment (optional)').fill(comment);
  await add.getByRole('button', { name: `Cite ${name}` }).click();
  await expect(add.getByRole('button', { name: `Cite ${name}` })).toHaveText('Cited');
  await add.getByRole('button', { name: 'Done' }).click();
}

/** Adds a PDF on the Documents tab, opens it, and cuts an excerpt from the first hit of `query`. */
export async function excerptFromPdf(page: Page, file: string, query: string): Promise<void> {
  await openTab(page, 'Documents');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('list', { name: 'Documents' }).getByRole('button').first().click();
  await expect(
    page.getByRole('region', { name: 'Page 1' }).locator('.textLayer span').first(),
  ).toBeVisible();
  await page.getByLabel('Find in document').fill(query);
  await page.getByRole('button', { name: 'Excerpt this hit' }).click();
}

/** Adds a source note from the Notes tab's "New note" dialog. */
export async function sourceNote(
  page: Page,
  fields: {
    title: string;
    name: string;
    role?: string;
    confidentiality: string;
    attribution?: string;
  },
) {
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  await dialog.getByLabel('Title').fill(fields.title);
  await dialog.getByLabel('Source name').fill(fields.name);
  if (fields.role) await dialog.getByLabel('Role or affiliation').fill(fields.role);
  await dialog.getByLabel('Confidentiality').selectOption({ label: fields.confidentiality });
  if (fields.attribution)
    await dialog.getByLabel('Attribution (used instead of the name)').fill(fields.attribution);
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Backs up through `dialog` (a backup dialog, its passphrase filled or not) and keeps the archive
 * at `destination`; returns the name the app suggested for it. The save dialog is stood in for
 * (see saveDialog.ts).
 */
export async function backUpInto(
  page: Page,
  dialog: Locator,
  destination: string,
): Promise<string> {
  await answerSaveDialogs(page);
  await dialog.getByRole('button', { name: 'Back up' }).click();
  // A large case's backup takes a while on a slow machine: the progress bar shows meanwhile.
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({
    timeout: 60_000,
  });
  return keepLastSaved(page, destination);
}

/**
 * Backs up the investigation `name` from the Investigations page into `destination`, without a
 * passphrase, and closes the dialog.
 */
export async function backUpCase(page: Page, name: string, destination: string): Promise<void> {
  await page.getByRole('button', { name: `Back up ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Back up “${name}”` });
  await backUpInto(page, dialog, destination);
  await dialog.getByRole('button', { name: 'Close' }).click();
}
