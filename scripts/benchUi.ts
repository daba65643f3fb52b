/**
 * The UI-path part of `npm run bench`: imports the generated customs file into the real app
 * (browser mode, a profile on disk) through its import dialog, then times what a researcher does
 * most on the Shipments and Entities tabs, each from the input event to the frame that shows its
 * result, three times (the medians are printed); then backs the case up through its dialog.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { answerSaveDialogs, lastSaved, removeLastSaved } from '../tests/e2e/saveDialog';
import {
  chromiumMemory,
  chromiumMemoryByProcess,
  describeProcesses,
  memoryDetail,
} from './benchMemory';
import { describeThreads, followThreads, type ThreadMemory } from './benchHeaps';
import { startInvestigation, tab } from './benchSteps';
import { inputToFrame, textOf, type Shown } from './benchTiming';

const table = '[role="table"][aria-label="Shipments"]';
/** A shipments answer: the table was busy with the input's query, and is no longer. */
const answered: Shown = {
  ready: `${table}[aria-busy="false"]`,
  after: `${table}[aria-busy="true"]`,
};
const totals = '[aria-label="Filtered shipments"]';
const bodyRow = '[aria-rowindex="2"]';
const firstRow = `${table} ${bodyRow}`;

export type UiTiming = { what: string; runs: number[] };
export type UiFigures = {
  importMs: number;
  loadMs: number;
  timings: UiTiming[];
  /** Settings measuring the space the investigation uses: how long, and what it showed. */
  measureMs: number;
  measured: string;
  /** The case backed up through its dialog into a file: how long, and the archive's size. */
  backupMs: number;
  archiveBytes: number;
  /**
   * Chromium's total memory (every process, PSS) at its highest while the file was imported, and
   * while it was used after (the Shipments tab's load, the timings, Settings' measure), and while
   * it was backed up; and before the import.
   */
  memory: { before: number; importPeak: number; usePeak: number; backupPeak: number };
};

