import { fixture } from '../fixtureSets';
import { expect, test } from '@playwright/test';
import {
  addClaim,
  claimButton,
  excerptFromPdf,
  openClaim,
  openTab,
  startInvestigation,
} from './app';

test('a claim cites a source note as contradicting it; the citation and its history survive a reload', async ({
  page,
}) => {
  await startInvestigation(page, 'Evidence', 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  await dialog.getByLabel('Title').fill('Exporter denies the shipments');
  await dialog.getByLabel('Source name').fill('Press office');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();

  await openTab(page, 'Claims');
  await addClaim(page, 'The exporter shipped rotor parts in 2022.');
  const row = claimButton(page, 'The exporter shipped rotor parts in 2022.');
  await expect(row).toContainText('No supporting evidence');
  await openClaim(page, 'The exporter shipped rotor parts in 2022.');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const add = page.getByRole('dialog', { name: 'Add evidence' });
  await add.getByLabel('Find evidence').fill('exporter denies');
  await add.getByLabel('Relation').selectOption('contradicts');
  await add.getByLabel('Comment (optional)').fill('Their word against the customs data.');
  await add.getByRole('button', { name: 'Cite Exporter denies the shipments' }).click();
  await expect(add.getByRole('button', { name: 'Cite Exporter denies the shipments' })).toHaveText(
    'Cited',
  );
  await add.getByRole('button', { name: 'Done' }).click();

  const cited = page.getByRole('list', { name: 'Cited source note' });
  await expect(cited).toContainText('contradicts · Exporter denies the shipments');
  await expect(page.getByText('0 supporting · 1 contradicting · 0 context')).toBeVisible();
  // A contradicting source is no support: the claim stays flagged until something supports it.
  await expect(row).toContainText('No supporting evidence');

  await page.reload();
  await claimButton(page, 'The exporter shipped rotor parts in 2022.').click();
  await expect(cited).toContainText('Their word against the customs data.');
  const history = page.getByRole('list', { name: 'Claim history' });
  await expect(history).toContainText(
    'Cited contradicts: Source note Exporter denies the shipments',
  );

  await page.getByRole('button', { name: 'Remove evidence Exporter denies the shipments' }).click();
  await expect(cited).toBeHidden();
  await expect(history).toContainText(
    'No longer cites contradicts: Source note Exporter denies the shipments',
  );

  // Cited as support, the claim is no longer flagged.
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await add.getByRole('button', { name: 'Cite Exporter denies the shipments' }).click();
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(cited).toContainText('supports · Exporter denies the shipments');
  await expect(row).not.toContainText('No supporting evidence');
});

test('a note and an excerpt are linked to a claim from where they are read', async ({ page }) => {
  await startInvestigation(page, 'Link from evidence', 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  await dialog.getByLabel('Title').fill('Analyst confirms the 2013 listing');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
  const linkNote = page.getByRole('button', {
    name: 'Link note Analyst confirms the 2013 listing to a claim',
  });
  const link = page.getByRole('dialog', { name: /^Link to claim: Source note Analyst confirms/ });
  // With no claim written yet, the dialog says so and offers nothing to press.
  await linkNote.click();
  await expect(link).toContainText('This investigation has no claims yet: write one first.');
  await expect(link.getByRole('button', { name: 'Link' })).toBeDisabled();
  await link.getByRole('button', { name: 'Cancel' }).click();
  await expect(link).toBeHidden();

  await openTab(page, 'Claims');
  await addClaim(page, 'The exporter was designated in 2013.');
  await openTab(page, 'Notes');
  await linkNote.click();
  await link.getByLabel('Relation').selectOption('context');
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();

  await excerptFromPdf(
    page,
    fixture('pdf', 'designation-notice.pdf'),
    'previously designated in 2013',
  );
  await page.getByRole('button', { name: 'Link excerpt from page 1 to a claim' }).click();
  const excerptLink = page.getByRole('dialog', { name: /^Link to claim: Excerpt/ });
  await excerptLink.getByRole('button', { name: 'Link' }).click();
  await expect(excerptLink).toBeHidden();

  await openTab(page, 'Claims');
  await openClaim(page, 'The exporter was designated in 2013.');
  await expect(page.getByRole('list', { name: 'Cited source note' })).toContainText(
    'context · Analyst confirms the 2013 listing',
  );
  await expect(page.getByRole('list', { name: 'Cited excerpt' })).toContainText(
    'supports · “previously designated in 2013”',
  );
  await expect(claimButton(page, 'The exporter was designated in 2013.')).not.toContainText(
    'No supporting evidence',
  );
});

test('a cited excerpt goes only with its links, and Undo brings both back', async ({ page }) => {
  await startInvestigation(page, 'Excerpt deletion', 'Claims');
  await addClaim(page, 'The exporter was designated in 2013.');
  await excerptFromPdf(
    page,
    fixture('pdf', 'designation-notice.pdf'),
    'previously designated in 2013',
  );
  await page.getByRole('button', { name: 'Link excerpt from page 1 to a claim' }).click();
  const link = page.getByRole('dialog', { name: /^Link to claim: Excerpt/ });
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();
  const excerpts = page.getByRole('list', { name: 'Excerpts' });
  await expect(excerpts.getByRole('listitem')).toHaveCount(1);

  // Asked first, with the claim that cites it; refused while the link would be left dangling.
  await page.getByRole('button', { name: 'Delete excerpt from page 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the excerpt from page 1?' });
  await expect(dialog.getByRole('list', { name: 'Claims citing this evidence' })).toContainText(
    'The exporter was designated in 2013.',
  );
  await dialog.getByRole('button', { name: 'Delete excerpt' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A claim cites this evidence');
  await expect(excerpts.getByRole('listitem')).toHaveCount(1);
  await dialog.getByLabel('Also remove the link').check();
  await dialog.getByRole('button', { name: 'Delete excerpt' }).click();
  await expect(dialog).toBeHidden();
  await expect(excerpts.getByRole('listitem')).toHaveCount(0);

  await page
    .getByRole('status')
    .filter({ hasText: 'Excerpt from page 1 deleted.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(excerpts.getByRole('listitem')).toHaveCount(1);
  await openTab(page, 'Claims');
  await openClaim(page, 'The exporter was designated in 2013.');
  await expect(page.getByRole('list', { name: 'Cited excerpt' })).toContainText(
    'supports · “previously designated in 2013”',
  );
});
