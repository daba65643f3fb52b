import { describe, expect, it } from 'vitest';
import {
  keepIds,
  keepMarked,
  keepPassing,
  keepRange,
  type RowMask,
} from '../../../shared/customs/rowMask';
import { seededRandom } from '../../../scripts/seededRandom';

/** A condition as a loop of its own, and as a plain test of one row (the reference). */
type Condition = { apply: (mask: RowMask) => Uint8Array; passes: (row: number) => boolean };

describe('a filter’s mask, a condition at a time', () => {
  it('keeps exactly the rows that pass every condition, in any order and combination', () => {
    const random = seededRandom(7);
    const count = 2_000;
    const whole = (limit: number) => Math.floor(random() * limit);
    const shipper = Uint16Array.from({ length: count }, () => whole(60));
    const consignee = Uint8Array.from({ length: count }, () => whole(40));
    const dates = Int32Array.from({ length: count }, () => 18_000 + whole(400));
    const values = Float64Array.from({ length: count }, () =>
      random() < 0.1 ? Number.NaN : random() * 1_000,
    );
    const weights = Float32Array.from(values, (value) => value / 3);
    const mismatches: string[] = [];
    for (let trial = 0; trial < 300; trial += 1) {
      // Hits shorter than the ids sometimes: an id past their end is no hit.
      const hits = Uint8Array.from({ length: 30 + whole(40) }, () => (random() < 0.3 ? 1 : 0));
      const marked = Uint8Array.from({ length: count }, () => (random() < 0.5 ? 1 : 0));
      const low = 18_000 + whole(400);
      const high = low + whole(200);
      const choices: Condition[] = [
        {
          apply: (mask) => keepIds(mask, count, hits, shipper),
          passes: (row) => hits[shipper[row]] === 1,
        },
        {
          apply: (mask) => keepIds(mask, count, hits, shipper, consignee),
          passes: (row) => hits[shipper[row]] === 1 || hits[consignee[row]] === 1,
        },
        {
          apply: (mask) => keepRange(mask, count, dates, low, high),
          passes: (row) => dates[row] >= low && dates[row] <= high,
        },
        {
          apply: (mask) => keepRange(mask, count, values, 100, Infinity),
          passes: (row) => values[row] >= 100,
        },
        {
          apply: (mask) => keepRange(mask, count, weights, -Infinity, 150),
          passes: (row) => weights[row] <= 150,
        },
        { apply: (mask) => keepMarked(mask, marked.slice()), passes: (row) => marked[row] === 1 },
        {
          apply: (mask) => keepPassing(mask, count, (row) => row % 3 !== 0),
          passes: (row) => row % 3 !== 0,
        },
      ];
      const conditions = choices
        .filter(() => random() < 0.4)
        .map((condition) => ({ condition, place: random() }))
        .sort((a, b) => a.place - b.place)
        .map(({ condition }) => condition);
      let mask: RowMask = null;
      for (const condition of conditions) mask = condition.apply(mask);
      const expected = Array.from({ length: count }, (_, row) =>
        conditions.every((condition) => condition.passes(row)) ? 1 : 0,
      );
      const actual = mask ? Array.from(mask) : expected.map(() => 1);
      if (actual.join('') !== expected.join('')) mismatches.push(`trial ${trial}`);
    }
    expect(mismatches).toEqual([]);
  });
});
