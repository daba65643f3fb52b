import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { foldName, foldText } from '../../shared/text/nameMatching';
import {
  addClaim,
  changeStatus,
  cite,
  excerptFromPdf,
  openClaim,
  openTab,
  startInvestigation,
} from './app';
import { importCustomsFile } from './customs';
import { exportPackage, openOffline } from './dossierExports';
import { fixture } from '../fixtureSets';

const NAME = 'Irina Zaslonova';
/** Ten ways the same person reaches a case's text. */
const FORMS = [
  'Irina Zaslonova',
  'Irina\u00A0Zaslonova',
  'Irina\nZaslonova',
  'Irina Zaslonova'.normalize('NFD'),
  'Irina Zaslo\u200Bnova',
  'Irina Zaslo\u00ADnova',
  'Irina \u202EZaslonova\u202C',
  'Irina Zaslоnova', // a Cyrillic о
  'Zaslonova',
  'Ирина Заслонова',
];
const everyForm = (what: string) => FORMS.map((form) => `${form} ${what}.`).join(' ');

/** The text of a PDF as pdftotext reads it. */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'protected-pdf-')), 'dossier.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}

/** No form of the name, however folded, in a text. */
function expectNoName(text: string, where: string) {
  for (const form of FORMS) expect(text, where).not.toContain(form);
  expect(foldText(text).text, where).not.toContain(foldName('Zaslonova'));
}

async function confidentialNote(page: Page, title: string, name: string, accept: string[]) {
  await openTab(page, 'Notes');
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Source name').fill(name);
  await dialog.getByLabel('Confidentiality').selectOption('confidential');
  const proposals = dialog.getByRole('group', { name: 'Proposed forms' });
  for (const form of accept) await proposals.getByRole('button', { name: `Add “${form}”` }).click();
  await dialog.getByLabel(/^Body/).fill(everyForm('said so'));
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
}

test('a confidential source in ten forms reaches no file of either package nor the print; an undeclared surname blocks until cleared', async ({
  page,
  browser,
}) => {
  test.slow();
  await startInvestigation(page, 'Source protection', 'Notes');
  await confidentialNote(page, 'Insider', NAME, ['Zaslonova']);
  await confidentialNote(page, 'Second insider', 'Pavel Kuznetsov', []);

  // The name, in every form, in an excerpt's comment…
  await excerptFromPdf(page, fixture('pdf', 'designation-notice.pdf'), 'previously designated');
  await page.getByText('Comment and tags').click();
  await page.getByRole('textbox', { name: 'Comment' }).fill(everyForm('flagged it'));
  await page.getByRole('textbox', { name: 'Comment' }).press('Tab');
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue(everyForm('flagged it'));

  // …a status reason and a citation's comment.
  const claim = 'The parts moved in March.';
  await openTab(page, 'Claims');
  await addClaim(page, claim);
  await openClaim(page, claim);
  await changeStatus(page, 'Verified', everyForm('confirmed it'));
  await cite(page, 'insider', 'Insider', 'supports', everyForm('told us'));
  await cite(page, 'previously designated', '“previously designated”', 'supports');

  await openTab(page, 'Dossier');
  for (const profile of ['Full (for the editor and the lawyer)', 'Publication']) {
    await page.getByLabel('Profile').selectOption({ label: profile });
    await expect(page.getByRole('status', { name: 'Preview summary' })).toContainText('1 claims');
    const files = await exportPackage(page);
    expect(Object.keys(files)).toHaveLength(7);
    for (const [name, bytes] of Object.entries(files)) expectNoName(strFromU8(bytes), name);
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      confidentialNameCheck: { summary: string };
    };
    expect(manifest.confidentialNameCheck.summary).toBe(
      '0 hits in 6 files; 0 cleared by the user as not the person',
    );
    // The HTML as a printer gets it.
    const { page: offline, context } = await openOffline(browser, strFromU8(files['dossier.html']));
    const printed = pdfText(await offline.pdf({ format: 'A4' }));
    expect(printed).toContain('Confidential source A');
    expectNoName(printed, `${profile}: printed`);
    await context.close();
  }

  // A surname nobody declared: nothing is written until the user says who it is.
  await openTab(page, 'Claims');
  const second = 'Kuznetsov kept the ledger.';
  await addClaim(page, second);
  await openClaim(page, second);
  await changeStatus(page, 'Verified', 'From the ledger itself.');
  await openTab(page, 'Dossier');
  await page.getByLabel('Profile').selectOption({ label: 'Full (for the editor and the lawyer)' });
  await expect(page.getByRole('status', { name: 'Preview summary' })).toContainText('2 claims');
  await page.getByLabel('Format').selectOption({ label: 'Package (.zip of every format)' });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const blocked = page.getByRole('dialog', { name: 'A confidential name would leave the machine' });
  await expect(blocked).toContainText(
    '“Kuznetsov”: a part of Confidential source B’s name that is not declared (1)',
  );
  const link = await blocked.getByRole('link', { name: 'Claim 2, text' }).getAttribute('href');
  expect(link).toMatch(/\/claims\?claim=/);
  expect(downloads).toBe(0);
  await blocked.getByRole('button', { name: 'Not this person: Claim 2, text' }).click();
  await expect(blocked.getByRole('status')).toHaveText(
    'Every passage is cleared: the export can go on.',
  );
  const download = page.waitForEvent('download');
  await blocked.getByRole('button', { name: 'Export now' }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cleared-')), 'package.zip');
  await (await download).saveAs(file);
  const files = unzipSync(readFileSync(file));
  const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
    confidentialNameCheck: { hits: number; clearedByUser: number };
  };
  expect(manifest.confidentialNameCheck).toMatchObject({ hits: 0, clearedByUser: 1 });
  expect(strFromU8(files['dossier.json'])).toContain(second);

  // The decision holds for the next export; the link opens the claim.
  await exportPackage(page);
  await page.goto(`/${link}`);
  await expect(page.getByLabel('Claim text', { exact: true })).toHaveValue(second);
});

test('a CSV of rejected rows is checked like a dossier: a source’s surname in an imported row blocks until cleared', async ({
  page,
}) => {
  await startInvestigation(page, 'Rejected rows check', 'Notes');
  await confidentialNote(page, 'Logistics insider', 'Yuri Baltika', []);
  await openTab(page, 'Datasets');
  await importCustomsFile(page, fixture('bad', 'mixed-row-errors.csv'));
  await page.getByRole('button', { name: 'Rejected rows of mixed-row-errors.csv' }).click();
  const rows = page.getByRole('dialog', { name: 'Rejected rows of mixed-row-errors.csv' });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await rows.getByRole('button', { name: 'Export as CSV' }).click();
  const blocked = page.getByRole('dialog', { name: 'A confidential name would leave the machine' });
  const group = blocked.getByRole('region', { name: '“Baltika”' });
  await expect(group.getByRole('heading')).toHaveText(
    /^“Baltika”: a part of Confidential source A’s name that is not declared \(\d+\)$/,
  );
  await expect(group.getByRole('listitem').first()).toContainText(
    /^Row 2: .*LLC BALTIKA LOGISTIKA.*Not this person$/,
  );
  expect(downloads).toBe(0);
  await group.getByRole('button', { name: /^None of these \d+ is this person$/ }).click();
  const download = page.waitForEvent('download');
  await blocked.getByRole('button', { name: 'Export now' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('LLC BALTIKA LOGISTIKA');
});
