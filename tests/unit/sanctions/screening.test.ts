import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { screenFiles } from '../../../scripts/screen';
import { seededRandom } from '../../../scripts/seededRandom';
import {
  fixtureStoryTargets,
  snapshotText,
  type StoryTarget,
} from '../../../scripts/fixtures/sanctionsSnapshot';
import { partyKey } from '../../../shared/customs/partyKey';
import {
  completeTargets,
  SnapshotReader,
  type SanctionsTarget,
} from '../../../shared/sanctions/ftm';
import { ScreeningIndex, identifierKindOf } from '../../../shared/sanctions/screening';
import { ownFixtures, teamFixtures, type FixtureSet } from '../../fixtureSets';

const run = promisify(execFile);
const CLI_TIMEOUT = 60_000;

function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'waybill-screen-')), name);
  writeFileSync(file, text);
  return file;
}

/** Targets read from generated lines, as the app reads them. */
function targetsOf(targets: readonly StoryTarget[]) {
  const held: SanctionsTarget[] = [];
  const reader = new SnapshotReader((target) => held.push(target));
  snapshotText({ targets })
    .split('\n')
    .forEach((line, index) => reader.line(line, index + 1));
  return completeTargets(held, reader.finish());
}

/** The groupings a user makes by hand in the story (the spellings no key joins). */
const storyMerges: [string, string][] = [
  ['POLY TECHNOLOGY INC.', 'Poly Technologies, Inc.'],
  ['U-UAP JSC', 'ULAN UDE AVIATION PLANT JSC'],
  ['АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"', 'ULAN UDE AVIATION PLANT JSC'],
  ['UNITED ENGINE CORP JSC (UEC)', 'JSC UNITED ENGINE CORPORATION'],
  ['АО "ОБЪЕДИНЕННАЯ ДВИГАТЕЛЕСТРОИТЕЛЬНАЯ КОРПОРАЦИЯ"', 'JSC UNITED ENGINE CORPORATION'],
  ['AVIC INTL HOLDING CORP', 'AVIC INTERNATIONAL HOLDING CORPORATION'],
  [
    'CHINA NATIONAL AERO-TECHNOLOGY IMPORT & EXPORT CORP (AVIC INTERNATIONAL)',
    'AVIC INTERNATIONAL HOLDING CORPORATION',
  ],
];

type Report = Awaited<ReturnType<typeof screenFiles>>;

/** The pair whose parties hold these spellings, and the periods counted for a target. */
function periods(report: Report, shipper: string, consignee: string, target: string) {
  const partyOf = (spelling: string) =>
    report.parties.find((party) => party.spellings.some((entry) => entry.spelling === spelling));
  const pair = report.pairs.find(
    (entry) =>
      entry.shipper === partyOf(shipper)?.name && entry.consignee === partyOf(consignee)?.name,
  )!;
  const side = pair.designations.find((entry) => entry.target === target)!;
  return {
    shipments: pair.shipments,
    inside: side.periods.map(({ period, inside }) => `${period}: ${inside}`),
  };
}

/** The known answers of the story, for a snapshot's ids of the three story targets. */
function checkStory(report: Report, ids: { poly: string; plant: string; uec: string }) {
  expect(
    periods(report, 'POLY TECHNOLOGIES INC', 'ULAN UDE AVIATION PLANT JSC', ids.plant),
  ).toEqual({ shipments: 13, inside: ['from 2022-03-15: 10'] });
  const poly = periods(report, 'POLY TECHNOLOGIES INC', 'ULAN UDE AVIATION PLANT JSC', ids.poly);
  expect(poly.inside[1]).toBe('from 2022-06-01: 7');
  expect(poly.inside[0]).toMatch(/: 13$/);
  expect(
    periods(
      report,
      'AVIC INTERNATIONAL HOLDING CORPORATION',
      'JSC UNITED ENGINE CORPORATION',
      ids.uec,
    ),
  ).toEqual({ shipments: 7, inside: ['from 2022-02-24: 5'] });
  expect(
    periods(
      report,
      'JSC UNITED ENGINE CORPORATION',
      'AVIC INTERNATIONAL HOLDING CORPORATION',
      ids.uec,
    ),
  ).toEqual({ shipments: 5, inside: ['from 2022-02-24: 5'] });
}

