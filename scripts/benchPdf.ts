/**
 * The PDF part of `npm run bench`: drives the real app (browser mode) on long-report-300p.pdf and
 * measures what a reader waits for, beside pdf.js's own floor measured in the same run.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addPdf, startInvestigation } from './benchSteps';
import { inputToFrame, median } from './benchTiming';

type Figures = {
  extractionMs: number;
  firstPageMs: number;
  firstPageRuns: number[];
  searchMs: number;
  searchPage: string;
  memoryBefore: number;
  memoryAfterScroll: number;
  liveCanvases: number;
};

export async function benchPdf(
  browser: Browser,
  appUrl: string,
  report: string,
  rendererMemory: () => number,
): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(appUrl);
  // Three runs, each the first opening of the report in an investigation of its own; the medians.
  const runs: { extractionMs: number; firstPageMs: number }[] = [];
  let memoryBefore = 0;
  for (let run = 1; run <= 3; run += 1) {
    await startInvestigation(page, `PDF benchmark ${run}`, 'Documents');
    const extractionStart = Date.now();
    await addPdf(page, report);
    await list(page).getByText('300 pages').waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[aria-label^="Text extraction of"]'),
      undefined,
      { timeout: 300_000 },
    );
    const extractionMs = Date.now() - extractionStart;
    memoryBefore = rendererMemory();

    // Opening: from the click event to the frame that shows page 1 drawn, its canvas painted and
    // its text layer laid out (timed in the page, so that Playwright's own steps are not counted).
    const firstPageMs = await inputToFrame(
      page,
      'click',
      { ready: '[data-page="1"][aria-busy="false"] .textLayer span' },
      () => list(page).getByRole('button').first().click(),
    );
    runs.push({ extractionMs, firstPageMs });
  }
  const firstPageMs = median(runs.map((run) => run.firstPageMs));
  const extractionMs = median(runs.map((run) => run.extractionMs));

  // Searching all 300 pages: from the input event to the results in the DOM, timed inside the page.
  const searchMs = await page.evaluate(
    (query) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('#search-documents')!;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[aria-label="Search results"] button')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true });
        // React listens for input events; the native setter makes the value change visible to it.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
          input,
          query,
        );
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    'QUASAR-4412',
  );
  const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
  const searchPage = /page \d+/.exec(await result.innerText())?.[0] ?? '';

  // Scrolling through every page, then what stays in memory.
  const pages = page.getByLabel('Document pages');
  for (let target = 1; target <= 300; target += 3) {
    await pages.evaluate((element, number) => {
      const pageElement = element.querySelector<HTMLElement>(`[data-page="${number}"]`);
      if (pageElement) element.scrollTop = pageElement.offsetTop;
    }, target);
    await page.waitForFunction(
      (number) => !!document.querySelector(`[data-page="${number}"] .textLayer span`),
      target,
    );
  }
  const liveCanvases = await page.evaluate(
    () =>
      [...document.querySelectorAll('.pdf-page canvas')].filter(
        (canvas) => (canvas as HTMLCanvasElement).width > 0,
      ).length,
  );
  const memoryAfterScroll = rendererMemory();
  await page.close();
  return {
    extractionMs,
    firstPageMs,
    firstPageRuns: runs.map((run) => run.firstPageMs),
    searchMs,
    searchPage,
    memoryBefore,
    memoryAfterScroll,
    liveCanvases,
  };
}

const list = (page: Page) => page.getByRole('list', { name: 'Documents' });

export const longReport = (root: string): string =>
  path.resolve(root, '..', 'shared', 'fixtures', 'pdf', 'long-report-300p.pdf');