export async function benchUi(appUrl: string, file: string): Promise<UiFigures> {
  const profile = mkdtempSync(path.join(tmpdir(), 'waybill-bench-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    viewport: { width: 1360, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(appUrl);
    await startInvestigation(page, 'UI benchmark', 'Datasets');

    // Twice a second: reading every process's PSS walks its page tables, which slows what it
    // measures when done more often.
    const before = chromiumMemory(profile);
    let peak = before;
    // With BENCH_MEMORY_DETAIL, each process's share and each thread's memory at the peak too.
    let peakProcesses: Record<string, number> = {};
    let threadsNow: ThreadMemory[] = [];
    let peakThreads: ThreadMemory[] = [];
    let following = memoryDetail;
    if (following)
      void followThreads(page).then(async (threads) => {
        while (following) {
          threadsNow = await threads.read();
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      });
    const sample = () => {
      if (!memoryDetail) return chromiumMemory(profile);
      const byProcess = chromiumMemoryByProcess(profile);
      const total = Object.values(byProcess).reduce((sum, bytes) => sum + bytes, 0);
      if (total > peak) [peakProcesses, peakThreads] = [byProcess, threadsNow];
      return total;
    };
    const showPeak = (what: string) => {
      if (!memoryDetail) return;
      console.log(`[${what}] processes at the peak: ${describeProcesses(peakProcesses)}`);
      console.log(`[${what}] threads then: ${describeThreads(peakThreads)}`);
    };
    const sampler = setInterval(() => (peak = Math.max(peak, sample())), 500);
    const importStarted = Date.now();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import customs file' }).click();
    await (await chooser).setFiles(file);
    const dialog = page.getByRole('dialog', { name: `Import ${path.basename(file)}` });
    await dialog.getByRole('table', { name: 'Preview of the first rows, normalised' }).waitFor();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Imported' })
      .waitFor({ timeout: 30 * 60_000 });
    const importMs = Date.now() - importStarted;
    const importPeak = peak;
    showPeak('import');
    peak = 0;
    await dialog.getByRole('button', { name: 'Close' }).click();

    const loadStarted = Date.now();
    await tab(page, 'Shipments').click();
    await page.locator(firstRow).waitFor({ timeout: 5 * 60_000 });
    const loadMs = Date.now() - loadStarted;

    const timings: UiTiming[] = [];
    const time = async (what: string, run: () => Promise<number>) => {
      const runs: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) runs.push(await run());
      timings.push({ what, runs });
    };
    const filter = (label: string) =>
      page.getByRole('search', { name: 'Filter shipments' }).getByLabel(label, { exact: true });
    const settle = () => page.locator(answered.ready).waitFor();
    const typedLastKey = async (label: string, typed: string) => {
      await filter(label).fill('');
      await settle();
      await filter(label).pressSequentially(typed.slice(0, -1));
      await settle();
      return inputToFrame(page, 'keydown', answered, () => filter(label).press(typed.slice(-1)));
    };

    // Sorting first, while no sort order but the date's has been built.
    await time('first sort by value (each after a reload)', async () => {
      await page.reload();
      await page.locator(firstRow).waitFor({ timeout: 5 * 60_000 });
      await settle();
      return inputToFrame(page, 'click', answered, () => sortBy(page, 'Value').click());
    });
    await time('later sort by value (reversed)', () =>
      inputToFrame(page, 'click', answered, () => sortBy(page, 'Value').click()),
    );
    await time('narrow filter, last key typed (party "ulan-ude")', () =>
      typedLastKey('Party', 'ulan-ude'),
    );
    await time('broad filter, last key typed (value from 1)', () =>
      typedLastKey('Value from', '1'),
    );
    await time('Clear filters', async () => {
      await filter('Party').fill('poly');
      await settle();
      const before = await textOf(page, totals);
      return inputToFrame(
        page,
        'click',
        { ...answered, changed: { selector: totals, from: before } },
        () => page.getByRole('button', { name: 'Clear filters' }).click(),
      );
    });
    await time('return to the Shipments tab from Claims', async () => {
      await tab(page, 'Claims').click();
      await page.getByLabel('New claim').waitFor();
      return inputToFrame(page, 'click', { ready: `${answered.ready} ${bodyRow}` }, () =>
        tab(page, 'Shipments').click(),
      );
    });
    let opened = 0;
    await time('open a row: its detail, raw cells read again from the original file', async () => {
      const row = page.locator(`${table} [aria-rowindex="${2 + 7 * opened++}"]`);
      const detail = page.locator('aside.shipment-detail');
      if (await detail.isVisible()) {
        await page.getByRole('button', { name: 'Close shipment detail' }).click();
        await detail.waitFor({ state: 'detached' });
      }
      return inputToFrame(page, 'click', { ready: 'aside.shipment-detail .raw-cells dd' }, () =>
        row.click(),
      );
    });
    // The entity's page, then (a frame later, as it is drawn after the page's figures) its chart.
    const openLargestEntity = (shown: Shown) => async () => {
      await tab(page, 'Entities').click();
      const entities = page.getByRole('table', { name: 'Entities' });
      await page
        .locator('table[aria-label="Entities"][aria-busy="false"] tbody tr')
        .first()
        .waitFor();
      const opened = await inputToFrame(page, 'click', shown, () =>
        entities.locator('tbody tr').first().getByRole('button').first().click(),
      );
      await page.getByRole('button', { name: 'Close entity' }).click();
      return opened;
    };
    await time(
      'open the largest entity',
      openLargestEntity({ ready: '.entity-profile table[aria-label="Counterparties"]' }),
    );
    await time(
      'open the largest entity, to its chart drawn',
      openLargestEntity({ ready: '.entity-profile .monthly-chart canvas[data-drawn]' }),
    );
    // Settings: the space the investigation uses, measured by reading every record of it.
    await page.getByRole('link', { name: 'Settings' }).click();
    const measureStarted = Date.now();
    await page.getByRole('button', { name: 'Measure the space each investigation uses' }).click();
    const space = page.getByRole('table', { name: 'Space each investigation uses' });
    await space.waitFor({ timeout: 10 * 60_000 });
    const measureMs = Date.now() - measureStarted;
    const measured = (await space.getByRole('row', { name: /^UI benchmark/ }).innerText()).trim();
    const usePeak = Math.max(peak, sample());
    showPeak('use');

    // The whole case backed up through its dialog into a file, the save dialog stood in for as in
    // the end-to-end tests (a file in the origin's private file system, written the same way).
    await page.getByRole('link', { name: 'Investigations', exact: true }).click();
    await page.getByRole('button', { name: 'Back up UI benchmark' }).click();
    const backup = page.getByRole('dialog', { name: 'Back up “UI benchmark”' });
    await answerSaveDialogs(page);
    peak = 0;
    const backupStarted = Date.now();
    await backup.getByRole('button', { name: 'Back up' }).click();
    await backup
      .getByRole('status')
      .filter({ hasText: 'Saved' })
      .waitFor({ timeout: 30 * 60_000 });
    const backupMs = Date.now() - backupStarted;
    clearInterval(sampler);
    const backupPeak = Math.max(peak, sample());
    showPeak('backup');
    following = false;
    const archiveBytes = (await lastSaved(page)).size;
    await removeLastSaved(page);
    const memory = { before, importPeak, usePeak, backupPeak };
    return { importMs, loadMs, timings, measureMs, measured, backupMs, archiveBytes, memory };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const sortBy = (page: Page, column: string) =>
  page.locator(`${table} [role="columnheader"] button.sort`).filter({ hasText: column });
