import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { fixture } from '../fixtureSets';
import { addClaim, claimButton, lockInvestigation, openTab, startInvestigation } from './app';
import { chromiumLaunchOptions } from './chromium';
import { importCustomsFile } from './customs';
import { profileContents } from './profileFiles';

/**
 * Protection at rest, checked where it matters: in every file of the browser profile. Each file is
 * searched byte for byte for what the case says, as Chromium may store a string: Latin text one
 * byte a character, or two (UTF-16LE) when the string was held so (text typed into a field often
 * is), and other text always as UTF-16LE; LevelDB's files are decoded first (see profileFiles.ts).
 */
const CLAIM = 'Northwind rotor blades reached Tartu in March';
const SOURCE = 'Ирина Секретова';
const GOODS = 'MI-171E HELICOPTER, TRANSPORT VERSION';
const PAGE_TEXT = 'ZEBRA-7731';
// Matches no shipment; typed into the Party filter.
const FILTER_WORD = 'zaslonov';
const PASSPHRASE = 'a long and private passphrase';
const EDITED = 'Added after unlocking: the blades left Tartu by rail';

const forms = (text: string) =>
  [...text].every((char) => char.charCodeAt(0) < 256)
    ? [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')]
    : [Buffer.from(text, 'utf16le')];
const caseText = {
  claim: forms(CLAIM),
  source: forms(SOURCE),
  goods: forms(GOODS),
  page: forms(PAGE_TEXT),
  filter: forms(FILTER_WORD),
};

/** Which of `needles` the profile's files hold, and where. */
function foundOnDisk(profile: string, needles: Record<string, Buffer[]>): string[] {
  const files = profileContents(profile);
  expect(files.length).toBeGreaterThan(0);
  return Object.entries(needles).flatMap(([name, encodings]) =>
    files
      .filter(({ bytes }) => encodings.some((needle) => bytes.includes(needle)))
      .map(({ path }) => `${name} in ${path}`),
  );
}

const openProfile = (dir: string, baseURL: string | undefined): Promise<BrowserContext> =>
  chromium.launchPersistentContext(dir, { ...chromiumLaunchOptions, baseURL });

/** The stored keys of every investigation, as the page reads them from the private file system. */
const storedKeys = (page: Page): Promise<number[][]> =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('investigation-keys', { create: true });
    const keys: number[][] = [];
    for await (const handle of folder.values()) {
      if (handle.kind !== 'file') continue;
      const file = await handle.getFile();
      keys.push([...new Uint8Array(await file.arrayBuffer())]);
    }
    return keys;
  });

/** Strings the page itself writes to IndexedDB in the clear: the search must find them. */
async function writeCanaries(page: Page, texts: string[]): Promise<void> {
  await page.evaluate(async (values) => {
    const request = indexedDB.open('lock-test-canaries', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('canaries');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const transaction = db.transaction('canaries', 'readwrite');
    values.forEach((value, index) => transaction.objectStore('canaries').put(value, index));
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
  }, texts);
}

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
  await openTab(page, 'Shipments');
  await page.getByLabel('Party', { exact: true }).fill(FILTER_WORD);
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    'from 0 of 400 rows',
  );
  await openTab(page, 'Documents');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(fixture('pdf', 'designation-notice.pdf'));
  const documents = page.getByRole('list', { name: 'Documents' });
  await expect(documents).toContainText('3 pages');
  await expect(documents).not.toContainText('extracting');
  const [keys] = await storedKeys(page);
  expect(keys).toHaveLength(64);
  const canaries = ['Canary of the lock test, typed', 'Канарейка проверки замка'];
  await writeCanaries(page, canaries);
  await context.close();

  // The search finds what is stored in the clear (the canaries) and the case's stored keys: a miss
  // later means something. The case itself is sealed from the start: nothing of it is readable.
  const canaryForms = Object.fromEntries(canaries.map((text) => [text, forms(text)]));
  expect(foundOnDisk(dir, canaryForms).map((hit) => hit.split(' in ')[0])).toEqual(canaries);
  const key = { key: [Buffer.from(keys)] };
  expect(foundOnDisk(dir, key)).toHaveLength(1);
  expect(foundOnDisk(dir, caseText)).toEqual([]);

  context = await openProfile(dir, baseURL);
  page = await context.newPage();
  await page.goto('/');
  // The dialog says a forgotten passphrase is the end of it, and will not lock until that is ticked.
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: `Lock ${name}`, exact: true }).click();
  const warning = page.getByRole('dialog', { name: `Lock “${name}”` });
  await expect(warning.getByRole('note')).toContainText('nobody can recover this case');
  // It lists what its files still say without the passphrase.
  await warning.getByText('What stays readable without the passphrase').click();
  const readable = warning.getByRole('list', { name: 'Readable while locked' });
  await expect(readable).toContainText('Claims: ids, status');
  // A note's kind, confidentiality and date are sealed with the rest of it.
  await expect(readable.getByRole('listitem').filter({ hasText: 'Source notes' })).toHaveText(
    'Source notes: ids',
  );
  await warning.getByLabel('Passphrase (at least 8 characters)').fill(PASSPHRASE);
  await warning.getByLabel('Passphrase again').fill(PASSPHRASE);
  await warning.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(warning.getByRole('alert')).toContainText('Tick the box');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await lockInvestigation(page, name, PASSPHRASE);
  // Locked, with the browser still open: the keys are gone from the profile at once.
  expect(await storedKeys(page)).toEqual([]);
  expect(foundOnDisk(dir, { ...caseText, ...key })).toEqual([]);
  await context.close();
  expect(foundOnDisk(dir, { ...caseText, ...key })).toEqual([]);

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
  // The Shipments tab is as it was left, its filter kept sealed with the case (never on disk in
  // the clear: checked above).
  await openTab(page, 'Shipments');
  await expect(page.getByLabel('Party', { exact: true })).toHaveValue(FILTER_WORD);
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    'from 0 of 400 rows',
  );
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    'from 400 of 400 rows',
  );
  await page.getByLabel('Party', { exact: true }).fill('poly tech');
  await page.getByLabel('Party role').selectOption('shipper');
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    'from 13 of 400 rows',
  );

  await openTab(page, 'Documents');
  await page.getByLabel('Search all documents').fill(PAGE_TEXT);
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 3');

  // Edited while unlocked, then locked again: the edit is sealed like the rest.
  await openTab(page, 'Claims');
  await addClaim(page, EDITED);
  // Lock now: the page closes over its contents at once.
  await page.getByRole('button', { name: `Lock ${name} now` }).click();
  await expect(page.getByRole('heading', { name: 'This investigation is locked' })).toBeVisible();
  await context.close();
  expect(foundOnDisk(dir, { ...caseText, ...key, edited: forms(EDITED) })).toEqual([]);
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
