/**
 * Marking the rows that pass a filter, a condition at a time: the first condition makes the mask
 * (1: the row passes), each later one clears the rows it fails. Each condition is one tight loop
 * over typed columns with no call per row: with a closure called per row, a party and a date range
 * took 115 ms over 10,000,000 rows, against 43 ms for the same loops written out (in Node).
 */
import type { IdColumn, NumberColumn } from './narrowColumns';

/** A filter's mask so far: null while no condition has been applied (every row passes). */
export type RowMask = Uint8Array | null;

/**
 * Keeps the rows whose id in `column`, or in `either` where given (a party on either side), is
 * marked 1 in `hits`; an id past its end is not.
 */
export function keepIds(
  mask: RowMask,
  count: number,
  hits: Uint8Array,
  column: IdColumn,
  either?: IdColumn,
): Uint8Array {
  if (!mask) {
    const made = new Uint8Array(count);
    if (either)
      for (let row = 0; row < count; row += 1)
        made[row] = hits[column[row]] === 1 || hits[either[row]] === 1 ? 1 : 0;
    else for (let row = 0; row < count; row += 1) made[row] = hits[column[row]] === 1 ? 1 : 0;
    return made;
  }
  if (either) {
    for (let row = 0; row < count; row += 1)
      if (mask[row] === 1 && hits[column[row]] !== 1 && hits[either[row]] !== 1) mask[row] = 0;
  } else {
    for (let row = 0; row < count; row += 1)
      if (mask[row] === 1 && hits[column[row]] !== 1) mask[row] = 0;
  }
  return mask;
}

/** Keeps the rows whose value in `column` is from `low` to `high`, both included (NaN is not). */
export function keepRange(
  mask: RowMask,
  count: number,
  column: Int32Array | NumberColumn,
  low: number,
  high: number,
): Uint8Array {
  if (!mask) {
    const made = new Uint8Array(count);
    for (let row = 0; row < count; row += 1)
      made[row] = column[row] >= low && column[row] <= high ? 1 : 0;
    return made;
  }
  for (let row = 0; row < count; row += 1)
    if (mask[row] === 1 && !(column[row] >= low && column[row] <= high)) mask[row] = 0;
  return mask;
}

/** Keeps the rows `marked` marks 1 (a mask made apart: declaration numbers found). */
export function keepMarked(mask: RowMask, marked: Uint8Array): Uint8Array {
  if (!mask) return marked;
  for (let row = 0; row < mask.length; row += 1) if (marked[row] !== 1) mask[row] = 0;
  return mask;
}

/** Keeps the rows that `passes`: a call a row, for conditions too involved for a column's loop. */
export function keepPassing(
  mask: RowMask,
  count: number,
  passes: (row: number) => boolean,
): Uint8Array {
  if (!mask) {
    const made = new Uint8Array(count);
    for (let row = 0; row < count; row += 1) made[row] = passes(row) ? 1 : 0;
    return made;
  }
  for (let row = 0; row < count; row += 1) if (mask[row] === 1 && !passes(row)) mask[row] = 0;
  return mask;
}
