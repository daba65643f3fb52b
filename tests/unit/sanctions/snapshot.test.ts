import { describe, expect, it } from 'vitest';
import { compareDesignations } from '../../../shared/sanctions/compareSnapshots';
import { LineSplitter, MAX_LINE_CHARS } from '../../../shared/sanctions/ftm';
import {
  dayRange,
  parsePartialDate,
  periodText,
  placeInPeriod,
} from '../../../shared/sanctions/partialDate';
import {
  readSnapshot,
  readSnapshotTargets,
  SnapshotRefused,
} from '../../../shared/sanctions/readSnapshot';
import { daysFromParts } from '../../../shared/customs/dates';
import {
  fixtureStoryTargets,
  sampleCaseTargets,
  snapshotText,
} from '../../../scripts/fixtures/sanctionsSnapshot';

const encoder = new TextEncoder();

/** A text as a file streams it: in chunks of `size` bytes. */
function* chunks(text: string, size = 1000) {
  const bytes = encoder.encode(text);
  for (let offset = 0; offset < bytes.length; offset += size)
    yield bytes.subarray(offset, offset + size);
}

const read = (text: string, size?: number) =>
  readSnapshotTargets(chunks(text, size), 'snapshot.json');

/** Targets and designations in a form that does not depend on the order lines came in. */
const canonical = (targets: Awaited<ReturnType<typeof read>>['targets']) =>
  targets
    .map((target) => ({
      ...target,
      designations: [...target.designations].sort((a, b) => a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

const day = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number);
  return daysFromParts(year, month, date)!;
};

describe('partial dates', () => {
  it('keeps a list’s date as precise as it was given', () => {
    expect(parsePartialDate('2013')).toBe('2013');
    expect(parsePartialDate('2022-03')).toBe('2022-03');
    expect(parsePartialDate('2022-03-15')).toBe('2022-03-15');
    expect(parsePartialDate('2024-01-15T00:00:00')).toBe('2024-01-15');
    for (const bad of ['', '2022-13', '2022-02-30', 'March 2022', '22-03-15'])
      expect(parsePartialDate(bad)).toBeNull();
    expect(dayRange('2022-02')).toEqual({ first: day('2022-02-01'), last: day('2022-02-28') });
    expect(dayRange('2013')).toEqual({ first: day('2013-01-01'), last: day('2013-12-31') });
  });

  it('says a shipment is inside a period only when it certainly is', () => {
    const march = { start: '2022-03', end: null };
    expect(placeInPeriod(day('2022-04-20'), march)).toBe('inside');
    expect(placeInPeriod(day('2022-02-20'), march)).toBe('outside');
    expect(placeInPeriod(day('2022-03-10'), march)).toBe('uncertain');
    const delisted = { start: '2016-04-01', end: '2019-12-31' };
    expect(placeInPeriod(day('2019-12-31'), delisted)).toBe('inside');
    expect(placeInPeriod(day('2020-01-01'), delisted)).toBe('outside');
    expect(placeInPeriod(day('2019-06-01'), { start: '2016', end: '2019' })).toBe('uncertain');
    expect(periodText(march)).toBe('in or after March 2022');
    expect(periodText(delisted)).toBe('from 2016-04-01 to 2019-12-31');
    expect(periodText({ start: '2013', end: '2019-05' })).toBe(
      'in or after 2013 until some time in May 2019',
    );
  });
});

describe('reading a sanctions snapshot', () => {
  const targets = [...fixtureStoryTargets, ...sampleCaseTargets];

  it('reads both shapes, in any order of lines, to the same targets and designations', async () => {
    const flat = await read(snapshotText({ targets, noise: 300, seed: 3 }));
    const nested = await read(snapshotText({ targets, noise: 300, seed: 3, nested: true }));
    const shuffled = await read(snapshotText({ targets, noise: 300, seed: 3, shuffle: true }));
    const nestedShuffled = await read(
      snapshotText({ targets, noise: 300, seed: 3, nested: true, shuffle: true }),
    );
    expect(flat.targets).toHaveLength(targets.length + 300);
    expect(flat.problemCount).toBe(0);
    expect(flat.unmatchedSanctions).toBe(0);
    expect(flat.lastSeen).toBe('2024-01-15');
    for (const other of [nested, shuffled, nestedShuffled])
      expect(canonical(other.targets)).toEqual(canonical(flat.targets));
    const poly = flat.targets.find((target) => target.id === 'own-poly-technologies')!;
    expect(poly).toMatchObject({
      names: ['Poly Technologies Inc.'],
      aliases: ['POLY TECHNOLOGIES INCORPORATED', '保利科技有限公司'],
      weakAliases: ['PTI'],
      identifiers: [{ kind: 'registrationNumber', value: 'OWN-CN-0001' }],
    });
    expect(poly.designations.map(({ start, end, lists }) => ({ start, end, lists }))).toEqual([
      { start: '2013-02', end: null, lists: ['list_a'] },
      { start: '2022-06-01', end: null, lists: ['list_b'] },
    ]);
    const harbour = flat.targets.find((target) => target.id === 'sample-harbour-light')!;
    expect(harbour.designations[0]).toMatchObject({ start: '2016-04-01', end: '2019-12-31' });
  });

  it('reports a malformed line by its number and reads the rest', async () => {
    const lines = snapshotText({ targets: fixtureStoryTargets }).trimEnd().split('\n');
    lines.splice(2, 0, '{"id": "broken", "schema": "Company", "properties": {"name": [');
    lines.splice(4, 0, JSON.stringify({ id: 'x', schema: 'Company', properties: { name: [7] } }));
    lines.splice(5, 0, JSON.stringify({ id: 'y', schema: 'Company', caption: 'n'.repeat(3000) }));
    const snapshot = await read(`${lines.join('\n')}\n`);
    expect(snapshot.problems.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '3: not valid JSON',
      '5: not an entity Waybill can read at properties.name.0 (invalid input: expected string, received number)',
      '6: not an entity Waybill can read at caption (too big: expected string to have <=2000 characters)',
    ]);
    expect(snapshot.targets.map((target) => target.id).sort()).toEqual(
      fixtureStoryTargets.map((target) => target.id).sort(),
    );
  });

  it('skips a line beyond the bound without holding it, and reports it', () => {
    const seen: string[] = [];
    const tooLong: number[] = [];
    const splitter = new LineSplitter(
      (line, number) => seen.push(`${number}:${line}`),
      (number) => tooLong.push(number),
    );
    splitter.push('first\n');
    for (let part = 0; part < 5; part += 1) splitter.push('x'.repeat(MAX_LINE_CHARS / 4));
    splitter.push('x\nlast');
    splitter.end();
    expect(seen).toEqual(['1:first', '3:last']);
    expect(tooLong).toEqual([2]);
  });

  it('refuses a file whose first megabyte holds no FollowTheMoney entity, naming it', async () => {
    const csv = `date,shipper,consignee\n${'2022-01-01,A,B\n'.repeat(80_000)}`;
    await expect(read(csv, 64 * 1024)).rejects.toThrow(
      new SnapshotRefused(
        'snapshot.json is not a sanctions snapshot: its first megabyte holds no FollowTheMoney entity.',
      ),
    );
    await expect(read('{"not": "an entity"}\n')).rejects.toThrow(SnapshotRefused);
  });

  it('keeps only parties that are listed: a non-target is read past, a sanction waits for its target', async () => {
    const lines = [
      { id: 's1', schema: 'Sanction', properties: { entity: ['t1'], startDate: ['2020'] } },
      { id: 't1', schema: 'Company', properties: { name: ['Early Sanction LLC'] } },
      { id: 't2', schema: 'Person', target: false, properties: { name: ['A Director'] } },
      { id: 't3', schema: 'Company', properties: { name: ['No Flag, No Sanction'] } },
      { id: 't4', schema: 'Company', properties: { name: ['Late Sanction LLC'] } },
      { id: 'a1', schema: 'Address', properties: { full: ['1 Street'] } },
      { id: 's2', schema: 'Sanction', properties: { entity: ['nobody'] } },
      { id: 's3', schema: 'Sanction', properties: { entity: ['t4'], startDate: ['2021-02'] } },
    ];
    const snapshot = await read(lines.map((line) => JSON.stringify(line)).join('\n'));
    expect(
      snapshot.targets.map((target) => [target.id, target.designations.map((d) => d.start)]),
    ).toEqual([
      ['t1', ['2020']],
      ['t4', ['2021-02']],
    ]);
    expect(snapshot.unmatchedSanctions).toBe(1);
  });

  it('adds a sanction read long after its target, once the target was handed on', async () => {
    const lines = snapshotText({ targets: fixtureStoryTargets, noise: 1_500 })
      .trimEnd()
      .split('\n');
    const [sanction] = lines.splice(
      lines.findIndex((line) => line.includes('"own-sanc-uuap"')),
      1,
    );
    lines.push(sanction);
    const handedOn: string[][] = [];
    const snapshot = await readSnapshot(chunks(`${lines.join('\n')}\n`), 'late.json', {
      onTarget: (target) => {
        if (target.id === 'own-ulan-ude-aviation-plant')
          handedOn.push(target.designations.map((designation) => designation.id));
      },
    });
    // Handed on without it (more than a thousand lines came between), then given in the tail.
    expect(handedOn).toEqual([[]]);
    expect(snapshot.late.get('own-ulan-ude-aviation-plant')?.map((d) => d.id)).toEqual([
      'own-sanc-uuap',
    ]);
    const whole = await read(`${lines.join('\n')}\n`);
    const plant = whole.targets.find((target) => target.id === 'own-ulan-ude-aviation-plant')!;
    expect(plant.designations.map((designation) => designation.start)).toEqual(['2022-03-15']);
  });

  it('takes a nested sanction as its parent’s, whatever its own entity says', async () => {
    const line = JSON.stringify({
      id: 'parent',
      schema: 'Company',
      target: true,
      properties: {
        name: ['Parent Co'],
        sanctions: [
          {
            id: 'n1',
            schema: 'Sanction',
            properties: { entity: ['someone-else'], startDate: ['2021-05'] },
          },
          {
            id: 'n2',
            schema: 'Sanction',
            properties: { entity: [{ id: 'parent' }], startDate: ['2022'] },
          },
        ],
      },
    });
    const snapshot = await read(`${line}\n`);
    expect(snapshot.targets).toHaveLength(1);
    expect(snapshot.targets[0].designations.map((designation) => designation.id)).toEqual([
      'n1',
      'n2',
    ]);
  });
});

describe('comparing two snapshots', () => {
  const designation = (id: string, start: string, end: string | null = null) => ({
    id,
    authority: 'A',
    program: 'P',
    lists: ['list_a'],
    start,
    end,
    sourceUrl: '',
    reason: '',
  });

  it('tells new designations, ended ones, and those a newer snapshot no longer lists', () => {
    const older = [
      designation('kept', '2020'),
      designation('gone', '2019-05'),
      designation('ends', '2021-01-01'),
    ];
    const newer = [
      designation('kept', '2020'),
      designation('ends', '2021-01-01', '2023-06-30'),
      designation('added', '2023-11-02'),
    ];
    expect(
      compareDesignations(older, newer).map(({ kind, designation: { id } }) => `${kind}: ${id}`),
    ).toEqual(['ended: ends', 'new: added', 'no longer listed: gone']);
    expect(compareDesignations(newer, newer)).toEqual([]);
    expect(compareDesignations(older, []).map(({ kind }) => kind)).toEqual([
      'no longer listed',
      'no longer listed',
      'no longer listed',
    ]);
  });
});
