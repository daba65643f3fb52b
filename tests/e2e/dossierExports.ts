/** The dossier's exports as a user gets them, and what their markup is made of. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unzipSync } from 'fflate';
import { DOSSIER_ATTRIBUTES, DOSSIER_ELEMENTS } from '../dossierElements';

/** Exports the package through the UI and returns where the user's download is saved. */
export async function exportPackageFile(page: Page): Promise<string> {
  await page.getByLabel('Format').selectOption({ label: 'Package (.zip of every format)' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dossier-')), 'package.zip');
  await (await download).saveAs(file);
  const hash = bytesToHex(sha256(readFileSync(file)));
  await expect(page.getByRole('status').filter({ hasText: 'SHA-256' })).toContainText(hash);
  // The audit log keeps what was exported, for checking the file later.
  const earlier = page.getByRole('list', { name: 'Earlier exports' });
  if (!(await earlier.isVisible())) await page.getByText(/^Earlier exports/).click();
  await expect(earlier).toContainText(hash);
  return file;
}

/** Exports the package through the UI and returns its files, as the user's download holds them. */
export async function exportPackage(page: Page): Promise<Record<string, Uint8Array>> {
  return unzipSync(readFileSync(await exportPackageFile(page)));
}

/** Opens exported HTML in a fresh page with the network blocked; returns the page and its requests. */
export async function openOffline(browser: Browser, html: string) {
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

/**
 * Checks that the document of `root` (an exported page's, or the preview frame's) holds only the
 * elements and attributes the dossier's template writes: none can have come from the data.
 */
export async function expectTemplateMarkupOnly(root: Locator): Promise<void> {
  const markup = await root.evaluate((element) => {
    const all = [...element.ownerDocument.querySelectorAll('*')];
    return {
      tags: [...new Set(all.map((node) => node.localName))],
      attributes: [
        ...new Set(
          all.flatMap((node) =>
            node.getAttributeNames().map((name) => `${node.localName}[${name}]`),
          ),
        ),
      ],
    };
  });
  for (const tag of markup.tags) expect(DOSSIER_ELEMENTS).toContain(tag);
  for (const attribute of markup.attributes) expect(DOSSIER_ATTRIBUTES).toContain(attribute);
}
