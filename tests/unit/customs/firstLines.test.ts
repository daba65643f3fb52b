import { describe, expect, it } from 'vitest';
import { FirstLines } from '#shared/customs/firstLines';
import { seededRandom } from '../../../scripts/seededRandom';

describe('FirstLines', () => {
  it('answers as a Map of first lines would, through its growth, for hashes of all 53 bits', () => {
    const random = seededRandom(53);
    // A pool small enough that hashes repeat, wide enough to use the high and low words.
    const pool = Array.from({ length: 150_000 }, (_, index) =>
      index % 3 === 0
        ? Math.floor(random() * 2 ** 53)
        : index % 3 === 1
          ? Math.floor(random() * 2 ** 32)
          : Math.floor(random() * 2 ** 21) * 2 ** 32,
    );
    const table = new FirstLines();
    const map = new Map<number, number>();
    // Every answer that differs from the Map's, checked once at the end: an expect() a line made
    // this test take 3.7-4.4 s of its 5 s limit, and time out once under load.
    const wrong: { hash: number; line: number; answer: number | undefined }[] = [];
    for (let line = 0; line < 300_000; line += 1) {
      const hash = pool[Math.floor(random() * pool.length)];
      const expected = map.get(hash);
      if (expected === undefined) map.set(hash, line);
      const answer = table.firstOrRemember(hash, line);
      if (answer !== expected) wrong.push({ hash, line, answer });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Grown twice: past three quarters of its first 65,536 slots, and of 131,072.
    expect(map.size).toBeGreaterThan(0.75 * (1 << 17));
  });

  it('tells apart hashes that share their low or their high 32 bits', () => {
    const table = new FirstLines();
    expect(table.firstOrRemember(5, 0)).toBeUndefined();
    expect(table.firstOrRemember(5 + 2 ** 32, 1)).toBeUndefined();
    expect(table.firstOrRemember(7 + 2 ** 32, 2)).toBeUndefined();
    expect(table.firstOrRemember(5, 3)).toBe(0);
    expect(table.firstOrRemember(5 + 2 ** 32, 4)).toBe(1);
    expect(table.firstOrRemember(7 + 2 ** 32, 5)).toBe(2);
  });
});
