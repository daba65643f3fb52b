import { writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { sampleCaseTargets, snapshotText } from '../../scripts/fixtures/sanctionsSnapshot';
import { fixture } from '../fixtureSets';
import { findEntity, openClaim, openSampleInvestigation, openTab } from './app';

const NOISE = 3_000;
/** The sample's targets plus the generated ones, each with one designation. */
const TARGETS = sampleCaseTargets.length + NOISE;

async function openSettings(page: Page) {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Sanctions lists' })).toBeVisible();
}

function writeSnapshot(testInfo: TestInfo, name: string, text: string): string {
  const file = testInfo.outputPath(name);
  writeFileSync(file, text);
  return file;
}

async function importSnapshot(page: Page, file: string) {
  await page.getByLabel('Snapshot file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import snapshot' }).click();
}

/**
 * Imports a snapshot of the sample case's listed parties among generated ones, in Settings, then
 * goes back to the home page.
 */
async function importSampleSnapshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { noise: number; seed: number; shuffle?: boolean },
) {
  await openSettings(page);
  await importSnapshot(
    page,
    writeSnapshot(testInfo, name, snapshotText({ targets: sampleCaseTargets, ...options })),
  );
  await expect(page.getByRole('status')).toContainText(`Imported ${name}`);
  await page.goto('/');
}

/** The snapshots listed (the list's own items, not the lines listed inside one). */
const snapshots = (page: Page) =>
  page.getByRole('list', { name: 'Sanctions snapshots' }).locator(':scope > li');

