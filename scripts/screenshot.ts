/**
 * Takes the README's screenshots from the running browser-mode app (start it first with
 * `npm run start:browser`) at 1,440 × 900: the sample investigation's claims, its shipments, an
 * entity, the pivot and the network of its exporter's trade, and the dossier's preview. Install a
 * CJK font first (Debian: fonts-droid-fallback) so Chinese names are not drawn as boxes.
 *   npx tsx scripts/screenshot.ts [url]
 */
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

const url = process.argv[2] ?? 'http://localhost:5178/';

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
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
    .getByRole('table', { name: 'Entities' })
    .getByRole('button', { name: 'Northstar Avia Trading' })
    .click();
  await page.getByRole('link', { name: 'show trade network' }).click();
  await page.getByRole('table', { name: 'Who shipped to whom' }).waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText('Each shipment counts once').waitFor();
  await page.getByRole('img', { name: /Graph of who shipped to whom/ }).waitFor();
  await page.screenshot({ path: 'assets/screenshot-network.png' });

  await page.getByRole('radio', { name: 'Pivot' }).check();
  await page.getByLabel('Group by').selectOption({ label: 'Shipper' });
  await page.getByRole('table', { name: 'Shipments by shipper' }).waitFor();
  await page.screenshot({ path: 'assets/screenshot-pivot.png' });

  await page
    .getByRole('navigation', { name: 'Investigation' })
    .getByRole('link', { name: 'Dossier' })
    .click();
  await page
    .frameLocator('iframe[title="Dossier preview"]')
    .getByRole('heading', { name: /^Claim 1\./ })
    .waitFor();
  await page.screenshot({ path: 'assets/screenshot-dossier.png' });
  console.log(
    'wrote assets/screenshot.png, -shipments, -entities, -network, -pivot and -dossier.png',
  );
} finally {
  await browser.close();
}
