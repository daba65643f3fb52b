/**
 * Corroboration matching (the handbook's rule): two rows of different datasets report the same
 * shipment when they share the date and the resolved shipper and consignee, their weights and values
 * agree within rounding, and their HS codes agree on their common prefix. Matching rows form a group;
 * nothing is merged away, every source row stays its own citable row. Recomputed, never stored,
 * because merging or splitting entities changes what matches.
 */
import type { IdColumn } from './shipmentIndex';
import { sortOrder } from './sortOrder';

/** Values agree within rounding: at most one unit apart (12,500.40 and 12500), or both missing. */
export function agreeWithinRounding(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1;
}

/** HS codes agree on their common prefix: `880730` and `8807300000` do, `880730` and `8807200000` not. */
export function hsCodesAgree(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

/** The columns matching reads, one entry per row (the shipment engine's own arrays). */
export type MatchColumns = {
  count: number;
  dataset: Uint16Array;
  date: Int32Array;
  /** Resolved entity numbers; -1 where the row names no party. */
  shipperEntity: Int32Array;
  consigneeEntity: Int32Array;
  weightKg: Float64Array;
  value: Float64Array;
  currency: IdColumn;
  hsCode: IdColumn;
  hsCodes: readonly string[];
};

export type MatchResult = {
  /** The group of each row, or -1 when no row of another dataset reports the same shipment. */
  groupOf: Int32Array;
  groupCount: number;
};

const PROGRESS_EVERY = 100_000;

function rowsAgree(columns: MatchColumns, a: number, b: number): boolean {
  const { weightKg, value, currency, hsCode, hsCodes } = columns;
  if (columns.dataset[a] === columns.dataset[b]) return false;
  if (columns.consigneeEntity[a] !== columns.consigneeEntity[b]) return false;
  if (!agreeWithinRounding(weightKg[a], weightKg[b])) return false;
  if (!Number.isNaN(value[a]) && !Number.isNaN(value[b]) && currency[a] !== currency[b])
    return false;
  if (!agreeWithinRounding(value[a], value[b])) return false;
  return hsCodesAgree(hsCodes[hsCode[a]] ?? '', hsCodes[hsCode[b]] ?? '');
}

/**
 * The rows that name both parties, grouped by shipper and date: `rows` lists them a bucket at a
 * time, each bucket by dataset and then in row order, and bucket `b` is
 * `rows[starts[b]..starts[b + 1])`. Stable counting sorts over typed arrays, by dataset (unless
 * the rows already are, as when datasets are loaded one after another), date and shipper, each
 * carrying the keys of the next along so that every pass reads in order. A Map of buckets with
 * an entry per row took 5 s of a 10,000,000-row load; these passes take under 1 s.
 */
function bucketsOfShipperAndDate(columns: MatchColumns): { rows: Int32Array; starts: Int32Array } {
  const { count, dataset, date, shipperEntity, consigneeEntity } = columns;
  let named = 0;
  let datasetCount = 0;
  let byDataset = true;
  let entityCount = 0;
  let firstDate = Infinity;
  let lastDate = -Infinity;
  for (let row = 0; row < count; row += 1) {
    if (shipperEntity[row] < 0 || consigneeEntity[row] < 0) continue;
    named += 1;
    datasetCount = Math.max(datasetCount, dataset[row] + 1);
    if (dataset[row] < datasetCount - 1) byDataset = false;
    entityCount = Math.max(entityCount, shipperEntity[row] + 1);
    firstDate = Math.min(firstDate, date[row]);
    lastDate = Math.max(lastDate, date[row]);
  }
  if (named === 0) return { rows: new Int32Array(0), starts: new Int32Array(1) };
  // The rows with the keys they are sorted by, side by side: [row, date, shipper, dataset].
  let sorted: Int32Array[] = Array.from({ length: 4 }, () => new Int32Array(named));
  for (let row = 0, at = 0; row < count; row += 1) {
    if (shipperEntity[row] < 0 || consigneeEntity[row] < 0) continue;
    sorted[0][at] = row;
    sorted[1][at] = date[row];
    sorted[2][at] = shipperEntity[row];
    sorted[3][at] = dataset[row];
    at += 1;
  }
  if (!byDataset) sorted = countingSort(sorted, 3, 0, datasetCount);
  sorted.pop();
  sorted =
    lastDate - firstDate <= 4 * named + 65_536
      ? countingSort(sorted, 1, firstDate, lastDate - firstDate + 1)
      : radixSort(sorted, 1);
  const [rows, dates, shippers] = countingSort(sorted, 2, 0, entityCount);
  const starts = new Int32Array(named + 1);
  let buckets = 0;
  for (let at = 0; at < named; at += 1)
    if (at === 0 || shippers[at] !== shippers[at - 1] || dates[at] !== dates[at - 1])
      starts[buckets++] = at;
  starts[buckets] = named;
  return { rows, starts: starts.subarray(0, buckets + 1) };
}

/** The side-by-side `columns` stably reordered by `columns[by]`, whose values lie in `[first, first + span)`. */
function countingSort(
  columns: Int32Array[],
  by: number,
  first: number,
  span: number,
): Int32Array[] {
  const key = columns[by];
  const next = new Int32Array(span + 1);
  for (let at = 0; at < key.length; at += 1) next[key[at] - first + 1] += 1;
  for (let at = 1; at <= span; at += 1) next[at] += next[at - 1];
  const places = new Int32Array(key.length);
  for (let at = 0; at < key.length; at += 1) places[at] = next[key[at] - first]++;
  return columns.map((column) => {
    const moved = new Int32Array(column.length);
    for (let at = 0; at < column.length; at += 1) moved[places[at]] = column[at];
    return moved;
  });
}

/** The same reordering where the values span too widely for a counting sort. */
function radixSort(columns: Int32Array[], by: number): Int32Array[] {
  const order = sortOrder(columns[by]);
  return columns.map((column) => {
    const moved = new Int32Array(column.length);
    for (let at = 0; at < column.length; at += 1) moved[at] = column[order[at]];
    return moved;
  });
}

export function matchShipments(
  columns: MatchColumns,
  onProgress?: (done: number, total: number) => void,
): MatchResult {
  const { count } = columns;
  const { rows, starts } = bucketsOfShipperAndDate(columns);
  onProgress?.(count, count * 2);

  const parent = new Int32Array(count).fill(-1);
  const find = (row: number): number => {
    let root = row;
    while (parent[root] >= 0) root = parent[root];
    let step = row;
    while (parent[step] >= 0) {
      const up = parent[step];
      parent[step] = root;
      step = up;
    }
    return root;
  };
  const matched = new Uint8Array(count);
  let visited = 0;
  for (let bucket = 0; bucket + 1 < starts.length; bucket += 1) {
    const end = starts[bucket + 1];
    // A row is compared with the rows of the bucket's later datasets only: one dataset never
    // matches itself, and the bucket holds each dataset's rows together.
    let laterDatasets = starts[bucket];
    for (let at = starts[bucket]; at < end; at += 1) {
      const a = rows[at];
      while (laterDatasets < end && columns.dataset[rows[laterDatasets]] === columns.dataset[a])
        laterDatasets += 1;
      for (let other = laterDatasets; other < end; other += 1) {
        const b = rows[other];
        if (!rowsAgree(columns, a, b)) continue;
        matched[a] = 1;
        matched[b] = 1;
        const rootA = find(a);
        const rootB = find(b);
        if (rootA !== rootB) parent[rootB] = rootA;
      }
      visited += 1;
      if (onProgress && visited % PROGRESS_EVERY === 0) onProgress(count + visited, count * 2);
    }
  }

  const groupOf = new Int32Array(count).fill(-1);
  const numberOfRoot = new Map<number, number>();
  for (let row = 0; row < count; row += 1) {
    if (matched[row] === 0) continue;
    const root = find(row);
    let group = numberOfRoot.get(root);
    if (group === undefined) {
      group = numberOfRoot.size;
      numberOfRoot.set(root, group);
    }
    groupOf[row] = group;
  }
  onProgress?.(count * 2, count * 2);
  return { groupOf, groupCount: numberOfRoot.size };
}
