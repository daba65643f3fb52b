import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8 } from 'fflate';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import {
  addClaim,
  changeStatus,
  cite,
  excerptFromPdf,
  openClaim,
  openSampleInvestigation,
  openTab,
  sourceNote,
  startInvestigation,
} from './app';
import { importCustomsFile } from './customs';
import { expectTemplateMarkupOnly, exportPackage, openOffline } from './dossierExports';
import { fixture } from '../fixtureSets';

type Manifest = {
  files: { name: string; bytes: number; sha256: string }[];
  pdf?: string;
  sources: { name: string; sha256: string }[];
};

/** The text of a PDF as pdftotext reads it, whitespace folded. */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dossier-pdf-')), 'dossier.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .replace(/\s+/g, ' ');
}

test('the sample’s dossier package: self-contained HTML with the claim page’s numbers, hashes that match, no confidential name', async ({
  page,
  browser,
}) => {
  test.slow();
  await page.goto('/');
  await openSampleInvestigation(page);
  await openTab(page, 'Dossier');
  await expect(page.getByRole('status', { name: 'Preview summary' })).toContainText('6 claims');
  const preview = page.frameLocator('iframe[title="Dossier preview"]');
  await expect(
    preview.getByRole('heading', { name: /^Claim 1\. A Chinese state defense exporter/ }),
  ).toBeVisible();

  const files = await exportPackage(page);
  const manifest = JSON.parse(strFromU8(files['manifest.json'])) as Manifest;
  expect(manifest.files.map((file) => file.name).sort()).toEqual([
    'cited-shipments.csv',
    'dossier.html',
    'dossier.json',
    'dossier.md',
    'dossier.schema.json',
    'excerpts.jsonld',
  ]);
  for (const file of manifest.files) expect(bytesToHex(sha256(files[file.name]))).toBe(file.sha256);
  // A second export of the same case lists the same files in the same order, in the zip and in
  // its manifest.
  const again = await exportPackage(page);
  expect(Object.keys(again)).toEqual(Object.keys(files));
  expect(
    (JSON.parse(strFromU8(again['manifest.json'])) as Manifest).files.map((file) => file.name),
  ).toEqual(manifest.files.map((file) => file.name));
  expect(manifest.pdf).toMatch(/^not included: browser mode/);

  const html = strFromU8(files['dossier.html']);
  const { page: offline, requests, context } = await openOffline(browser, html);
  const claim = offline.locator('article', { hasText: 'A Chinese state defense exporter' });
  await expect(claim).toContainText('13 (from 26 source rows)');
  await expect(claim).toContainText('13 shipments by 2 datasets');
  await expect(claim).toContainText('2022-01-03 to 2022-11-15');
  await expect(claim).toContainText('Independent origins1: Synthetic customs declarations');
  expect(await offline.locator('script, img, iframe, object, embed, link').count()).toBe(0);
  expect(requests).toEqual([]);

  for (const [name, bytes] of Object.entries(files)) {
    const text = strFromU8(bytes);
    expect(text, name).not.toMatch(/Vera Inventova|former engineer/i);
  }
  // Printed on A4 (its text width, about 680 px at 96 dpi), no number, date, hash or id in the
  // cited rows breaks across lines, and the table still fits the page.
  await offline.emulateMedia({ media: 'print' });
  await offline.setViewportSize({ width: 680, height: 1000 });
  const layout = await offline.evaluate(() => {
    const section = [...document.querySelectorAll('section')].find(
      (candidate) =>
        candidate.querySelector('h2')?.textContent ===
        'Appendix: cited shipment rows and their matches',
    )!;
    const broken: string[] = [];
    let tokens = 0;
    for (const holder of section.querySelectorAll('td, .hash')) {
      const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A number, a date, an amount, an id: short, of digits and their separators.
        const numeric = [...(node.textContent ?? '').matchAll(/\S+/g)].filter((match) =>
          /^(?=.*\d)[\p{L}\p{N}.,:/\-+%]{1,32}$/u.test(match[0]),
        );
        for (const match of numeric) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          tokens += 1;
          if (range.getClientRects().length !== 1) broken.push(match[0]);
        }
      }
    }
    const widest = Math.max(...[...section.querySelectorAll('table')].map((t) => t.scrollWidth));
    return { broken, tokens, fits: widest <= section.clientWidth };
  });
  expect(layout.tokens).toBeGreaterThan(100);
  expect(layout.broken).toEqual([]);
  expect(layout.fits).toBe(true);
  await offline.emulateMedia({ media: null });

  const pdf = await offline.pdf({ format: 'A4' });
  const text = pdfText(pdf);
  expect(text).toContain(
    'Claim 1. A Chinese state defense exporter sent at least a dozen shipments',
  );
  expect(text).toContain('[1]');
  expect(text).not.toMatch(/Vera Inventova/);
  await context.close();
});

