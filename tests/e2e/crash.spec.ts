import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Locator } from '@playwright/test';
import { chromium } from 'playwright-core';
import { backUpCase, startInvestigation } from './app';
import { chromiumLaunchOptions } from './chromium';
import { generatedVendorFile, importCustomsFile, startLargeImport } from './customs';

/**
 * Crash safety with the browser really killed: Chromium is stopped with SIGKILL mid-work, then the
 * same profile is opened again, as after a crash or a power cut.
 */
async function openProfile(dir: string, baseURL: string | undefined): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    ...chromiumLaunchOptions,
    baseURL,
    acceptDownloads: true,
  });
}

/** Kills every process of the Chromium that runs on this profile, without a chance to clean up. */
function killChromium(dir: string): void {
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir))
        process.kill(Number(pid), 'SIGKILL');
    } catch {
      // The process ended while we looked.
    }
  }
}

/**
 * A profile on disk holding one investigation of 150,000 generated shipments, its browser open on
 * the list of investigations.
 */
async function largeCase(dir: string, baseURL: string | undefined, name: string, seed: number) {
  const big = await generatedVendorFile(path.join(dir, '..', `${seed}.csv`), seed);
  const first = await openProfile(dir, baseURL);
  const page = await first.newPage();
  await startInvestigation(page, name, 'Datasets');
  await importCustomsFile(page, big, {}, 60_000);
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  return { first, page };
}

/** Kills Chromium mid-work, then opens the same profile again on the app's start page. */
async function killAndReopen(dir: string, baseURL: string | undefined, first: BrowserContext) {
  killChromium(dir);
  await first.close().catch(() => undefined);
  const second = await openProfile(dir, baseURL);
  const again = await second.newPage();
  await again.goto('/');
  return { second, again };
}

/** Waits until a progress bar has passed a fraction of its way, looking often: work to cut short. */
async function passedFraction(progress: Locator, fraction: number): Promise<void> {
  await expect
    .poll(
      // Each read is short, so a bar that has gone fails the poll instead of hanging in it.
      async () =>
        Number(await progress.getAttribute('value', { timeout: 1_000 })) /
        Number(await progress.getAttribute('max', { timeout: 1_000 })),
      { intervals: [20] },
    )
    .toBeGreaterThan(fraction);
}

test.describe('killed mid-work', () => {
  test.skip(process.platform !== 'linux', 'finds Chromium’s processes through /proc');

  test('an import killed mid-way is rolled back when the profile is opened again', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(120_000);
    const dir = testInfo.outputPath('profile');
    const first = await openProfile(dir, baseURL);
    const page = await first.newPage();
    await startLargeImport(page, testInfo.outputPath('killed-import.csv'), 5);
    const url = page.url();
    killChromium(dir);
    await first.close().catch(() => undefined);

    const second = await openProfile(dir, baseURL);
    const again = await second.newPage();
    await again.goto(url);
    await expect(again.getByRole('status').filter({ hasText: 'killed-import.csv' })).toContainText(
      'was rolled back',
    );
    await expect(again.getByText('No customs records yet.')).toBeVisible();
    await second.close();
  });

  test('a restore killed mid-way leaves nothing visible and is reported when the profile is opened again', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    const dir = testInfo.outputPath('profile');
    const { first, page } = await largeCase(dir, baseURL, 'Killed restore', 6);
    const archive = testInfo.outputPath('killed-restore.waybill');
    await backUpCase(page, 'Killed restore', archive);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from archive' }).click();
    await (await chooser).setFiles(archive);
    await page
      .getByRole('dialog', { name: 'Restore killed-restore.waybill' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await passedFraction(page.getByRole('progressbar', { name: 'Restoring the archive' }), 0.5);
    const { second, again } = await killAndReopen(dir, baseURL, first);
    await expect(again.getByRole('alert')).toContainText(
      'A restore was cut short (“Killed restore (restored ',
    );
    await expect(again.getByRole('table').getByRole('row')).toHaveCount(2);
    await second.close();
  });
});
