import { expect, test, type Page } from '@playwright/test';
import { fixture, fixtureSets } from '../fixtureSets';
import {
  addClaim,
  changeStatus,
  cite,
  claimButton,
  findEntity,
  openClaim,
  openTab,
  startInvestigation,
} from './app';
import { importCustomsFile } from './customs';

const ORIGIN = 'Russian customs declarations';
const FILTER = 'Poly Technologies → Ulan-Ude Aviation Plant, 2022';
const CLAIM = 'Poly Technologies shipped helicopter parts to the Ulan-Ude plant throughout 2022.';

async function newNote(
  page: Page,
  fields: { title: string; kind?: string; to?: string; outcome?: string },
) {
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  if (fields.kind) await dialog.getByLabel('Kind').selectOption({ label: fields.kind });
  await dialog.getByLabel('Title').fill(fields.title);
  if (fields.to) await dialog.getByLabel('Sent to').fill(fields.to);
  if (fields.outcome) await dialog.getByLabel('Outcome').selectOption({ label: fields.outcome });
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
}

async function expectSummary(page: Page) {
  const summary = page.getByRole('definition').filter({ hasText: 'source rows' });
  await expect(summary).toHaveText('13 (from 26 source rows)');
  const facts = page.getByLabel('Evidence summary');
  await expect(facts).toContainText('13 shipments by 2 datasets');
  await expect(facts).toContainText('2022-01-03 to 2022-11-15');
  await expect(facts).toContainText(`Independent origins1: ${ORIGIN}`);
  await expect(facts).toContainText('vendor-a-2022.csv (Vendor A) · vendor-b-2022.tsv (Vendor B)');
  await expect(facts).toContainText('ContradictingPoly Technologies denies any sale');
  await expect(page.getByRole('list', { name: 'Requests for comment' })).toContainText(
    'Questions to Poly Technologies (to Poly Technologies press office): No response',
  );
}

