import { describe, expect, it } from 'vitest';
import { moveByOne, nextOrder } from '../../shared/ordering';

const items = [
  { id: 'a', order: 1 },
  { id: 'c', order: 3 },
  { id: 'b', order: 2 },
];

describe('ordering', () => {
  it('appends after the highest order', () => {
    expect(nextOrder(items)).toBe(4);
    expect(nextOrder([])).toBe(1);
  });

  it('moves an item by swapping with its neighbour, whatever the input order', () => {
    expect(moveByOne(items, 'b', 'up')).toEqual([
      { id: 'b', order: 1 },
      { id: 'a', order: 2 },
    ]);
    expect(moveByOne(items, 'b', 'down')).toEqual([
      { id: 'b', order: 3 },
      { id: 'c', order: 2 },
    ]);
  });

  it('does nothing at either end or for an unknown id', () => {
    expect(moveByOne(items, 'a', 'up')).toEqual([]);
    expect(moveByOne(items, 'c', 'down')).toEqual([]);
    expect(moveByOne(items, 'zz', 'up')).toEqual([]);
  });

  it('separates equal orders instead of swapping them', () => {
    const tied = [
      { id: 'x', order: 5 },
      { id: 'y', order: 5 },
    ];
    expect(moveByOne(tied, 'y', 'up')).toEqual([{ id: 'y', order: 4.5 }]);
  });
});