test('a snapshot imports in either shape to the same listing; a broken line is reported, a CSV refused', async ({
  page,
}, testInfo) => {
  await openSettings(page);
  await expect(page.getByText('No sanctions snapshot is imported yet.')).toBeVisible();

  // A CSV given as a snapshot: refused in one sentence, nothing stored.
  await importSnapshot(page, fixture('customs', 'vendor-a-2022.csv'));
  await expect(page.getByRole('alert')).toHaveText(
    'vendor-a-2022.csv is not a sanctions snapshot: its first megabyte holds no FollowTheMoney entity.',
  );
  await expect(page.getByText('No sanctions snapshot is imported yet.')).toBeVisible();

  // The flat shape, one line broken: the rest is read, the line reported by number.
  const lines = snapshotText({ targets: sampleCaseTargets, noise: NOISE, seed: 5 }).split('\n');
  lines.splice(4, 0, '{"id": "cut-short", "schema": "Company", "properties": {');
  await importSnapshot(page, writeSnapshot(testInfo, 'entities.ftm.json', lines.join('\n')));
  await expect(page.getByRole('status')).toHaveText(
    `Imported entities.ftm.json: ${TARGETS.toLocaleString('en')} listed parties, ${TARGETS.toLocaleString('en')} designations; 1 line could not be read (listed below).`,
  );
  const flat = snapshots(page).filter({ hasText: 'entities.ftm.json' });
  await expect(flat).toContainText('dated 2024-01-15 (from the file)');
  await flat.getByText('1 line could not be read').click();
  await expect(flat.getByRole('list', { name: /^Lines of/ })).toHaveText('Line 5: not valid JSON');

  // The nested shape, lines shuffled, the date given by hand: the same parties and designations.
  const nested = snapshotText({
    targets: sampleCaseTargets,
    noise: NOISE,
    seed: 5,
    nested: true,
    shuffle: true,
  });
  await page.getByLabel('Snapshot date (leave empty to take it from the file)').fill('2024-01-20');
  await importSnapshot(page, writeSnapshot(testInfo, 'targets.nested.json', nested));
  await expect(page.getByRole('status')).toHaveText(
    `Imported targets.nested.json: ${TARGETS.toLocaleString('en')} listed parties, ${TARGETS.toLocaleString('en')} designations.`,
  );
  await expect(snapshots(page)).toHaveCount(2);
  const second = snapshots(page).first();
  await expect(second).toContainText('targets.nested.json');
  await expect(second).toContainText('dated 2024-01-20 (as given)');

  // The same file again is refused; a reload keeps both.
  await importSnapshot(page, testInfo.outputPath('targets.nested.json'));
  await expect(page.getByRole('alert')).toHaveText(
    'targets.nested.json is already imported: it is the snapshot targets.nested.json of 2024-01-20.',
  );
  await page.reload();
  await expect(snapshots(page)).toHaveCount(2);

  // Removed after confirmation.
  await page
    .getByRole('button', { name: 'Remove the snapshot entities.ftm.json of 2024-01-15' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove snapshot' }).click();
  await expect(snapshots(page)).toHaveCount(1);
});

test('a snapshot import can be cancelled, and leaves nothing behind', async ({
  page,
}, testInfo) => {
  await openSettings(page);
  const file = writeSnapshot(
    testInfo,
    'large.ftm.json',
    snapshotText({ targets: sampleCaseTargets, noise: 150_000, seed: 9, shuffle: true }),
  );
  await importSnapshot(page, file);
  const progress = page.getByRole('progressbar', { name: 'Snapshot import progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/listed parties$/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status')).toHaveText('Import cancelled: nothing was kept.');
  await expect(page.getByText('No sanctions snapshot is imported yet.')).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('waybill-reference');
        request.onerror = () => reject(new Error('no reference database'));
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('targetBlocks').objectStore('targetBlocks').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(stored).toBe(0);
});

test('the sample’s parties are screened: confirmed, taken by identifier, formerly listed, dismissed, compared', async ({
  page,
}, testInfo) => {
  test.slow();
  await importSampleSnapshot(page, testInfo, 'sample.ftm.json', {
    noise: 2_000,
    seed: 11,
    shuffle: true,
  });
  await openSampleInvestigation(page);
  // Screened as the case opens, whichever tab is shown: what it found is kept in the case.
  await openTab(page, 'History');
  await expect(
    page
      .getByRole('table', { name: 'Audit log' })
      .getByRole('row')
      .filter({ hasText: 'Sanctions screening' }),
  ).toContainText('sample.ftm.json of 2024-01-15', { timeout: 30_000 });
  await openTab(page, 'Entities');
  const entitiesPage = page.url();
  const entities = page.getByRole('table', { name: 'Entities' });

  // A name key equal: a candidate until the user confirms it; confirmed, it stays after a reload.
  await findEntity(page, 'northstar');
  await entities.getByRole('button', { name: 'Northstar Avia Trading', exact: true }).click();
  const northstar = page.getByRole('list', { name: 'Candidates in sample.ftm.json' });
  await expect(northstar.getByRole('listitem').first()).toContainText(
    'Northstar Avia Trading Co., Ltd. · Tier 2: the same name · Not confirmed',
  );
  await expect(northstar).toContainText('Listed on list_b from 2022-03-15');
  await page
    .getByRole('button', {
      name: 'Confirm Northstar Avia Trading Co., Ltd. as Northstar Avia Trading',
    })
    .click();
  const confirmed = page.getByRole('list', { name: 'Confirmed sanctions matches' });
  await expect(confirmed).toContainText(
    'Northstar Avia Trading Co., Ltd. (Tier 2: the same name), confirmed',
  );
  await expect(confirmed).toContainText('against sample.ftm.json of 2024-01-15');
  // A reload closes the entity (the URL holds no selection): opened again, it is still confirmed.
  await page.reload();
  await findEntity(page, 'northstar');
  await entities.getByRole('button', { name: 'Northstar Avia Trading', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Confirmed sanctions matches' })).toContainText(
    'Northstar Avia Trading Co., Ltd.',
  );

  // The same INN as the listed plant: taken as a match without confirmation, still shown.
  await findEntity(page, 'krasnogorsk');
  await entities.getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant', exact: true }).click();
  const plant = page.getByRole('list', { name: 'Candidates in sample.ftm.json' });
  await expect(plant.getByRole('listitem').first()).toContainText(
    'Krasnogorsk Rotorcraft Plant JSC · Tier 1: the same identifier · Taken as a match: the same identifier',
  );
  await expect(plant).toContainText('INN 0000000001 is the listed INN');
  await expect(plant).toContainText('Listed on list_a in or after February 2022');

  // Delisted before the snapshot: shown as formerly listed, never as current.
  await findEntity(page, 'harbour');
  await entities.getByRole('button', { name: /^HARBOUR LIGHT TRADING/ }).click();
  const harbour = page.getByRole('list', { name: 'Candidates in sample.ftm.json' });
  await expect(harbour).toContainText('Formerly listed on list_c from 2016-04-01 to 2019-12-31');
  await expect(harbour).not.toContainText('Listed on');

  // A near miss: a similar name only; dismissed, it says so.
  await findEntity(page, 'volga');
  await entities.getByRole('button', { name: 'Volga Turbine Works', exact: true }).click();
  const volga = page.getByRole('list', { name: 'Candidates in sample.ftm.json' });
  await expect(volga.getByRole('listitem').first()).toContainText(
    'Volga Turbine Trading LLC · Tier 3: a similar name · Not confirmed',
  );
  await page.getByRole('button', { name: 'Dismiss Volga Turbine Trading LLC' }).click();
  await expect(volga.getByRole('listitem').first()).toContainText('· Dismissed');

  // A later snapshot leaves Northstar's designation out and ends the plant's with a new one.
  const later = sampleCaseTargets.map((target) =>
    target.id === 'sample-northstar'
      ? { ...target, sanctions: [] }
      : target.id === 'sample-krasnogorsk'
        ? {
            ...target,
            sanctions: [
              { ...target.sanctions[0], end: '2024-02-20' },
              {
                id: 'sample-sanc-krp-2024',
                list: 'list_c',
                program: 'Programme R',
                start: '2024-02-21',
              },
            ],
          }
        : target,
  );
  await openSettings(page);
  await page.getByLabel('Snapshot date (leave empty to take it from the file)').fill('2024-03-01');
  await importSnapshot(
    page,
    writeSnapshot(
      testInfo,
      'later.ftm.json',
      snapshotText({ targets: later, noise: 2_000, seed: 11 }),
    ),
  );
  await expect(page.getByRole('status')).toContainText('Imported later.ftm.json');
  await page.goto(entitiesPage);
  // The whole case at a glance: every listed party its entities are matched with.
  await expect(
    page.getByRole('list', {
      name: 'The case’s matches, from sample.ftm.json of 2024-01-15 to later.ftm.json of 2024-03-01',
    }),
  ).toHaveText(
    [
      'Krasnogorsk Rotorcraft Plant JSC: delisted, on list_a in or after February 2022 to 2024-02-20',
      'Krasnogorsk Rotorcraft Plant JSC: newly listed on list_c from 2024-02-21',
      'Northstar Avia Trading Co., Ltd.: no longer listed on list_b from 2022-03-15 (delisted between 2024-01-15 and 2024-03-01)',
    ].join(''),
  );
  await findEntity(page, 'northstar');
  await entities.getByRole('button', { name: 'Northstar Avia Trading', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Since sample.ftm.json of 2024-01-15' })).toHaveText(
    'Northstar Avia Trading Co., Ltd.: no longer listed on list_b from 2022-03-15 (delisted between 2024-01-15 and 2024-03-01)',
  );
  await findEntity(page, 'krasnogorsk');
  await entities.getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant', exact: true }).click();
  const changes = page.getByRole('list', { name: 'Since sample.ftm.json of 2024-01-15' });
  await expect(changes.getByRole('listitem')).toHaveText([
    'Krasnogorsk Rotorcraft Plant JSC: delisted, on list_a in or after February 2022 to 2024-02-20',
    'Krasnogorsk Rotorcraft Plant JSC: newly listed on list_c from 2024-02-21',
  ]);
});

test('a claim cites a designation: its figure over the claim’s shipments on the claim page and in the dossier', async ({
  page,
}, testInfo) => {
  test.slow();
  await importSampleSnapshot(page, testInfo, 'cited.ftm.json', { noise: 500, seed: 12 });
  await openSampleInvestigation(page);
  const claim =
    'A Chinese state defense exporter sent at least a dozen shipments of helicopter parts and radio equipment to a Russian helicopter plant in 2022, through at least mid-November.';

  // Every entity is screened as the tab opens: those with a candidate by identifier or name
  // are listed with their best candidate and what the case decided.
  await openTab(page, 'Entities');
  await expect(page.getByRole('status', { name: 'Sanctions screening result' })).toContainText(
    '12 entities screened against cited.ftm.json of 2024-01-15: 3 entities with a candidate by identifier or name (2 not decided), 1 entity with similar names only.',
  );
  const screened = page.getByRole('list', {
    name: 'Entities with a candidate by identifier or name',
  });
  await expect(screened).toContainText(
    'Krasnogorsk Rotorcraft Plant tier 1: Krasnogorsk Rotorcraft Plant JSC · taken as a match: the same identifier',
  );

  // The plant is taken by its INN (tier 1): citing its designation confirms the match.
  await findEntity(page, 'krasnogorsk');
  await page
    .getByRole('table', { name: 'Entities' })
    .getByRole('button', { name: 'Krasnogorsk Rotorcraft Plant', exact: true })
    .click();
  await page
    .getByRole('button', {
      name: 'Cite the list_a designation of Krasnogorsk Rotorcraft Plant JSC in a claim',
    })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Claim').selectOption({ label: `${claim.slice(0, 100)}…` });
  await dialog.getByRole('button', { name: 'Link' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Confirmed sanctions matches' })).toContainText(
    'Krasnogorsk Rotorcraft Plant JSC (Tier 1: the same identifier), confirmed',
  );
  await expect(screened).toContainText(
    'Krasnogorsk Rotorcraft Plant tier 1: Krasnogorsk Rotorcraft Plant JSC · confirmed',
  );
  // Confirmed, its designation period is shown over the plant's shipments per month.
  await page.getByText('Shipments per month as a table').click();
  const months = page.getByRole('table', {
    name: 'Shipments per month of Krasnogorsk Rotorcraft Plant, table',
  });
  const label = 'list_a: Krasnogorsk Rotorcraft Plant JSC, in or after February 2022';
  await expect(months.getByRole('row', { name: /^2022-01 / })).toContainText('—');
  await expect(months.getByRole('row', { name: /^2022-02 / })).toContainText(
    `${label} (part of the month or uncertain)`,
  );
  await expect(months.getByRole('row', { name: /^2022-03 / })).toContainText(label);

  // The Shipments tab: the rows whose consignee was certainly designated on their date: the
  // plant's 26 rows as consignee less 2 of January and 4 of February before its last day, and
  // Northstar's 8, flagged by hand "sanctioned … since 2013-05-14" (a declared designation).
  await openTab(page, 'Shipments');
  const totals = page.getByRole('status', { name: 'Filtered shipments' });
  await expect(totals).toContainText('of 316 rows');
  await page
    .getByRole('combobox', { name: 'Designated at the time' })
    .selectOption('Consignee designated');
  await expect(totals).toContainText('from 28 of 316 rows');
  // Which list, since when: the plant's 20 on list_a; Northstar's 8 by a flag declared since 2013.
  const onList = page.getByRole('combobox', { name: 'On list' });
  await onList.selectOption('list_a');
  await expect(totals).toContainText('from 20 of 316 rows');
  await onList.selectOption('declared (a sanctions flag set by hand)');
  await expect(totals).toContainText('from 8 of 316 rows');
  await onList.selectOption('Any list');
  await page.getByLabel('Designated from').fill('2020-01-01');
  await expect(totals).toContainText('from 20 of 316 rows');
  await page.getByLabel('Designated from').fill('');
  await expect(totals).toContainText('from 28 of 316 rows');
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Designated at the time' }).check();
  const shipments = page.getByRole('table', { name: 'Shipments' });
  await expect(
    shipments
      .getByRole('row')
      .filter({ hasText: `consignee: ${label}` })
      .first(),
  ).toBeVisible();
  await expect(
    shipments
      .getByRole('row')
      .filter({
        hasText: 'consignee: declared: sanctioned by Office of Sample Sanctions since 2013-05-14',
      })
      .first(),
  ).toBeVisible();

  // The claim page: the designation cited, and its figure over the claim's distinct shipments
  // (Northstar → plant in 2022: one on 3 January, before it; two in February, the month the list
  // gives, so uncertain; ten from March to November).
  const figure =
    '10 of 13 shipments inside the consignee’s designation period (in or after February 2022); 2 more in the month or year its date leaves open, not counted.';
  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await expect(page.getByRole('list', { name: 'Cited designation' })).toContainText(
    'list_a: Krasnogorsk Rotorcraft Plant JSC, in or after February 2022',
  );
  const periods = page.getByRole('list', { name: 'Designation periods' });
  await expect(periods).toContainText(
    `list_a: Krasnogorsk Rotorcraft Plant JSC, in or after February 2022: ${figure}`,
  );

  // The dossier states the same figure, lists the designation and the snapshot it was read from.
  await openTab(page, 'Dossier');
  const preview = page.frameLocator('iframe[title="Dossier preview"]');
  await expect(preview.getByText(figure)).toBeVisible();
  await expect(
    preview.getByRole('heading', { name: 'L1. Krasnogorsk Rotorcraft Plant JSC' }),
  ).toBeVisible();
  await expect(preview.getByRole('row', { name: /^snapshot cited\.ftm\.json/ })).toBeVisible();
  const claimPage = page.url();

  // Removing the cited snapshot names the case citing it and takes the user's explicit word; the
  // claim keeps its designation and figure, frozen in the case.
  await openSettings(page);
  await page
    .getByRole('button', { name: 'Remove the snapshot cited.ftm.json of 2024-01-15' })
    .click();
  const removal = page.getByRole('dialog', { name: 'Remove this snapshot?' });
  await expect(removal.getByRole('group', { name: 'Claims citing this snapshot' })).toContainText(
    'Sample: China–Russia defense trade 2022 (synthetic): 1 claim',
  );
  await removal.getByRole('button', { name: 'Remove snapshot' }).click();
  await expect(removal.getByRole('alert')).toContainText(
    'Claims cite designations from this snapshot: confirm that it goes anyway.',
  );
  await removal.getByRole('checkbox', { name: /Remove it anyway/ }).check();
  await removal.getByRole('button', { name: 'Remove snapshot' }).click();
  await expect(removal).toBeHidden();
  await expect(snapshots(page)).toHaveCount(0);
  await page.goto(claimPage);
  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await expect(page.getByRole('list', { name: 'Designation periods' })).toContainText(figure);

  // The case kept its screening: with no snapshot left in the app, the Entities tab still says
  // what it found, and the entity page still lists a kept candidate, which can still be decided.
  await openTab(page, 'Entities');
  await expect(page.getByText('This app no longer holds the snapshot')).toBeVisible();
  const result = page.getByRole('status', { name: 'Sanctions screening result' });
  await expect(result).toContainText(
    '12 entities screened against cited.ftm.json of 2024-01-15: 3 entities with a candidate by identifier or name (2 not decided)',
  );
  await findEntity(page, 'northstar');
  await page
    .getByRole('table', { name: 'Entities' })
    .getByRole('button', { name: 'Northstar Avia Trading', exact: true })
    .click();
  await expect(
    page.getByRole('list', { name: 'Candidates in cited.ftm.json' }).getByRole('listitem').first(),
  ).toContainText('Northstar Avia Trading Co., Ltd. · Tier 2: the same name · Not confirmed');
  await page
    .getByRole('button', {
      name: 'Confirm Northstar Avia Trading Co., Ltd. as Northstar Avia Trading',
    })
    .click();
  await expect(page.getByRole('list', { name: 'Confirmed sanctions matches' })).toContainText(
    'Northstar Avia Trading Co., Ltd. (Tier 2: the same name), confirmed',
  );
  await expect(result).toContainText('(1 not decided)');
});