for (const set of fixtureSets)
  test(`two vendors of one origin: entities merged, 13 shipments each reported by 2 datasets, 1 origin (${set.title})`, async ({
    page,
  }) => {
    test.skip(!set.available, set.skipReason);
    test.slow();
    await startInvestigation(page, 'Corroboration', 'Datasets');
    await importCustomsFile(page, set.path('customs', 'vendor-a-2022.csv'), {
      vendor: 'Vendor A',
      origin: ORIGIN,
    });
    // The origin typed again in another case is the one the investigation already states.
    await importCustomsFile(page, set.path('customs', 'vendor-b-2022.tsv'), {
      vendor: 'Vendor B',
      origin: ORIGIN.toLowerCase(),
    });

    // The suggestion sees that POLY TECHNOLOGY and POLY TECHNOLOGIES look alike; the user agrees.
    await openTab(page, 'Entities');
    await page.getByRole('button', { name: 'Group POLY TECHNOLOGIES + POLY TECHNOLOGY' }).click();
    const naming = page.getByRole('dialog', { name: 'Group as one entity' });
    await naming.getByLabel('Entity name').fill('Poly Technologies');
    await naming.getByRole('button', { name: 'Group' }).click();
    await expect(naming).toBeHidden();

    // The list shows the group before anything else is selected in it (a reload resets a selection).
    const entities = page.getByRole('table', { name: 'Entities' });
    await expect(entities.getByRole('row', { name: /Poly Technologies/ }).first()).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

    // No rule sees that a Russian name, its English translation and an abbreviation are one plant.
    await findEntity(page, 'ulan');
    await entities.getByRole('checkbox', { name: 'Select ULAN UDE AVIATION PLANT JSC' }).check();
    await entities
      .getByRole('checkbox', { name: 'Select АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"' })
      .check();
    await findEntity(page, 'uap');
    await entities.getByRole('checkbox', { name: 'Select U-UAP JSC' }).check();
    await page.getByRole('button', { name: 'Merge selected (3)' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge 3 entities' });
    await merge.getByLabel('Name of the merged entity').fill('Ulan-Ude Aviation Plant');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(merge).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Ulan-Ude Aviation Plant' })).toBeVisible();
    const spellings = page.getByRole('table', { name: 'Spellings' });
    for (const spelling of [
      'JSC ULAN-UDE AVIATION PLANT',
      'ULAN UDE AVIATION PLANT JSC',
      'АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"',
      'U-UAP JSC',
    ])
      await expect(spellings.getByRole('cell', { name: spelling, exact: true })).toBeVisible();
    await expect(
      page.getByRole('img', { name: 'Shipments per month of Ulan-Ude Aviation Plant' }),
    ).toBeVisible();

    await findEntity(page, 'poly');
    await entities.getByRole('button', { name: 'Poly Technologies', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Poly Technologies' })).toBeVisible();
    for (const spelling of [
      'POLY TECHNOLOGIES INC',
      'POLY TECHNOLOGIES INCORPORATED',
      'POLY TECHNOLOGY INC.',
      'Poly Technologies, Inc.',
    ])
      await expect(spellings.getByRole('cell', { name: spelling, exact: true })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Counterparties' }).getByRole('row').nth(1),
    ).toContainText('Ulan-Ude Aviation Plant');

    // Counted as the claim counts: two vendors' rows of one shipment are one shipment.
    await expect(
      page.getByRole('definition').filter({ hasText: 'show shipments as shipper' }),
    ).toContainText('13 shipments from 26 rows');
    // The saved filter names entities, so every spelling comes with them.
    await page.getByRole('link', { name: 'show shipments as shipper' }).click();
    await expect(page.getByText('Shipper entity')).toBeVisible();
    // A name no entity has is refused in words; a full name pasted in is taken at once.
    const consignee = page.getByLabel('Consignee entity');
    await consignee.fill('Nonexistent Trading Co');
    await consignee.press('Tab');
    await expect(page.getByRole('alert')).toHaveText(
      'No entity is named “Nonexistent Trading Co”: this condition is not applied.',
    );
    await expect(consignee).toHaveAttribute('aria-invalid', 'true');
    await consignee.fill('ulan-ude  aviation plant');
    await expect(
      page.getByRole('button', { name: 'Clear consignee entity Ulan-Ude Aviation Plant' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByLabel('From date').fill('2022-01-01');
    await page.getByLabel('To date').fill('2022-12-31');
    const totals = page.getByRole('status', { name: 'Filtered shipments' });
    await expect(totals).toContainText(/^13 shipments from 26 of 70\d rows/);
    await page.getByText(/^Saved filters/).click();
    await page.getByLabel('Filter name').fill(FILTER);
    await page.getByRole('button', { name: 'Save filter' }).click();
    await expect(page.getByRole('button', { name: `Apply filter ${FILTER}` })).toBeVisible();

    await openTab(page, 'Notes');
    await newNote(page, {
      title: 'Questions to Poly Technologies',
      kind: 'Request for comment',
      to: 'Poly Technologies press office',
      outcome: 'No response',
    });
    await newNote(page, { title: 'Poly Technologies denies any sale' });

    await openTab(page, 'Claims');
    await addClaim(page, CLAIM);
    await openClaim(page, CLAIM);
    await cite(page, 'Ulan-Ude Aviation Plant, 2022', FILTER, 'supports');
    await cite(page, 'questions to poly', 'Questions to Poly Technologies', 'context');
    await cite(page, 'denies any sale', 'Poly Technologies denies any sale', 'contradicts');
    await expect(page.getByRole('list', { name: 'Cited source note' })).toContainText(
      'contradicts · Poly Technologies denies any sale',
    );
    await expect(page.getByRole('list', { name: 'Cited shipments (saved filter)' })).toContainText(
      'live: matches 26 rows',
    );
    await expectSummary(page);

    await page.reload();
    await openClaim(page, CLAIM);
    await expectSummary(page);

    // Put right after the import: vendor B's copy turns out to come from another origin.
    await openTab(page, 'Datasets');
    await page.getByRole('button', { name: 'Provenance of vendor-b-2022.tsv' }).click();
    const provenance = page.getByRole('dialog', { name: 'Provenance of vendor-b-2022.tsv' });
    await expect(provenance.getByLabel('Origin')).toHaveValue(ORIGIN);
    await expect(provenance.locator('datalist option')).toHaveAttribute('value', ORIGIN);
    await provenance.getByLabel('Origin').fill('Chinese customs declarations');
    await provenance.getByRole('button', { name: 'Save' }).click();
    await expect(provenance).toBeHidden();
    await openTab(page, 'Claims');
    await openClaim(page, CLAIM);
    await expect(page.getByLabel('Evidence summary')).toContainText(
      `Independent origins2: Chinese customs declarations · ${ORIGIN}`,
    );
    // Two origins: Corroborated's rule holds.
    await changeStatus(page, 'Corroborated', 'Vendor B’s copy comes from Chinese customs.');
    await expect(claimButton(page, CLAIM)).toContainText('Corroborated');
    await expect(page.getByText('Status rule not met.')).toHaveCount(0);

    // An origin left blank is unknown: it raises the count of nothing.
    await openTab(page, 'Datasets');
    await page.getByRole('button', { name: 'Provenance of vendor-b-2022.tsv' }).click();
    await provenance.getByLabel('Origin').fill('');
    await provenance.getByRole('button', { name: 'Save' }).click();
    await expect(provenance).toBeHidden();
    await openTab(page, 'Claims');
    await openClaim(page, CLAIM);
    await expect(page.getByLabel('Evidence summary')).toContainText(
      `Independent origins1: ${ORIGIN} (and 13 rows of unknown origin, not counted)`,
    );
    // One origin left: the claim breaks its status's rule, on its page, in the list, in the dossier.
    const shortfall = '“Corroborated” needs 2 independent origins; this claim’s evidence has 1.';
    await expect(
      page.getByRole('status').filter({ hasText: 'Status rule not met.' }),
    ).toContainText(shortfall);
    await expect(claimButton(page, CLAIM)).toContainText('Status rule not met');
    await openTab(page, 'Dossier');
    await page
      .getByLabel('Profile')
      .selectOption({ label: 'Full (for the editor and the lawyer)' });
    const preview = page.frameLocator('iframe[title="Dossier preview"]');
    await expect(preview.getByText(`Status rule not met: ${shortfall}`)).toBeVisible();
    await expect(preview.getByText('(its rule: at least 2 independent origins)')).toBeVisible();
    await page.getByLabel('Profile').selectOption({ label: 'Publication' });
    await expect(preview.getByText('Publication dossier')).toBeVisible();
    await expect(preview.getByText(/Status rule not met/)).toHaveCount(0);
  });

test('a shipment row is cited from the table, a saved filter’s count follows new imports, and cited rows are not deleted silently', async ({
  page,
}) => {
  test.slow();
  const claim = 'Poly Technologies shipped parts in 2022.';
  await startInvestigation(page, 'Live evidence', 'Datasets');
  await importCustomsFile(page, fixture('customs', 'vendor-a-2022.csv'));
  await openTab(page, 'Claims');
  await addClaim(page, claim);

  await openTab(page, 'Shipments');
  await page.getByLabel('Party', { exact: true }).fill('poly tech');
  await page.getByLabel('Party role').selectOption('shipper');
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await expect(totals).toContainText(/^13 shipments from 13 of 400 rows/);
  await page.getByText(/^Saved filters/).click();
  await page.getByLabel('Filter name').fill('Poly as shipper');
  await page.getByRole('button', { name: 'Save filter' }).click();
  await page.getByRole('table', { name: 'Shipments' }).getByRole('row').nth(1).click();
  const detail = page.getByRole('complementary', { name: /Row \d+ of vendor-a-2022.csv/ });
  // Its cells as the file gives them, read again from the stored original (lineIndex.ts).
  const cells = detail.locator('.raw-cells .fact');
  await expect(cells).toHaveCount(10);
  await expect(cells.filter({ hasText: 'EXPORTER NAME' })).toContainText(/POLY TECHNOLOGIES/);
  await expect(cells.filter({ hasText: 'STATISTICAL VALUE USD' })).toContainText(
    /^STATISTICAL VALUE USD[\d,]+\.\d\d$/,
  );
  await detail.getByRole('button', { name: 'Link to claim' }).click();
  const link = page.getByRole('dialog', { name: /^Link to claim: 2022-/ });
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();

  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await expect(page.getByRole('list', { name: 'Cited shipment', exact: true })).toContainText(
    /supports · 2022-.* → .*, vendor-a-2022.csv row \d+/,
  );
  await cite(page, 'Poly as shipper', 'Poly as shipper', 'supports');
  const filters = page.getByRole('list', { name: 'Cited shipments (saved filter)' });
  await expect(filters).toContainText('live: matches 13 rows');

  await openTab(page, 'Datasets');
  await importCustomsFile(page, fixture('customs', 'vendor-b-2022.tsv'));
  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await expect(filters.getByRole('note')).toContainText('Count changed: was 13, now 26');
  await filters.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(filters.getByRole('note')).toBeHidden();
  await expect(filters).toContainText('live: matches 26 rows');

  await openTab(page, 'Datasets');
  await page.getByRole('button', { name: 'Delete dataset vendor-a-2022.csv' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete dataset “vendor-a-2022.csv”?' });
  await expect(confirm.getByRole('list', { name: 'Claims citing this evidence' })).toHaveText(
    claim,
  );
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(confirm.getByRole('alert')).toContainText('A claim cites this evidence');
  await confirm.getByRole('checkbox', { name: /Also remove the link/ }).check();
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(confirm).toBeHidden();

  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await expect(page.getByRole('list', { name: 'Cited shipment', exact: true })).toBeHidden();
  await expect(page.getByRole('list', { name: 'Claim history' })).toContainText(
    'No longer cites supports: Shipment',
  );
});
