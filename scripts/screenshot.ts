/**
 * Takes the README's screenshots from the running browser-mode app (start it first with
 * `npm run start:browser`): the sample investigation's claims, its shipments, an entity and the
 * dossier's preview.
 *   npx tsx scripts/screenshot.ts [url]
 */
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

const url = process.argv[2] ?? 'http://localhost:5178/';

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
  await page.getByLabel('Evidence summary').getByText('Distinct shipments').waitFor();
  await page.screenshot({ path: 'assets/screenshot.png' });

  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Shipments' })
    .click();
  await page.getByLabel('Party', { exact: true }).fill('northstar');
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await totals.getByText(/^\d+$/).first().waitFor();
  await page
    .getByRole('table', { name: 'Shipments' })
    .getByRole('row')
    .filter({ hasText: 'KRASNOGORSK ROTORCRAFT PLANT JSC' })
    .first()
    .click();
  await page.getByText('Cells as imported').waitFor();
  await page.screenshot({ path: 'assets/screenshot-shipments.png' });

  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Entities' })
    .click();
  await page.getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant' }).click();
  await page.getByRole('img', { name: /Shipments per month/ }).waitFor();
  await page.screenshot({ path: 'assets/screenshot-entities.png' });

  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Dossier' })
    .click();
  await page
    .frameLocator('iframe[title="Dossier preview"]')
    .getByRole('heading', { name: /^Claim 1\./ })
    .waitFor();
  await page.screenshot({ path: 'assets/screenshot-dossier.png' });
  console.log('wrote assets/screenshot.png, -shipments, -entities and -dossier.png');
} finally {
  await browser.close();
}
