import { describe, expect, it } from 'vitest';
import {
  agreeWithinRounding,
  hsCodesAgree,
  matchShipments,
  partiesOfEntities,
  type MatchColumns,
} from '../../../shared/customs/matching';
import { seededRandom } from '../../../scripts/seededRandom';

type Row = {
  dataset: number;
  date: number;
  shipper: number;
  consignee: number;
  weightKg: number;
  value: number;
  currency?: number;
  hs: string;
};

function columns(rows: Row[]): MatchColumns {
  const hsCodes = [...new Set(rows.map((row) => row.hs))];
  return {
    count: rows.length,
    dataset: Uint16Array.from(rows, (row) => row.dataset),
    date: Int32Array.from(rows, (row) => row.date),
    ...partiesOfEntities(
      Int32Array.from(rows, (row) => row.shipper),
      Int32Array.from(rows, (row) => row.consignee),
    ),
    weightKg: Float64Array.from(rows, (row) => row.weightKg),
    value: Float64Array.from(rows, (row) => row.value),
    currency: Uint32Array.from(rows, (row) => row.currency ?? 0),
    hsCode: Uint32Array.from(rows, (row) => hsCodes.indexOf(row.hs)),
    hsCodes,
  };
}

const base: Row = {
  dataset: 0,
  date: 19000,
  shipper: 1,
  consignee: 2,
  weightKg: 632,
  value: 189776,
  hs: '8807300000',
};
const groups = (rows: Row[]) => Array.from(matchShipments(columns(rows)).groupOf);

describe('matching rules', () => {
  it('agree within rounding, and on the HS codes’ common prefix', () => {
    expect(agreeWithinRounding(12500.4, 12500)).toBe(true);
    expect(agreeWithinRounding(12500, 12502)).toBe(false);
    expect(agreeWithinRounding(Number.NaN, Number.NaN)).toBe(true);
    expect(agreeWithinRounding(Number.NaN, 1)).toBe(false);
    expect(hsCodesAgree('880730', '8807300000')).toBe(true);
    expect(hsCodesAgree('8807300000', '880730')).toBe(true);
    expect(hsCodesAgree('880730', '8807200000')).toBe(false);
    expect(hsCodesAgree('', '8807300000')).toBe(false);
  });

  it('match one shipment reported by two datasets with HS codes of different lengths', () => {
    expect(groups([base, { ...base, dataset: 1, hs: '880730', value: 189776.4 }])).toEqual([0, 0]);
  });

  it('do not match near misses', () => {
    for (const miss of [
      { weightKg: 640 },
      { value: 189_900 },
      { date: 19001 },
      { consignee: 3 },
      { shipper: 4 },
      { hs: '8807200000' },
      { hs: '852560' },
      { currency: 1 },
    ])
      expect(groups([base, { ...base, dataset: 1, ...miss }])).toEqual([-1, -1]);
  });

  it('never match two rows of one dataset, nor rows with no party', () => {
    expect(groups([base, { ...base }])).toEqual([-1, -1]);
    expect(
      groups([
        { ...base, shipper: -1 },
        { ...base, dataset: 1, shipper: -1 },
      ]),
    ).toEqual([-1, -1]);
    // The rows naming both parties all of one dataset: nothing is compared, and the progress ends.
    const progress: [number, number][] = [];
    const oneDataset = [base, { ...base }, { ...base, dataset: 1, consignee: -1 }];
    const into = new Int32Array(8).fill(7);
    const result = matchShipments(
      columns(oneDataset),
      (done, total) => progress.push([done, total]),
      into,
    );
    expect([Array.from(result.groupOf), result.groupCount]).toEqual([[-1, -1, -1], 0]);
    expect(result.groupOf.buffer).toBe(into.buffer);
    expect(progress.at(-1)).toEqual([6, 6]);
  });

  it('gather every dataset’s row of one shipment in one group, apart from others', () => {
    expect(
      groups([
        base,
        { ...base, dataset: 1, hs: '880730' },
        { ...base, dataset: 2, hs: '8807' },
        { ...base, date: 19100 },
        { ...base, date: 19100, dataset: 1 },
        { ...base, date: 19200 },
      ]),
    ).toEqual([0, 0, 0, 1, 1, -1]);
  });

  it('group exactly as comparing every pair of rows would, however widely the dates spread', () => {
    // The rule itself, pair by pair: the groups are the connected rows, numbered in row order.
    const reference = (rows: Row[]) => {
      const cols = columns(rows);
      const group = rows.map((_, index) => index);
      const root = (index: number): number => (group[index] === index ? index : root(group[index]));
      const matched = rows.map(() => false);
      rows.forEach((a, i) =>
        rows.forEach((b, j) => {
          if (j <= i || a.shipper < 0 || a.consignee < 0 || b.shipper < 0 || b.consignee < 0)
            return;
          if (a.date !== b.date || a.shipper !== b.shipper || a.dataset === b.dataset) return;
          if (a.consignee !== b.consignee || (a.currency ?? 0) !== (b.currency ?? 0)) return;
          if (!agreeWithinRounding(a.weightKg, b.weightKg)) return;
          if (!agreeWithinRounding(a.value, b.value)) return;
          if (!hsCodesAgree(cols.hsCodes[cols.hsCode[i]], cols.hsCodes[cols.hsCode[j]])) return;
          matched[i] = matched[j] = true;
          group[root(j)] = root(i);
        }),
      );
      const numbers = new Map<number, number>();
      return rows.map((_, index) => {
        if (!matched[index]) return -1;
        if (!numbers.has(root(index))) numbers.set(root(index), numbers.size);
        return numbers.get(root(index));
      });
    };
    for (const [seed, dateSpan, loaded] of [
      [1, 20, false],
      [2, 400, false],
      // Wider than a counting sort takes: the dates are radix-sorted instead.
      [3, 40_000_000, false],
      // Each dataset's rows after the one before, as the engine loads them.
      [4, 400, true],
    ] as const) {
      const random = seededRandom(seed);
      const pick = (count: number) => Math.floor(random() * count);
      const rows: Row[] = Array.from({ length: 600 }, () => ({
        dataset: pick(3),
        date: pick(4) * Math.floor(dateSpan / 4) - 1000,
        shipper: pick(5) - 1,
        consignee: pick(3) - 1,
        weightKg: 100 + pick(3),
        value: random() < 0.2 ? Number.NaN : 500 + pick(3),
        hs: ['8807', '880730', '8807300000', '8411'][pick(4)],
      }));
      if (loaded) rows.sort((a, b) => a.dataset - b.dataset);
      const found = groups(rows);
      expect(found).toEqual(reference(rows));
      expect(new Set(found).size).toBeGreaterThan(10);
    }
  });
});
