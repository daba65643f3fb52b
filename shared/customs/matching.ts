/**
 * Corroboration matching (the handbook's rule): two rows of different datasets report the same
 * shipment when they share the date and the resolved shipper and consignee, their weights and values
 * agree within rounding, and their HS codes agree on their common prefix. Matching rows form a group;
 * nothing is merged away, every source row stays its own citable row. Recomputed, never stored,
 * because merging or splitting entities changes what matches.
 */
import type { IdColumn, NumberColumn } from './narrowColumns';
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
  dataset: Uint8Array | Uint16Array;
  date: Int32Array;
  /** Party spelling numbers; `partyEntity` gives each one's resolved entity (-1: no party). */
  shipper: IdColumn | Int32Array;
  consignee: IdColumn | Int32Array;
  /**
   * Read through the spellings rather than made per row: two Int32 columns of entities were
   * 80 MB more at 10,000,000 rows, on top of matching's own.
   */
  partyEntity: Int32Array;
  weightKg: NumberColumn;
  value: NumberColumn;
  currency: IdColumn;
  hsCode: IdColumn;
  hsCodes: readonly string[];
};

/**
 * Shipper and consignee columns of entity numbers (-1 for none) as matching reads them: each
 * number moved up one to be a spelling, which `partyEntity` turns back.
 */
export function partiesOfEntities(
  shipperEntity: Int32Array,
  consigneeEntity: Int32Array,
): Pick<MatchColumns, 'shipper' | 'consignee' | 'partyEntity'> {
  let entities = 0;
  for (const column of [shipperEntity, consigneeEntity])
    for (const entity of column) entities = Math.max(entities, entity + 1);
  const spelling = (entity: number) => entity + 1;
  return {
    shipper: Int32Array.from(shipperEntity, spelling),
    consignee: Int32Array.from(consigneeEntity, spelling),
    partyEntity: Int32Array.from({ length: entities + 1 }, (_, spelling) => spelling - 1),
  };
}

export type MatchResult = {
  /** The group of each row, or -1 when no row of another dataset reports the same shipment. */
  groupOf: Int32Array;
  groupCount: number;
};

const PROGRESS_EVERY = 100_000;

function rowsAgree(columns: MatchColumns, a: number, b: number): boolean {
  const { weightKg, value, currency, hsCode, hsCodes } = columns;
  if (columns.dataset[a] === columns.dataset[b]) return false;
  const { consignee, partyEntity } = columns;
  if (partyEntity[consignee[a]] !== partyEntity[consignee[b]]) return false;
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
  const { count, dataset, date, shipper, consignee, partyEntity } = columns;
  let named = 0;
  let datasetCount = 0;
  let byDataset = true;
  let firstDataset = -1;
  let severalDatasets = false;
  let entityCount = 0;
  let firstDate = Infinity;
  let lastDate = -Infinity;
  for (let row = 0; row < count; row += 1) {
    const shipperEntity = partyEntity[shipper[row]];
    if (shipperEntity < 0 || partyEntity[consignee[row]] < 0) continue;
    named += 1;
    if (firstDataset < 0) firstDataset = dataset[row];
    else if (dataset[row] !== firstDataset) severalDatasets = true;
    datasetCount = Math.max(datasetCount, dataset[row] + 1);
    if (dataset[row] < datasetCount - 1) byDataset = false;
    entityCount = Math.max(entityCount, shipperEntity + 1);
    firstDate = Math.min(firstDate, date[row]);
    lastDate = Math.max(lastDate, date[row]);
  }
  // A dataset never matches itself: with the named rows all of one, no bucket could match.
  if (!severalDatasets) return { rows: new Int32Array(0), starts: new Int32Array(1) };
  // The rows with the keys they are sorted by, side by side, and as many again to move them into:
  // each pass moves them from one set to the other.
  let from: Carried = [new Int32Array(named), new Int32Array(named), new Int32Array(named)];
  let to: Carried = [new Int32Array(named), new Int32Array(named), new Int32Array(named)];
  const datasets = byDataset ? null : new Int32Array(named);
  for (let row = 0, at = 0; row < count; row += 1) {
    const shipperEntity = partyEntity[shipper[row]];
    if (shipperEntity < 0 || partyEntity[consignee[row]] < 0) continue;
    from[0][at] = row;
    from[1][at] = date[row];
    from[2][at] = shipperEntity;
    if (datasets) datasets[at] = dataset[row];
    at += 1;
  }
  if (datasets) {
    countingSort(from, datasets, 0, datasetCount, to);
    [from, to] = [to, from];
  }
  if (lastDate - firstDate <= 4 * named + 65_536)
    countingSort(from, from[1], firstDate, lastDate - firstDate + 1, to);
  else {
    const order = sortOrder(from[1]);
    for (let column = 0; column < 3; column += 1)
      for (let at = 0; at < named; at += 1) to[column][at] = from[column][order[at]];
  }
  [from, to] = [to, from];
  countingSort(from, from[2], 0, entityCount, to);
  const [rows, dates, shippers] = to;
  const newBucket = (at: number) =>
    at === 0 || shippers[at] !== shippers[at - 1] || dates[at] !== dates[at - 1];
  let buckets = 0;
  for (let at = 0; at < named; at += 1) if (newBucket(at)) buckets += 1;
  const starts = new Int32Array(buckets + 1);
  for (let at = 0, bucket = 0; at < named; at += 1) if (newBucket(at)) starts[bucket++] = at;
  starts[buckets] = named;
  return { rows, starts };
}

