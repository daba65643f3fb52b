/**
 * Chromium saves the value of every form control into its session files as pages change, beyond
 * the reach of the lock, unless the control says autocomplete="off" (a password field's value is
 * never saved). This walks every page of the sample investigation and its dialogs and fails on any
 * control that could keep case text; and checks that the page's title and URL carry no case text.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleInvestigation, openTab, type InvestigationTab } from './app';

let checked = 0;

/** Every text-holding control on the page that the browser would save: it should be none. */
const savedControls = async (page: Page): Promise<string[]> => {
  const { count, saved } = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('input, textarea, select')];
    const saved = controls
      .filter((control) => {
        const type = (control.getAttribute('type') ?? '').toLowerCase();
        if (['checkbox', 'radio', 'color', 'file', 'hidden', 'button', 'submit'].includes(type))
          return false;
        const autocomplete = control.getAttribute('autocomplete');
        if (type === 'password') return autocomplete === null || autocomplete === 'on';
        return autocomplete !== 'off';
      })
      .map((control) => control.outerHTML.slice(0, 160));
    return { count: controls.length, saved };
  });
  checked += count;
  return saved;
};

async function expectNothingSaved(page: Page, where: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await savedControls(page), where).toEqual([]);
  // Ids only: no title or URL carries what the investigation holds.
  expect(await page.title(), where).toBe('Waybill');
  expect(page.url(), where).toMatch(/^http:\/\/localhost:\d+\/(#\/([\w/-]*)(\?state=[\w-]+)?)?$/);
}

/** Opens a dialog by its button, checks it, and closes it with Escape. */
async function inDialog(page: Page, button: string, dialog: string | RegExp) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
  await expectNothingSaved(page, `dialog ${String(dialog)}`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('no form control on any page or dialog keeps case text in the browser’s session files', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  // The check finds a control that would be saved.
  await page.evaluate(() => document.body.append(document.createElement('textarea')));
  expect(await savedControls(page)).toEqual(['<textarea></textarea>']);
  await page.evaluate(() => document.querySelector('body > textarea')?.remove());
  await expectNothingSaved(page, 'investigations');
  await openSampleInvestigation(page);
  await page.getByRole('button', { name: /^A Chinese state defense exporter/ }).click();
  await expect(page.getByLabel('Evidence summary')).toBeVisible();
  await expectNothingSaved(page, 'claims, a claim open');
  await inDialog(page, 'Add evidence', 'Add evidence');
  await inDialog(page, 'Add section', /section/i);

  const tabs: InvestigationTab[] = [
    'Datasets',
    'Shipments',
    'Entities',
    'Documents',
    'Notes',
    'Dossier',
    'Statuses',
    'History',
  ];
  for (const tab of tabs) {
    await openTab(page, tab);
    await expect(page.getByRole('link', { name: tab, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNothingSaved(page, tab);
    if (tab === 'Notes') await inDialog(page, 'New note', 'New source note');
    if (tab === 'Shipments') {
      // A filter word typed in stays out of the URL.
      await page.getByLabel('Party', { exact: true }).fill('northstar');
      await expect(page.getByRole('status', { name: 'Filtered shipments' })).toBeVisible();
      await expectNothingSaved(page, 'Shipments, filtered');
    }
  }
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expectNothingSaved(page, 'settings');
  await page.getByRole('link', { name: 'Verify a dossier', exact: true }).click();
  await expectNothingSaved(page, 'verify a dossier');
  await page.getByRole('link', { name: 'Investigations', exact: true }).click();
  await inDialog(page, `Lock Sample: China–Russia defense trade 2022 (synthetic)`, /^Lock “/);
  await inDialog(page, `Back up Sample: China–Russia defense trade 2022 (synthetic)`, /^Back up “/);
  expect(checked).toBeGreaterThan(40);
});
