import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/seededRandom';
import { sortOrder, sortOrderSteps } from '../../../shared/customs/sortOrder';

/** The order the engine used to build with a comparator: ascending, NaN last, ties by row. */
function comparatorOrder(keys: ArrayLike<number>): number[] {
  return Array.from({ length: keys.length }, (_, index) => index).sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (Number.isNaN(ka)) return Number.isNaN(kb) ? a - b : 1;
    if (Number.isNaN(kb)) return -1;
    return ka - kb || a - b;
  });
}

describe('sortOrder', () => {
  it('orders values ascending, ties in row order, empty values last, as the comparator did', () => {
    const next = seededRandom(7);
    const special = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1.7976931348623157e308];
    const values = Float64Array.from({ length: 20_000 }, () => {
      const pick = next();
      if (pick < 0.05) return special[Math.floor(next() * special.length)];
      if (pick < 0.3) return Math.round(next() * 20); // many ties
      return (next() - 0.5) * 10 ** Math.floor(next() * 12);
    });
    expect(Array.from(sortOrder(values))).toEqual(comparatorOrder(values));
  });

  it('orders whole-number columns (dates as days) and short or empty ones', () => {
    const next = seededRandom(11);
    const days = Int32Array.from({ length: 5_000 }, () => Math.floor((next() - 0.3) * 40_000));
    expect(Array.from(sortOrder(days))).toEqual(comparatorOrder(days));
    expect(Array.from(sortOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(sortOrder(Float64Array.of(NaN)))).toEqual([0]);
    expect(Array.from(sortOrder(Float64Array.of(3, 3, 3)))).toEqual([0, 1, 2]);
    expect(Array.from(sortOrder(Float64Array.of(2, NaN, -1, 7), 3))).toEqual([2, 0, 1]);
  });

  it('builds the same order a slice at a time, pausing within every pass', () => {
    const next = seededRandom(13);
    const values = Float64Array.from({ length: 10_000 }, () =>
      next() < 0.1 ? NaN : (next() - 0.5) * 10 ** Math.floor(next() * 9),
    );
    const steps = sortOrderSteps(values, values.length, 1_000);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(Array.from(step.value)).toEqual(comparatorOrder(values));
    // Ten slices to prepare the keys, then each of the four passes: ten to count, ten to move.
    expect(pauses).toBe(9 + 4 * 20);
  });
});
