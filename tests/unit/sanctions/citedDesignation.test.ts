import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CitedEvidenceError } from '../../../renderer/src/case/evidence/citations';
import {
  citeDesignation,
  reconsiderMatch,
} from '../../../renderer/src/case/sanctions/sanctionsMatches';
import type { ScreenedCandidate } from '../../../renderer/src/case/sanctions/snapshots';
import { collectDossierInput } from '../../../renderer/src/features/dossier/collectDossierInput';
import { isoFromDays } from '../../../shared/customs/dates';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { addClaim } from '../../../renderer/src/case/claims/claimMutations';
import { buildDossier } from '../../../shared/dossier/build';
import { dossierFiles, packageDossier, sha256Hex } from '../../../shared/dossier/dossierPackage';
import type { Dossier } from '../../../shared/dossier/model';
import { verifyPackage } from '../../../shared/dossier/verify';
import {
  designationFigure,
  figureText,
  monthInPeriod,
  type PartyShipment,
} from '../../../shared/sanctions/designationPeriods';
import { declaredDesignations } from '../../../shared/sanctions/declaredDesignation';
import type { Designation } from '../../../shared/sanctions/ftm';
import { indexOf } from '../db/customsFixture';
import { citeRows, engineOf, matchedCase } from '../dossierCases';
import { snapshotRow } from './snapshotRow';

const designation = (start: string | null, end: string | null = null): Designation => ({
  id: 'sanction-1',
  authority: 'Authority A (synthetic)',
  program: 'Programme P (synthetic)',
  lists: ['list_a'],
  start,
  end,
  sourceUrl: 'https://sanctions.invalid/list_a/sanction-1',
  reason: '',
});

describe('a sanctions flag set by hand', () => {
  it('is a declared designation from its date, and only a sanctions flag with a date is', () => {
    const flag = (label: string, since: string) => ({ label, by: 'OFAC', since, excerptId: '' });
    const declared = declaredDesignations({
      id: 'entity-1',
      flags: [
        flag('sanctioned', '2022-03'),
        flag('Under sanctions', ''),
        flag('state-owned', '2013'),
        flag('Sanctioned', '2014-07-31'),
      ],
    });
    expect(declared.map(({ label }) => label)).toEqual([
      'declared: sanctioned by OFAC since 2022-03',
      'declared: Sanctioned by OFAC since 2014-07-31',
    ]);
    expect(declared[0].designation).toMatchObject({ start: '2022-03', end: null });
  });
});

describe('a month against a designation’s period', () => {
  it('is inside only when every day of it certainly is', () => {
    const period = designation('2022-03-15', '2023-06');
    expect(
      ['2022-02', '2022-03', '2022-04', '2023-05', '2023-06', '2023-07'].map((month) =>
        monthInPeriod(month, period),
      ),
    ).toEqual(['outside', 'partly', 'inside', 'inside', 'partly', 'outside']);
    expect(monthInPeriod('2013-02', designation('2013'))).toBe('partly');
    expect(monthInPeriod('2013-02', designation(null, '2012-12-31'))).toBe('outside');
  });
});

describe('a designation’s figure over a claim’s distinct shipments', () => {
  const day = (iso: string) => Date.parse(iso) / 86_400_000;
  const shipments: PartyShipment[] = [
    { day: day('2022-02-20'), shipper: 'a', consignee: 'b' },
    { day: day('2022-03-10'), shipper: 'a', consignee: 'b' },
    { day: day('2022-04-20'), shipper: 'a', consignee: 'b' },
    { day: day('2022-05-01'), shipper: 'c', consignee: 'd' },
  ];

  it('counts only the party’s shipments, names its role, and never counts an open month inside', () => {
    const consignee = designationFigure(shipments, 'b', designation('2022-03-15'), '2024-01-15');
    expect(figureText(consignee)).toBe(
      '1 of 3 shipments inside the consignee’s designation period (from 2022-03-15).',
    );
    const month = designationFigure(shipments, 'a', designation('2022-03'), '2024-01-15');
    expect(figureText(month)).toBe(
      '1 of 3 shipments inside the shipper’s designation period (in or after March 2022); 1 more in the month or year its date leaves open, not counted.',
    );
    const past = designationFigure(
      shipments,
      'b',
      designation('2022-01-01', '2022-03-31'),
      '2024-01-15',
    );
    expect(past).toMatchObject({ inside: 2, shipments: 3, status: 'formerly listed' });
    expect(figureText(designationFigure(shipments, 'x', designation('2022'), '2024-01-15'))).toBe(
      'None of the claim’s shipments has the designated party as shipper or consignee.',
    );
  });
});

const snapshot = snapshotRow('b'.repeat(64));

