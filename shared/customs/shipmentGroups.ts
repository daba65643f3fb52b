/**
 * A filtered set of shipments seen as a whole: grouped by a party, the counterparty, an HS code, a
 * country or the month (the pivot), or by who shipped to whom (the network's edges). Every group
 * counts distinct shipments as the Shipments totals and a claim's evidence do: rows reporting one
 * shipment (matched across datasets) count once, by the first of them among the rows, so the groups'
 * shipments add up to the filter's distinct shipments. Values are never summed across currencies.
 * Pure typed-array passes over the engine's columns; runs in the shipment worker.
 */
import { isoMonth, monthFromDays } from './dates';
import type { EntityNamer } from './entityProfile';
import type { ShipmentColumnsView } from './shipmentIndex';
import { sortOrder } from './sortOrder';

export const pivotDimensions = [
  'shipper',
  'consignee',
  'counterparty',
  'hsChapter',
  'hsHeading',
  'hsCode',
  'originCountry',
  'destinationCountry',
  'month',
] as const;
export type PivotDimension = (typeof pivotDimensions)[number];

export const pivotDimensionNames: Record<PivotDimension, string> = {
  shipper: 'Shipper',
  consignee: 'Consignee',
  counterparty: 'Counterparty',
  hsChapter: 'HS chapter (2 digits)',
  hsHeading: 'HS heading (4 digits)',
  hsCode: 'HS code (full)',
  originCountry: 'Origin country',
  destinationCountry: 'Destination country',
  month: 'Month',
};

/** What a group counts: distinct shipments, the rows reporting them, their value and weight. */
export type GroupFigures = {
  shipments: number;
  rows: number;
  /** Per currency, over the distinct shipments (each by its first row). */
  valueByCurrency: { currency: string; total: number }[];
  weightKg: number;
};

export type PivotGroup = GroupFigures & {
  label: string;
  /** The entity a party group is (for a link to its page); null for other dimensions. */
  entityId: string | null;
};

export type ShipmentPivot = {
  by: PivotDimension;
  /** Largest first (distinct shipments, then rows, then label); at most the limit asked for. */
  groups: PivotGroup[];
  /** How many groups there are in all. */
  groupCount: number;
  /** Rows left out: no value for the dimension (an empty party or HS code). */
  ungroupedRows: number;
  /** Grouping by counterparty asked for, but the filter names no party to be the other side of. */
  needsParty: boolean;
};

type NetworkEdge = GroupFigures & { shipper: number; consignee: number };
export type ShipmentNetwork = {
  /** The entities on either end of an edge; edges name them by place in this list. */
  nodes: { id: string; name: string; shipments: number }[];
  /** Largest first; at most the limit asked for. */
  edges: NetworkEdge[];
  edgeCount: number;
};

/**
 * The rows' figures by group. `groupOf(row, at)` gives the group of the row at `rows[at]`, from 0
 * up to `groupCount`, or -1 to leave it out. A shipment reported by several rows counts once, in the group of its first row.
 */
function tally(
  view: ShipmentColumnsView,
  rows: ArrayLike<number>,
  groupOf: (row: number, at: number) => number,
  groupCount: number,
): {
  figures: (number: number) => GroupFigures;
  rowCounts: Int32Array;
  shipmentCounts: Int32Array;
  ungrouped: number;
} {
  const rowCounts = new Int32Array(groupCount);
  const shipments = new Int32Array(groupCount);
  const weights = new Float64Array(groupCount);
  /** Value per group, one array per currency met. */
  const values = new Map<number, Float64Array>();
  const valued = new Map<number, Uint8Array>();
  const { value, weightKg, currency } = view;
  const addShipment = (row: number, group: number) => {
    shipments[group] += 1;
    const amount = value[row];
    if (!Number.isNaN(amount)) {
      const code = currency[row];
      let totals = values.get(code);
      if (!totals) {
        totals = new Float64Array(groupCount);
        values.set(code, totals);
        valued.set(code, new Uint8Array(groupCount));
      }
      totals[group] += amount;
      valued.get(code)![group] = 1;
    }
    if (!Number.isNaN(weightKg[row])) weights[group] += weightKg[row];
  };
  const matched = view.groupStart.length - 1;
  const first = new Int32Array(matched).fill(-1);
  const firstGroup = new Int32Array(matched);
  let ungrouped = 0;
  for (let at = 0; at < rows.length; at += 1) {
    const row = rows[at];
    const group = groupOf(row, at);
    if (group < 0) {
      ungrouped += 1;
      continue;
    }
    rowCounts[group] += 1;
    const shipment = view.groupOf[row];
    if (shipment < 0) addShipment(row, group);
    else if (first[shipment] < 0 || row < first[shipment]) {
      first[shipment] = row;
      firstGroup[shipment] = group;
    }
  }
  for (let shipment = 0; shipment < matched; shipment += 1)
    if (first[shipment] >= 0) addShipment(first[shipment], firstGroup[shipment]);
  const currencies = [...values.keys()].sort((a, b) =>
    (view.currencies[a] ?? '').localeCompare(view.currencies[b] ?? ''),
  );
  return {
    rowCounts,
    shipmentCounts: shipments,
    ungrouped,
    figures: (group) => ({
      shipments: shipments[group],
      rows: rowCounts[group],
      valueByCurrency: currencies
        .filter((code) => valued.get(code)![group] === 1)
        .map((code) => ({
          currency: view.currencies[code] ?? '',
          total: values.get(code)![group],
        })),
      weightKg: weights[group],
    }),
  };
}

