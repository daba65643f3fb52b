import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../renderer/src/lib/latestOnly';

describe('latestOnly', () => {
  it('runs only the latest of requests sent together; the others resolve to null unrun', async () => {
    const ran: number[] = [];
    const query = latestOnly((n: number) => {
      ran.push(n);
      return n * 10;
    });
    const answers = await Promise.all([query(1), query(2), query(3)]);
    expect(answers).toEqual([null, null, 30]);
    expect(ran).toEqual([3]);
    // A request sent after the last one was answered runs too.
    expect(await query(4)).toBe(40);
    expect(ran).toEqual([3, 4]);
  });
});