/** The rows of an index by the entity their consignee resolves to. */
function rowsByConsignee(index: Awaited<ReturnType<typeof indexOf>>): Map<string, number[]> {
  const view = index.view();
  const rows = new Map<string, number[]>();
  for (let row = 0; row < view.count; row += 1) {
    const consignee = view.entityIds[view.partyEntity[view.consignee[row]]];
    rows.set(consignee, [...(rows.get(consignee) ?? []), row]);
  }
  return rows;
}

describe('shipments designated at the time', () => {
  it('are the rows whose party was certainly designated on their date, and say by what', async () => {
    const { db } = await matchedCase();
    const index = await indexOf(db, true);
    const view = index.view();
    const byConsignee = rowsByConsignee(index);
    const busiest = [...byConsignee].sort((a, b) => b[1].length - a[1].length)[0];
    const [entityId, theirs] = busiest;
    const days = [...new Set(theirs.map((row) => view.date[row]))].sort((a, b) => a - b);
    const start = isoFromDays(days[Math.floor(days.length / 2)]);
    const sort = { column: 'row', direction: 'asc' } as const;
    const designated = { ...emptyShipmentFilter, designated: 'consignee' as const };
    expect(index.query(designated, sort).rows.length).toBe(0);

    index.setDesignations([
      { entityId, label: 'list_a: The Consignee', period: designation(start), lists: ['list_a'] },
    ]);
    const expected = theirs.filter((row) => view.date[row] >= days[Math.floor(days.length / 2)]);
    const found = Array.from(index.query(designated, sort).rows);
    expect(found.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(index.row(found[0]).designated).toBe('consignee: list_a: The Consignee');
    // Sorted by it, the designated rows come first (empty last), and the order follows a change.
    const byDesignation = index.query(emptyShipmentFilter, {
      column: 'designated',
      direction: 'asc',
    }).rows;
    expect(Array.from(byDesignation.subarray(0, expected.length)).sort((a, b) => a - b)).toEqual(
      expected,
    );
    // As shipper: only the rows where it ships, on or after the start.
    const shipperOf = (row: number) => view.entityIds[view.partyEntity[view.shipper[row]]];
    const asShipper = Array.from({ length: view.count }, (_, row) => row).filter(
      (row) => shipperOf(row) === entityId && view.date[row] >= days[Math.floor(days.length / 2)],
    );
    expect(Array.from(index.query({ ...designated, designated: 'shipper' }, sort).rows)).toEqual(
      asShipper,
    );
    // A year as the list gives it: a row within it is said to be uncertain, and not counted.
    const first = theirs[0];
    expect(isoFromDays(view.date[first]).endsWith('-12-31')).toBe(false);
    index.setDesignations([
      {
        entityId,
        label: 'list_a: The Consignee',
        period: designation(isoFromDays(view.date[first]).slice(0, 4)),
        lists: ['list_a'],
      },
    ]);
    expect(index.row(first).designated).toBe('consignee: list_a: The Consignee (uncertain)');
    expect(Array.from(index.query(designated, sort).rows)).not.toContain(first);

    // Which list, since when: a second designation of the consignee, on list_b from its first day.
    index.setDesignations([
      { entityId, label: 'list_a: The Consignee', period: designation(start), lists: ['list_a'] },
      {
        entityId,
        label: 'list_b: The Consignee',
        period: designation(isoFromDays(days[0])),
        lists: ['list_b'],
      },
    ]);
    expect(index.designationLists()).toEqual(['list_a', 'list_b']);
    const rowsOf = (filter: Partial<typeof designated>) =>
      Array.from(index.query({ ...designated, ...filter }, sort).rows).sort((a, b) => a - b);
    const all = theirs.filter((row) => view.date[row] >= days[0]).sort((a, b) => a - b);
    expect(all.length).toBeGreaterThan(expected.length);
    expect(rowsOf({})).toEqual(all);
    const resorted = index.query(emptyShipmentFilter, { column: 'designated', direction: 'asc' });
    expect(Array.from(resorted.rows.subarray(0, all.length)).sort((a, b) => a - b)).toEqual(all);
    expect(rowsOf({ designatedList: 'list_b' })).toEqual(all);
    expect(rowsOf({ designatedList: 'list_a' })).toEqual(expected);
    // Begun on or after the later start: list_a's only, whichever list is asked for.
    expect(rowsOf({ designatedSince: start })).toEqual(expected);
    expect(rowsOf({ designatedList: 'list_b', designatedSince: start })).toEqual([]);
  });
});

describe('a claim citing a designation', () => {
  it('states its figure in the dossier, which the verifier recomputes, and guards the match', async () => {
    const { db, investigation } = await matchedCase();
    // A claim citing two shipments to one consignee on different days and one to another: the
    // designation's period begins on the later day.
    const index = await indexOf(db, true);
    const view = index.view();
    const byConsignee = rowsByConsignee(index);
    const [consignee, theirs] = [...byConsignee].find(
      ([, rows]) => new Set(rows.map((row) => view.date[row])).size > 1,
    )!;
    theirs.sort((a, b) => view.date[a] - view.date[b]);
    const other = [...byConsignee].find(([id]) => id !== consignee)![1][0];
    const cited = [theirs[0], theirs.at(-1)!, other];
    const claim = await addClaim(db, { text: 'The plant received goods while designated.' });
    await citeRows(db, index, claim.id, cited);
    const days = [view.date[theirs[0]], view.date[theirs.at(-1)!]];
    const start = isoFromDays(days[1]);
    const candidate: ScreenedCandidate = {
      targetId: 'listed-plant',
      tier: 1,
      score: 1,
      reason: 'INN 0000000001 is the listed party’s INN',
      automatic: true,
      target: {
        id: 'listed-plant',
        schema: 'Company',
        caption: 'Listed Plant JSC',
        names: ['Listed Plant JSC'],
        aliases: [],
        weakAliases: [],
        previousNames: [],
        identifiers: [{ kind: 'innCode', value: '0000000001' }],
        countries: ['ru'],
        lists: ['list_a'],
        designations: [designation(start)],
      },
    };
    // A tier-1 candidate is confirmed as it is cited.
    await citeDesignation(db, {
      claimId: claim.id,
      label: 'Designation list_a: Listed Plant JSC',
      relation: 'supports',
      comment: '',
      of: { entityId: consignee, candidate, snapshot },
      designationId: 'sanction-1',
    });
    const [match] = await db.sanctionsMatches.toArray();
    expect(match).toMatchObject({ decision: 'confirmed', tier: 1, entityId: consignee });

    const input = await collectDossierInput(db, investigation, await engineOf(db), new Date());
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    const claims = dossier.sections.flatMap((section) => section.claims);
    const stated = claims.find((entry) => entry.text === claim.text)!.summary.designations[0];
    const number = claims.find((entry) => entry.text === claim.text)!.number;
    expect(stated).toMatchObject({ designation: 'L1', role: 'consignee', inside: 1, shipments: 2 });
    expect(stated.text).toBe(
      `1 of 2 shipments inside the consignee’s designation period (from ${start}).`,
    );
    expect(dossier.designations[0]).toMatchObject({
      target: 'Listed Plant JSC',
      start,
      snapshot: { date: '2024-01-15', sha256: 'b'.repeat(64) },
    });
    expect(dossier.sources.at(-1)).toMatchObject({ kind: 'snapshot', sha256: 'b'.repeat(64) });

    const zip = packageDossier(dossier, dossierFiles(dossier, null), { pdfMissingBecause: 'test' });
    expect((await verifyPackage(zip)).mismatches).toEqual([]);
    // A figure or a period changed, and the manifest made to agree: the verifier names each.
    const forge = (change: (forged: Dossier) => void) => {
      const files = unzipSync(zip);
      const forged = JSON.parse(strFromU8(files['dossier.json'])) as Dossier;
      change(forged);
      files['dossier.json'] = strToU8(`${JSON.stringify(forged, null, 2)}\n`);
      const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
        files: { name: string; bytes: number; sha256: string }[];
      };
      const listed = manifest.files.find((file) => file.name === 'dossier.json')!;
      listed.bytes = files['dossier.json'].length;
      listed.sha256 = sha256Hex(files['dossier.json']);
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
      return zipSync(files);
    };
    const where = async (zipped: Uint8Array) =>
      (await verifyPackage(zipped)).mismatches.map((entry) => entry.where);
    expect(
      await where(
        forge(
          (forged) =>
            (forged.sections
              .flatMap((section) => section.claims)
              .find((entry) => entry.number === number)!.summary.designations[0].inside = 2),
        ),
      ),
    ).toContain(`Claim ${number}: designation L1`);
    expect(
      await where(forge((forged) => (forged.designations[0].start = isoFromDays(days[0])))),
    ).toContain(`Claim ${number}: designation L1`);
    // A date that is not one is named, never read as an unknown start; a period in words that its
    // dates do not give is named too.
    const messages = async (zipped: Uint8Array) =>
      (await verifyPackage(zipped)).mismatches.map((entry) => `${entry.where}: ${entry.message}`);
    expect(await messages(forge((forged) => (forged.designations[0].start = 'soon')))).toContain(
      `Claim ${number}: designation L1: gives its start as "soon", not a date`,
    );
    expect(
      await where(forge((forged) => (forged.designations[0].period = 'from 1990-01-01'))),
    ).toContain('Designation L1: period');

    // The match is cited: taking it back is refused, unless its links go too.
    await expect(reconsiderMatch(db, match.id)).rejects.toBeInstanceOf(CitedEvidenceError);
    await reconsiderMatch(db, match.id, true);
    expect(await db.sanctionsMatches.count()).toBe(0);
    expect((await db.links.toArray()).some((link) => link.targetType === 'designation')).toBe(
      false,
    );
  });
});
