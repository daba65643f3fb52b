/**
 * The OCR part of `npm run bench`: drives the real app (browser mode) on the scanned notice and
 * times "Read 1 page by OCR" from the click to the notice that it is done, three times (each in a
 * new investigation), beside tesseract.js alone on the same 300 dpi image in the benchmark page.
 */
import type { Browser } from 'playwright-core';
import { addPdf, startInvestigation } from './benchSteps';

export async function benchOcr(browser: Browser, appUrl: string, scan: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 1; run <= 3; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(appUrl);
    await startInvestigation(page, `OCR benchmark ${run}`, 'Documents');
    await addPdf(page, scan);
    await page.getByRole('list', { name: 'Documents' }).getByRole('button').first().click();
    const read = page.getByRole('button', { name: 'Read 1 page by OCR' });
    await read.waitFor();
    const started = Date.now();
    await read.click();
    await page.getByText(/^Read 1 page by OCR: mean confidence/).waitFor({ timeout: 120_000 });
    times.push(Date.now() - started);
    await page.close();
  }
  return times;
}
