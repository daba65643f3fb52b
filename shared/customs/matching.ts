/**
 * Corroboration matching (the handbook's rule): two rows of different datasets report the same
 * shipment when they share the date and the resolved shipper and consignee, their weights and values
 * agree within rounding, and their HS codes agree on their common prefix. Matching rows form a group;
 * nothing is merged away, every source row stays its own citable row. Recomputed, never stored,
 * because merging or splitting entities changes what matches.
 */

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
  currency: Uint32Array;
  hsCode: Uint32Array;
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

export function matchShipments(
  columns: MatchColumns,
  onProgress?: (done: number, total: number) => void,
): MatchResult {
  const { count, date, shipperEntity, consigneeEntity } = columns;
  // Rows chained by (date, shipper): `head` holds a bucket's latest row, `next` the one before it.
  const head = new Map<number, number>();
  const next = new Int32Array(count).fill(-1);
  let entityCount = 0;
  for (let row = 0; row < count; row += 1)
    entityCount = Math.max(entityCount, shipperEntity[row] + 1);
  for (let row = 0; row < count; row += 1) {
    if (shipperEntity[row] < 0 || consigneeEntity[row] < 0) continue;
    const key = date[row] * entityCount + shipperEntity[row];
    const previous = head.get(key);
    if (previous !== undefined) next[row] = previous;
    head.set(key, row);
    if (onProgress && row % PROGRESS_EVERY === 0) onProgress(row, count * 2);
  }

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
  for (const first of head.values()) {
    for (let a = first; a >= 0; a = next[a]) {
      for (let b = next[a]; b >= 0; b = next[b]) {
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