/** Group numbers handed out in order of first sight, for keys that are not already small numbers. */
class Numbering {
  readonly keys: number[] = [];
  private readonly numbers = new Map<number, number>();
  of(key: number): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, number);
    }
    return number;
  }
}

/** Ranks groups: more distinct shipments first, then more rows, then by label. */
function ranked<T extends GroupFigures & { label?: string }>(groups: T[]): T[] {
  return groups.sort(
    (a, b) =>
      b.shipments - a.shipments || b.rows - a.rows || (a.label ?? '').localeCompare(b.label ?? ''),
  );
}

/** The first `limit` of 0…count−1 in the order of `compare`, without sorting them all. */
function heaviest(
  count: number,
  limit: number,
  compare: (a: number, b: number) => number,
): number[] {
  const top: number[] = [];
  if (limit <= 0) return top;
  for (let item = 0; item < count; item += 1) {
    if (top.length === limit && compare(item, top[limit - 1]) >= 0) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && compare(item, top[at - 1]) < 0) {
      top[at] = top[at - 1];
      at -= 1;
    }
    top[at] = item;
  }
  return top;
}

/**
 * Each entity's name: a stored entity's canonical name, else the spelling of it that most rows
 * use (counted over `rows`, so a group is named as the filtered rows write it).
 */
function entityNames(
  view: ShipmentColumnsView,
  rows: ArrayLike<number>,
  namer: EntityNamer,
): (entity: number) => string {
  const counts = new Int32Array(view.parties.length);
  for (let at = 0; at < rows.length; at += 1) {
    const row = rows[at];
    counts[view.shipper[row]] += 1;
    counts[view.consignee[row]] += 1;
  }
  const best = new Int32Array(view.entityIds.length).fill(-1);
  counts.forEach((count, party) => {
    const entity = view.partyEntity[party];
    if (entity >= 0 && count > 0 && (best[entity] < 0 || count > counts[best[entity]]))
      best[entity] = party;
  });
  return (entity) => {
    const id = view.entityIds[entity] ?? '';
    return namer(id) ?? view.parties[best[entity] ?? -1] ?? id;
  };
}

/**
 * The counterparty of each row relative to the focus (the party spellings the filter is about):
 * the other side's entity, or -1 where neither side is in focus. A row where both are (an entity
 * shipping to itself) counts its consignee.
 */
function counterpartyOf(view: ShipmentColumnsView, focus: Uint8Array): (row: number) => number {
  const { shipper, consignee, partyEntity } = view;
  return (row) => {
    const from = shipper[row];
    const to = consignee[row];
    if (focus[from] === 1) return partyEntity[to];
    if (focus[to] === 1) return partyEntity[from];
    return -1;
  };
}

/**
 * The pivot of `rows` by `by`. `focus` marks the party spellings the filter is about (its entity or
 * party words): grouping by counterparty needs one, and gives no groups (`needsParty`) without.
 */