describe('screening', () => {
  const index = new ScreeningIndex(targetsOf(fixtureStoryTargets));
  const top = (spelling: string, identifiers: { scheme: string; value: string }[] = []) =>
    index.screen({ spellings: [spelling], identifiers })[0];

  it('ranks by tier: an equal identifier of the same kind, then an equal key, then alike names', () => {
    expect(top('Some Other Name', [{ scheme: 'INN', value: '0323 018 510' }])).toMatchObject({
      targetId: 'own-ulan-ude-aviation-plant',
      tier: 1,
      automatic: true,
    });
    // The same number as another kind of identifier is not a match.
    expect(top('Some Other Name', [{ scheme: 'OGRN', value: '0323018510' }])).toBeUndefined();
    expect(top('Some Other Name', [{ scheme: '', value: '0323018510' }])).toBeUndefined();
    expect(top('АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"')).toMatchObject({
      targetId: 'own-ulan-ude-aviation-plant',
      tier: 2,
      automatic: false,
    });
    expect(top('POLY TECHNOLOGY INC.')).toMatchObject({
      targetId: 'own-poly-technologies',
      tier: 3,
      automatic: false,
    });
    expect(top('UNITED ENGINE CORP JSC (UEC)')).toMatchObject({
      targetId: 'own-united-engine-corporation',
      tier: 3,
    });
    expect(identifierKindOf('Reg. no.')).toBe('registrationNumber');
    expect(identifierKindOf('customer number')).toBeNull();
  });

  it('never matches a weak alias alone, and says when one agrees', () => {
    expect(index.screen({ spellings: ['PTI'], identifiers: [] })).toEqual([]);
    const both = index.screen({ spellings: ['POLY TECHNOLOGIES INC', 'PTI'], identifiers: [] });
    expect(both[0].reason).toMatch(/also spelt as its weak alias “PTI”/);
  });

  it('keeps a near miss below the true target', () => {
    // One word from Poly Technologies, and one from AVIC International Holding.
    const poly = index.screen({ spellings: ['POLY TECHNOLOGY INC.'], identifiers: [] });
    expect(poly.map((candidate) => candidate.targetId)).toEqual([
      'own-poly-technologies',
      'own-poly-technology-solutions',
    ]);
    const avic = index.screen({
      spellings: ['AVIC INTERNATIONAL HOLDING CORPORATION'],
      identifiers: [],
    });
    expect(avic.every((candidate) => candidate.tier === 3 && !candidate.automatic)).toBe(true);
  });

  /**
   * Generated near-miss sets: a true target and, beside it, one with a word changed, one with the
   * legal form changed, one sharing the name's start; the party is spelt as customs files spell
   * it. Measured over the seeds: how often the true target ranks first, and how often a near
   * miss would be taken without confirmation.
   */
  it('ranks the true target first over near misses, and never takes a near miss alone', () => {
    const words = [
      'ALBOR',
      'KARMIN',
      'TEKVOL',
      'GRANSEV',
      'ZARNOV',
      'PROHUA',
      'XINJIN',
      'AVIASTAL',
    ];
    const forms = [
      ['LLC', 'OOO'],
      ['JSC', 'AO'],
      ['CO LTD', 'COMPANY LIMITED'],
      ['INC', 'INCORPORATED'],
    ];
    let first = 0;
    let nearMissTaken = 0;
    const seeds = 200;
    for (let seed = 1; seed <= seeds; seed += 1) {
      const random = seededRandom(seed);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
      const [a, b, c] = [pick(words), pick(words), pick(words)];
      const [form, alsoForm] = pick(forms);
      const otherForm = pick(forms.filter((entry) => entry[0] !== form))[0];
      const inn = String(1_000_000_000 + Math.floor(random() * 8_999_999_999));
      const target = (id: string, name: string, extra: Partial<StoryTarget> = {}): StoryTarget => ({
        id,
        schema: 'Company',
        name,
        country: 'ru',
        sanctions: [{ id: `${id}-s`, list: 'list_a', program: 'P', start: '2020-01-01' }],
        ...extra,
      });
      const seededIndex = new ScreeningIndex(
        targetsOf([
          target('near-word', `${a} ${b} ${pick(words.filter((word) => word !== c))} ${form}`),
          target('near-form', `${a} ${b} ${c} ${otherForm}`, {
            identifiers: { registrationNumber: inn },
          }),
          target('near-prefix', `${a}${b.slice(0, 3)} ${c} ${form}`),
          target('true', `${a} ${b} ${c} ${form}`, { identifiers: { innCode: inn } }),
        ]),
      );
      const spelling = pick([
        `${a} ${b} ${c} ${form}`,
        `${alsoForm} "${a} ${b} ${c}"`,
        `${a.toLowerCase()} ${b}-${c}, ${form}`,
      ]);
      const withInn = random() < 0.5;
      const candidates = seededIndex.screen({
        spellings: [spelling],
        identifiers: withInn ? [{ scheme: 'INN', value: inn }] : [],
      });
      if (candidates[0]?.targetId === 'true') first += 1;
      nearMissTaken += candidates.filter(
        (candidate) => candidate.automatic && candidate.targetId !== 'true',
      ).length;
    }
    expect({ firstRate: first / seeds, nearMissTaken }).toEqual({ firstRate: 1, nearMissTaken: 0 });
  });
});

