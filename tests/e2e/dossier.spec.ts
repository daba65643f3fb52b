import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, unzipSync } from 'fflate';
import { openTab } from './app';

type Manifest = {
  files: { name: string; bytes: number; sha256: string }[];
  pdf?: string;
  sources: { name: string; sha256: string }[];
};

/** Exports the package through the UI and returns its files, as the user's download holds them. */
async function exportPackage(page: Page): Promise<Record<string, Uint8Array>> {
  await page
    .getByLabel('Format')
    .selectOption({ label: 'Package (.zip, every format and a manifest)' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dossier-')), 'package.zip');
  await (await download).saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'SHA-256' })).toContainText(
    bytesToHex(sha256(readFileSync(file))),
  );
  return unzipSync(readFileSync(file));
}

/** Opens exported HTML in a fresh page with the network blocked; returns the page and its requests. */
async function openOffline(browser: Browser, html: string) {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html);
  return { page, requests, context };
}

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
  await page.getByRole('button', { name: 'Open sample investigation' }).click();
  await expect(page.getByText('6 claims')).toBeVisible();
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
    'excerpts.jsonld',
  ]);
  for (const file of manifest.files) expect(bytesToHex(sha256(files[file.name]))).toBe(file.sha256);
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
    expect(text, name).not.toMatch(/Invented Insider|former engineer/i);
  }
  const pdf = await offline.pdf({ format: 'A4' });
  const text = pdfText(pdf);
  expect(text).toContain(
    'Claim 1. A Chinese state defense exporter sent at least a dozen shipments',
  );
  expect(text).toContain('[1]');
  expect(text).not.toMatch(/Invented Insider/);
  await context.close();
});