export function pivotShipments(
  view: ShipmentColumnsView,
  rows: ArrayLike<number>,
  by: PivotDimension,
  options: { focus: Uint8Array | null; namer: EntityNamer; limit: number },
): ShipmentPivot {
  let groupOf: (row: number) => number;
  let groupCount: number;
  let label: (group: number) => string;
  let entityId: (group: number) => string | null = () => null;
  const { partyEntity } = view;
  if (by === 'shipper' || by === 'consignee' || by === 'counterparty') {
    let partyOf: (row: number) => number;
    if (by === 'counterparty') {
      if (!options.focus)
        return { by, groups: [], groupCount: 0, ungroupedRows: rows.length, needsParty: true };
      partyOf = counterpartyOf(view, options.focus);
    } else {
      const column = view[by];
      partyOf = (row) => partyEntity[column[row]];
    }
    groupOf = partyOf;
    groupCount = view.entityIds.length;
    const name = entityNames(view, rows, options.namer);
    label = name;
    entityId = (group) => view.entityIds[group] ?? null;
  } else if (by === 'hsChapter' || by === 'hsHeading') {
    const digits = by === 'hsChapter' ? 2 : 4;
    const prefixes = new Numbering();
    const codeGroup = Int32Array.from(view.hsCodes, (code) =>
      code.length < digits ? -1 : prefixes.of(Number(code.slice(0, digits))),
    );
    groupOf = (row) => codeGroup[view.hsCode[row]];
    groupCount = prefixes.keys.length;
    label = (group) => String(prefixes.keys[group]).padStart(digits, '0');
  } else if (by === 'hsCode') {
    groupOf = (row) => (view.hsCodes[view.hsCode[row]] === '' ? -1 : view.hsCode[row]);
    groupCount = view.hsCodes.length;
    label = (group) => view.hsCodes[group] ?? '';
  } else if (by === 'originCountry' || by === 'destinationCountry') {
    const column = view[by];
    groupOf = (row) => (view.countries[column[row]] === '' ? -1 : column[row]);
    groupCount = view.countries.length;
    label = (group) => view.countries[group] ?? '';
  } else {
    let low = Infinity;
    let high = -Infinity;
    for (let at = 0; at < rows.length; at += 1) {
      const day = view.date[rows[at]];
      if (day < low) low = day;
      if (day > high) high = day;
    }
    const firstMonth = rows.length > 0 ? monthFromDays(low) : 0;
    groupCount = rows.length > 0 ? monthFromDays(high) - firstMonth + 1 : 0;
    groupOf = (row) => monthFromDays(view.date[row]) - firstMonth;
    label = (group) => isoMonth(firstMonth + group);
  }
  const { figures, rowCounts, ungrouped } = tally(view, rows, groupOf, groupCount);
  const groups: PivotGroup[] = [];
  rowCounts.forEach((count, group) => {
    if (count > 0)
      groups.push({ label: label(group), entityId: entityId(group), ...figures(group) });
  });
  // Months read in calendar order; every other dimension largest first.
  const ordered = by === 'month' ? groups : ranked(groups);
  return {
    by,
    groups: ordered.slice(0, options.limit),
    groupCount: groups.length,
    ungroupedRows: ungrouped,
    needsParty: false,
  };
}

/**
 * Who shipped to whom among `rows`: an edge per shipper and consignee entity pair, weighted by
 * distinct shipments and value. Rows without both parties are left out.
 */
export function shipmentNetwork(
  view: ShipmentColumnsView,
  rows: ArrayLike<number>,
  options: { namer: EntityNamer; limit: number },
): ShipmentNetwork {
  const { shipper, consignee, partyEntity } = view;
  const entities = view.entityIds.length;
  // Pairs numbered by sorting the rows on their pair's key (a radix sort: a Map over a million
  // rows took as long as everything else), then the heaviest picked without sorting them all.
  const keys = new Float64Array(rows.length);
  for (let at = 0; at < rows.length; at += 1) {
    const from = partyEntity[shipper[rows[at]]];
    const to = partyEntity[consignee[rows[at]]];
    keys[at] = from < 0 || to < 0 ? Number.NaN : from * entities + to;
  }
  const pairOf = new Int32Array(rows.length).fill(-1);
  const pairKeys: number[] = [];
  for (const at of sortOrder(keys)) {
    const key = keys[at];
    if (Number.isNaN(key)) break;
    if (key !== pairKeys.at(-1)) pairKeys.push(key);
    pairOf[at] = pairKeys.length - 1;
  }
  const { figures, rowCounts, shipmentCounts } = tally(
    view,
    rows,
    (_row, at) => pairOf[at],
    pairKeys.length,
  );
  const kept: NetworkEdge[] = heaviest(
    pairKeys.length,
    options.limit,
    (a, b) => shipmentCounts[b] - shipmentCounts[a] || rowCounts[b] - rowCounts[a] || a - b,
  ).map((pair) => ({
    shipper: Math.floor(pairKeys[pair] / entities),
    consignee: pairKeys[pair] % entities,
    ...figures(pair),
  }));
  const name = entityNames(view, rows, options.namer);
  const nodeOf = new Numbering();
  const nodeShipments = new Map<number, number>();
  const shown = kept.map((edge) => {
    for (const entity of [edge.shipper, edge.consignee])
      nodeShipments.set(entity, (nodeShipments.get(entity) ?? 0) + edge.shipments);
    return { ...edge, shipper: nodeOf.of(edge.shipper), consignee: nodeOf.of(edge.consignee) };
  });
  return {
    nodes: nodeOf.keys.map((entity) => ({
      id: view.entityIds[entity] ?? '',
      name: name(entity),
      shipments: nodeShipments.get(entity) ?? 0,
    })),
    edges: shown,
    edgeCount: pairKeys.length,
  };
}