/** A row's number with its date and shipper entity, a column each, moved together. */
type Carried = [rows: Int32Array, dates: Int32Array, shippers: Int32Array];

/**
 * Moves the rows of `from` into `to`, stably ordered by `key` (one value a row, in `from`'s
 * order), whose values lie in `[first, first + span)`: a counting sort.
 */
function countingSort(
  from: Carried,
  key: Int32Array,
  first: number,
  span: number,
  to: Carried,
): void {
  const next = new Int32Array(span + 1);
  for (let at = 0; at < key.length; at += 1) next[key[at] - first + 1] += 1;
  for (let at = 1; at <= span; at += 1) next[at] += next[at - 1];
  const [rows, dates, shippers] = from;
  const [movedRows, movedDates, movedShippers] = to;
  for (let at = 0; at < key.length; at += 1) {
    const place = next[key[at] - first]++;
    movedRows[place] = rows[at];
    movedDates[place] = dates[at];
    movedShippers[place] = shippers[at];
  }
}

export function matchShipments(
  columns: MatchColumns,
  onProgress?: (done: number, total: number) => void,
  into: Int32Array = new Int32Array(columns.count),
): MatchResult {
  const { count } = columns;
  const { rows, starts } = bucketsOfShipperAndDate(columns);
  onProgress?.(count, count * 2);
  if (starts.length === 1) {
    // Nothing can match (one dataset, as a case's first import): no sets to join.
    onProgress?.(count * 2, count * 2);
    return { groupOf: into.subarray(0, count).fill(-1), groupCount: 0 };
  }

  // Union-find, each set's root its smallest row: the first of its rows met in row order.
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
        if (rootA < rootB) parent[rootB] = rootA;
        else if (rootB < rootA) parent[rootA] = rootB;
      }
      visited += 1;
      if (onProgress && visited % PROGRESS_EVERY === 0) onProgress(count + visited, count * 2);
    }
  }

  // Groups are numbered in the order of their first rows: a root is met before its other rows.
  const groupOf = into.subarray(0, count).fill(-1);
  let groupCount = 0;
  for (let row = 0; row < count; row += 1) {
    if (matched[row] === 0) continue;
    const root = find(row);
    groupOf[row] = root === row ? groupCount++ : groupOf[root];
  }
  onProgress?.(count * 2, count * 2);
  return { groupOf, groupCount };
}
