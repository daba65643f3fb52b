import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { sampleCaseTargets, snapshotText } from '../../scripts/fixtures/sanctionsSnapshot';
import { createInvestigation, lockInvestigation, openSampleInvestigation, openTab } from './app';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as a script, which the app's own CSP forbids: this test alone bypasses it.
test.use({ bypassCSP: true });

/** axe-core's WCAG A and AA violations on the page as it stands, with where they are. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      // The preview iframe holds the exported dossier, checked on its own terms elsewhere.
      exclude: [['iframe']],
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
  return found;
}

test('every page of the sample investigation has no WCAG A/AA violation axe can find', async ({
  page,
}, testInfo) => {
  test.slow();
  // Settings, with a sanctions snapshot imported: the entity page below then screens against it.
  const snapshot = testInfo.outputPath('sample.ftm.json');
  writeFileSync(snapshot, snapshotText({ targets: sampleCaseTargets, noise: 200 }));
  await page.goto('/#/settings');
  await page.getByLabel('Snapshot file').setInputFiles(snapshot);
  await page.getByRole('button', { name: 'Import snapshot' }).click();
  await expect(page.getByRole('status')).toContainText('Imported sample.ftm.json');
  expect(await violations(page), 'settings').toEqual([]);
  await page.goto('/');
  expect(await violations(page)).toEqual([]);
  await openSampleInvestigation(page);
  await page.getByRole('button', { name: /^A Chinese state defense exporter/ }).click();
  await expect(page.getByLabel('Evidence summary')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  for (const tab of [
    'Datasets',
    'Shipments',
    'Entities',
    'Notes',
    'Dossier',
    'Statuses',
    'History',
  ] as const) {
    await openTab(page, tab);
    await expect(page.getByRole('link', { name: tab, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    expect(await violations(page), tab).toEqual([]);
  }
  // An entity's page, with its chart and tables.
  await openTab(page, 'Entities');
  await page.getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Spellings' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Candidates in sample.ftm.json' })).toBeVisible();
  expect(await violations(page), 'entity page').toEqual([]);
  // The verifier's page, empty.
  await page.getByRole('link', { name: 'Verify a dossier', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Verify a dossier' })).toBeVisible();
  expect(await violations(page), 'verify page').toEqual([]);
});

test('locking: the lock dialog and a locked investigation have no violation axe can find', async ({
  page,
}) => {
  await page.goto('/');
  await createInvestigation(page, 'Sealed case');
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await page.getByRole('button', { name: 'Lock Sealed case', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lock “Sealed case”' });
  expect(await violations(page), 'lock dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await lockInvestigation(page, 'Sealed case', 'sealed passphrase');
  expect(await violations(page), 'list with a locked case').toEqual([]);
  await page.getByRole('button', { name: 'Lock Sealed case now' }).click();
  await page.getByRole('link', { name: 'Sealed case' }).click();
  await expect(page.getByRole('heading', { name: 'This investigation is locked' })).toBeVisible();
  expect(await violations(page), 'locked investigation').toEqual([]);
});