/** The story's known answers through `npm run screen`'s own function, on each set of files. */
function screenStory(
  set: FixtureSet,
  snapshot: string,
  ids: { poly: string; plant: string; uec: string },
) {
  return async () => {
    const customs = ['vendor-a-2022.csv', 'vendor-b-2022.tsv'].map((name) =>
      set.path('customs', name),
    );
    const report = await screenFiles(snapshot, customs, { merges: storyMerges });
    checkStory(report, ids);
  };
}

const ownIds = {
  poly: 'own-poly-technologies',
  plant: 'own-ulan-ude-aviation-plant',
  uec: 'own-united-engine-corporation',
};

describe('npm run screen', () => {
  it(
    'counts distinct shipments inside each designation period, over two files (own fixtures)',
    async () => {
      const snapshot = tempFile(
        'own.ftm.json',
        snapshotText({ targets: fixtureStoryTargets, noise: 500 }),
      );
      await screenStory(ownFixtures, snapshot, ownIds)();
    },
    CLI_TIMEOUT,
  );

  it(
    'gives the same answers for the nested shape with shuffled lines (own fixtures)',
    async () => {
      const snapshot = tempFile(
        'own.nested.json',
        snapshotText({ targets: fixtureStoryTargets, noise: 500, nested: true, shuffle: true }),
      );
      await screenStory(ownFixtures, snapshot, ownIds)();
    },
    CLI_TIMEOUT,
  );

  it.skipIf(!teamFixtures.available)(
    'finds the five true targets first-ranked and keeps the near misses in the fuzzy tier (team fixtures)',
    async () => {
      const snapshot = teamFixtures.path('sanctions', 'snapshot-2024-01-15.ftm.json');
      const report = await screenFiles(snapshot, [
        teamFixtures.path('customs', 'vendor-a-2022.csv'),
      ]);
      const topOf = (spelling: string) =>
        report.parties
          .flatMap((party) => party.spellings)
          .find((entry) => entry.spelling === spelling)?.candidates[0];
      const expected: [string, string, number][] = [
        ['POLY TECHNOLOGIES INC', 'syn-poly-technologies', 2],
        ['POLY TECHNOLOGY INC.', 'syn-poly-technologies', 3],
        ['АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"', 'syn-ulan-ude-aviation-plant', 2],
        ['U-UAP JSC', 'syn-ulan-ude-aviation-plant', 2],
        ['JSC UNITED ENGINE CORPORATION', 'syn-united-engine-corporation', 2],
        ['UNITED ENGINE CORP JSC (UEC)', 'syn-united-engine-corporation', 3],
        ['АО "ОБЪЕДИНЕННАЯ ДВИГАТЕЛЕСТРОИТЕЛЬНАЯ КОРПОРАЦИЯ"', 'syn-united-engine-corporation', 2],
        ['LLC SIBTRADE', 'syn-sibtrade', 2],
        ['XIAMEN C&D LIGHT INDUSTRY', 'syn-xiamen-cd', 2],
      ];
      for (const [spelling, target, tier] of expected)
        expect(topOf(spelling), spelling).toMatchObject({ target, tier, automatic: false });
      const nearMisses = new Set(['syn-avic-intl-leasing', 'syn-poly-technology-solutions']);
      for (const party of report.parties)
        for (const [rank, candidate] of party.candidates.entries()) {
          if (!nearMisses.has(candidate.target)) continue;
          expect(candidate.tier).toBe(3);
          expect(candidate.automatic).toBe(false);
          // Never first where a true target is a candidate too.
          if (party.candidates.some((other) => !nearMisses.has(other.target)))
            expect(rank).toBeGreaterThan(0);
        }
      const xiamen = report.parties.find((party) =>
        party.keys.includes(partyKey('XIAMEN C&D LIGHT INDUSTRY')),
      )!;
      expect(xiamen.candidates[0].designations[0]).toMatchObject({
        status: 'formerly listed',
        period: 'from 2016-04-01 to 2019-12-31',
      });
      const merged = await screenFiles(
        snapshot,
        ['vendor-a-2022.csv', 'vendor-b-2022.tsv'].map((name) =>
          teamFixtures.path('customs', name),
        ),
        { merges: storyMerges },
      );
      checkStory(merged, {
        poly: 'syn-poly-technologies',
        plant: 'syn-ulan-ude-aviation-plant',
        uec: 'syn-united-engine-corporation',
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'exits 1 with one sentence when the snapshot is not one',
    async () => {
      const notSnapshot = ownFixtures.path('customs', 'vendor-a-2022.csv');
      const failure = await run(
        'npx',
        ['tsx', 'scripts/screen.ts', notSnapshot, ownFixtures.path('customs', 'vendor-b-2022.tsv')],
        { timeout: CLI_TIMEOUT },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(failure).toMatchObject({
        code: 1,
        stderr:
          'vendor-a-2022.csv is not a sanctions snapshot: its first megabyte holds no FollowTheMoney entity.\n',
      });
    },
    CLI_TIMEOUT,
  );
});
