import { expect, test, type BrowserContext } from '@playwright/test';
import { chromium } from 'playwright-core';
import { fixture } from '../fixtureSets';
import {
  addClaim,
  claimButton,
  lockInvestigation,
  openTab,
  startInvestigation,
  startLocking,
} from './app';
import { chromiumLaunchOptions } from './chromium';
import { generatedVendorFile, importCustomsFile } from './customs';
import { indexedDbContents } from './leveldbFiles';

/**
 * Protection at rest, checked where it matters: in the files Chromium writes. The profile's
 * IndexedDB folder is searched byte for byte for what the case says, as Chromium may store a
 * string: Latin text one byte a character, or two (UTF-16LE) when the string was held so (text typed
 * into a field often is), and other text always as UTF-16LE.
 */
const CLAIM = 'Northwind rotor blades reached Tartu in March';
const SOURCE = 'Ирина Секретова';
const GOODS = 'MI-171E HELICOPTER, TRANSPORT VERSION';
const PAGE_TEXT = 'ZEBRA-7731';
const PASSPHRASE = 'a long and private passphrase';

const forms = (text: string) =>
  [...text].every((char) => char.charCodeAt(0) < 256)
    ? [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')]
    : [Buffer.from(text, 'utf16le')];
const needles = {
  claim: forms(CLAIM),
  source: forms(SOURCE),
  goods: forms(GOODS),
  page: forms(PAGE_TEXT),
};

/** Which of the known strings the profile's IndexedDB files hold. */
function foundOnDisk(profile: string): string[] {
  const contents = indexedDbContents(profile);
  expect(contents.length).toBeGreaterThan(0);
  return Object.entries(needles)
    .filter(([, encodings]) =>
      contents.some((content) => encodings.some((needle) => content.includes(needle))),
    )
    .map(([name]) => name);
}

const openProfile = (dir: string, baseURL: string | undefined): Promise<BrowserContext> =>
  chromium.launchPersistentContext(dir, { ...chromiumLaunchOptions, baseURL });

test('a locked case leaves none of its contents on disk, and unlocking brings all of it back', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputPath('profile');
  const name = 'Rotor case';

  let context = await openProfile(dir, baseURL);
  let page = await context.newPage();
  await startInvestigation(page, name, 'Claims');
  await addClaim(page, CLAIM);
  await openTab(page, 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  const note = page.getByRole('dialog', { name: 'New source note' });
  await note.getByLabel('Title').fill('Insider account');
  await note.getByLabel('Source name').fill(SOURCE);
  await note.getByLabel('Confidentiality').selectOption('confidential');
  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('list', { name: 'Source notes' })).toContainText(SOURCE);
  await openTab(page, 'Datasets');
  await importCustomsFile(page, fixture('customs', 'vendor-a-2022.csv'));
  await openTab(page, 'Documents');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(fixture('pdf', 'designation-notice.pdf'));
  const documents = page.getByRole('list', { name: 'Documents' });
  await expect(documents).toContainText('3 pages');
  await expect(documents).not.toContainText('extracting');
  await context.close();

  // Open, the search finds every string: a miss later means something.
  expect(foundOnDisk(dir)).toEqual(['claim', 'source', 'goods', 'page']);

  context = await openProfile(dir, baseURL);
  page = await context.newPage();
  await page.goto('/');
  // The dialog says a forgotten passphrase is the end of it, and will not lock until that is ticked.
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: `Lock ${name}`, exact: true }).click();
  const warning = page.getByRole('dialog', { name: `Lock “${name}”` });
  await expect(warning.getByRole('note')).toContainText('nobody can recover this case');
  await warning.getByLabel('Passphrase (at least 8 characters)').fill(PASSPHRASE);
  await warning.getByLabel('Passphrase again').fill(PASSPHRASE);
  await warning.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(warning.getByRole('alert')).toContainText('Tick the box');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await lockInvestigation(page, name, PASSPHRASE);
  // Chromium compacts the deleted database's files in the background: on a loaded machine that
  // can still be running when the pass is done. Locked with the browser still open, the strings
  // leave the disk; after closing, none is back.
  await expect.poll(() => foundOnDisk(dir), { timeout: 30_000 }).toEqual([]);
  await context.close();
  expect(foundOnDisk(dir)).toEqual([]);

  // After a restart the case shows nothing until the passphrase is given.
  context = await openProfile(dir, baseURL);
  page = await context.newPage();
  await page.goto('/');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Locked');
  await expect(row.getByLabel('Claims hidden while locked')).toBeVisible();
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name: 'This investigation is locked' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Investigation' })).toHaveCount(0);
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not right.');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(claimButton(page, CLAIM)).toBeVisible();
  await openTab(page, 'Notes');
  await expect(page.getByRole('list', { name: 'Source notes' })).toContainText(SOURCE);
  await openTab(page, 'Shipments');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    '400 of 400 shipments',
  );
  await page.getByLabel('Party', { exact: true }).fill('poly tech');
  await page.getByLabel('Party role').selectOption('shipper');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    '13 of 400 shipments',
  );

  await openTab(page, 'Documents');
  await page.getByLabel('Search all documents').fill(PAGE_TEXT);
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 3');

  // Lock now: the page closes over its contents at once.
  await page.getByRole('button', { name: `Lock ${name} now` }).click();
  await expect(page.getByRole('heading', { name: 'This investigation is locked' })).toBeVisible();
  await context.close();
  expect(foundOnDisk(dir)).toEqual([]);
});

test('an unlocked case locks again after its idle time, counted from the last key press', async ({
  page,
}) => {
  await page.clock.install();
  await startInvestigation(page, 'Idle case', 'Claims');
  await addClaim(page, CLAIM);
  await lockInvestigation(page, 'Idle case', PASSPHRASE, '5 minutes');
  await page.getByRole('link', { name: 'Idle case' }).click();
  await expect(claimButton(page, CLAIM)).toBeVisible();

  await page.clock.fastForward('04:00');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('04:00');
  await expect(claimButton(page, CLAIM)).toBeVisible();

  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'This investigation is locked' })).toBeVisible();
  await expect(claimButton(page, CLAIM)).toHaveCount(0);
});

test('a tab opened while another locks a case leaves that pass alone', async ({
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  const first = await context.newPage();
  await startInvestigation(first, 'Two tabs', 'Datasets');
  await importCustomsFile(
    first,
    await generatedVendorFile(testInfo.outputPath('two-tabs.csv'), 9),
    {},
    60_000,
  );
  const dialog = await startLocking(first, 'Two tabs', PASSPHRASE);
  const progress = dialog.getByRole('progressbar', { name: 'Encrypting the investigation' });
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { intervals: [20] })
    .toBeGreaterThan(0);

  // A second tab starts while the pass runs: its start-up recovery must not take it for abandoned.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('row', { name: /Two tabs/ })).toBeVisible();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(first.getByRole('row', { name: /Two tabs/ })).toContainText('Locked');
  await expect(second.getByRole('row', { name: /Two tabs/ })).toContainText('Locked');
  await expect(second.getByRole('alert')).toHaveCount(0);
});