const CONFIDENTIAL = { name: 'Ivan Secretov', role: 'procurement officer at the plant' };
const BACKGROUND = { name: 'Jane Officialson', attribution: 'a Western official' };
const HOSTILE_CLAIM = `<img src=x onerror="document.title='pwned'"> shipped =1+1 parts`;

test('hostile imported text comes out inert in every format and both profiles; sources stay protected, in the PDF too', async ({
  page,
  browser,
}) => {
  test.slow();
  await startInvestigation(page, 'Hostile dossier', 'Datasets');
  await importCustomsFile(page, fixture('bad', 'hostile-content.csv'));
  await openTab(page, 'Notes');
  await sourceNote(page, {
    title: 'Insider account',
    name: CONFIDENTIAL.name,
    role: CONFIDENTIAL.role,
    confidentiality: 'Confidential (name never leaves this machine)',
  });
  await sourceNote(page, {
    title: 'Official on the listing',
    name: BACKGROUND.name,
    confidentiality: 'Background (attributed)',
    attribution: BACKGROUND.attribution,
  });
  await openTab(page, 'Shipments');
  await page.getByText(/^Saved filters/).click();
  await page.getByLabel('Filter name').fill('Every hostile row');
  await page.getByRole('button', { name: 'Save filter' }).click();
  await expect(page.getByRole('button', { name: 'Apply filter Every hostile row' })).toBeVisible();

  await openTab(page, 'Claims');
  await addClaim(page, HOSTILE_CLAIM);
  await openClaim(page, HOSTILE_CLAIM);
  await changeStatus(page, 'Verified', `Checked with ${CONFIDENTIAL.name}`);
  await cite(page, 'every hostile', 'Every hostile row', 'supports', `=cmd ${CONFIDENTIAL.name}`);
  await cite(page, 'insider', 'Insider account', 'context');
  await cite(page, 'official on', 'Official on the listing', 'context');

  await openTab(page, 'Dossier');
  for (const profile of ['Full (for the editor and the lawyer)', 'Publication']) {
    await page.getByLabel('Profile').selectOption({ label: profile });
    const preview = page.frameLocator('iframe[title="Dossier preview"]');
    await expect(
      preview.getByText(
        profile === 'Publication' ? 'Publication dossier' : 'Full dossier (editor and lawyer)',
      ),
    ).toBeVisible();
    const files = await exportPackage(page);
    const html = strFromU8(files['dossier.html']);
    const { page: offline, requests, context } = await openOffline(browser, html);
    await expect(offline.getByRole('heading', { name: /^Claim 1\./ })).toContainText(HOSTILE_CLAIM);
    expect(await offline.title()).not.toBe('pwned');
    await expectTemplateMarkupOnly(offline.locator(':root'));
    expect(requests).toEqual([]);
    const pdf = pdfText(await offline.pdf({ format: 'A4' }));
    expect(pdf).toContain(HOSTILE_CLAIM);
    expect(pdf).toMatch(/\[1\] supports/);
    await context.close();

    const csv = strFromU8(files['cited-shipments.csv']);
    const cells = [...csv.matchAll(/"((?:[^"]|"")*)"/g)].map((match) =>
      match[1].replace(/""/g, '"'),
    );
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    const hidden = [
      CONFIDENTIAL.name,
      CONFIDENTIAL.role,
      ...(profile === 'Publication' ? [BACKGROUND.name] : []),
    ];
    for (const [name, bytes] of [
      ...Object.entries(files),
      ['dossier.pdf (printed)', new TextEncoder().encode(pdf)] as const,
    ]) {
      const text = strFromU8(bytes);
      for (const secret of hidden)
        expect(text.toLowerCase(), name).not.toContain(secret.toLowerCase());
    }
  }
});

