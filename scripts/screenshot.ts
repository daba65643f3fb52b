/**
 * Takes the README's screenshot from the running browser-mode app (start it first with
 * `npm run start:browser`): opens the sample investigation and one claim.
 *   npx tsx scripts/screenshot.ts [url] [out.png]
 */
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

const url = process.argv[2] ?? 'http://localhost:5178/';
const out = process.argv[3] ?? 'assets/screenshot.png';

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({
    viewport: { width: 1360, height: 860 },
    deviceScaleFactor: 1,
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Open sample investigation' }).click();
  await page.getByRole('button', { name: /A Chinese state defense exporter/ }).click();
  await page.getByRole('list', { name: 'Claim history' }).getByText('Reason:').first().waitFor();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