test('an open dossier preview follows an excerpt’s comment and a document’s title, and the document keeps their history', async ({
  page,
  context,
}) => {
  test.slow();
  const claim = 'The exporter was designated in 2013.';
  const comment = 'Checked against the 2013 list';
  const title = 'Designation notice, as retrieved in December';
  await startInvestigation(page, 'Live preview', 'Claims');
  await addClaim(page, claim);
  await excerptFromPdf(
    page,
    fixture('pdf', 'designation-notice.pdf'),
    'previously designated in 2013',
  );
  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await cite(page, 'previously designated', '“previously designated in 2013”', 'supports');

  // The dossier preview, open in a second tab, while the first one edits.
  await openTab(page, 'Dossier');
  const watcher = await context.newPage();
  await watcher.goto(page.url());
  const preview = watcher.frameLocator('iframe[title="Dossier preview"]');
  await expect(
    preview.getByRole('heading', { name: /Notice of Designation.*page 1/ }),
  ).toBeVisible();

  await openTab(page, 'Documents');
  await page.getByRole('list', { name: 'Documents' }).getByRole('button').first().click();
  await page.getByText('Comment and tags').click();
  await page.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await page.getByRole('textbox', { name: 'Comment' }).press('Tab');
  await expect(preview.getByText(comment)).toBeVisible();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Title' }).press('Tab');
  await expect(preview.getByRole('heading', { name: `E1. ${title}, page 1` })).toBeVisible();

  await page.getByText(/^History \(\d+\)$/).click();
  const history = page.getByRole('list', { name: 'Document history' });
  await expect(history).toContainText('Excerpt added on page 1: “previously designated in 2013”');
  await expect(history).toContainText(`Excerpt comment: (none) → “${comment}”`);
  await expect(history).toContainText(
    `Title: “Notice of Designation TEST-NOTICE-2022-0117 (synthetic test document)” → “${title}”`,
  );
});

test('a note body with a list and a quote renders in the HTML and stays quoted in the Markdown', async ({
  page,
  browser,
}) => {
  const claim = 'The broker confirmed the route.';
  await startInvestigation(page, 'Note bodies', 'Claims');
  await addClaim(page, claim);
  await openTab(page, 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  await dialog.getByLabel('Title').fill('Call with the broker');
  await dialog
    .getByLabel(/^Body/)
    .fill(
      'She listed *two* legs:\n\n- Harbin to Blagoveshchensk\n- then by rail\n\n> We never saw the crates.\n\nEnd of call.',
    );
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await cite(page, 'broker', 'Call with the broker', 'supports');
  await openTab(page, 'Dossier');
  const files = await exportPackage(page);

  const { page: offline, context } = await openOffline(browser, strFromU8(files['dossier.html']));
  const body = offline.locator('blockquote', { hasText: 'She listed' }).first();
  await expect(body.locator('em')).toHaveText('two');
  await expect(body.locator('li')).toHaveText(['Harbin to Blagoveshchensk', 'then by rail']);
  await expect(body.locator('blockquote')).toHaveText('We never saw the crates.');
  await expect(body).toContainText('End of call.');
  await context.close();

  // In the Markdown the whole body, list and inner quote included, stays inside the note's quote.
  const toString = (node: Nodes): string =>
    'value' in node ? node.value : 'children' in node ? node.children.map(toString).join('') : '';
  const quotes: Nodes[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'blockquote') quotes.push(node);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromMarkdown(strFromU8(files['dossier.md'])));
  const quote = quotes.find((node) => toString(node).includes('She listed'))!;
  expect(quote.type === 'blockquote' && quote.children.map((child) => child.type)).toEqual([
    'paragraph',
    'list',
    'blockquote',
    'paragraph',
  ]);
  expect(toString(quote)).toContain('End of call.');
});
