/**
 * What the shipments say about entities: the directory of every entity with its spellings and
 * shipment count, and one entity's profile (spellings with counts, roles, counterparties ranked,
 * shipments per month). Pure functions over the shipment engine's columns.
 */
import { isoMonth, monthFromDays } from './dates';
import type { ShipmentColumnsView, ShipmentIndex } from './shipmentIndex';

export type EntityListing = {
  id: string;
  name: string;
  /** Whether the user has grouped it (a stored entity) rather than a lone spelling. */
  stored: boolean;
  spellings: number;
  shipments: number;
};

export type EntityProfile = {
  id: string;
  spellings: { spelling: string; aliasKey: string; shipments: number }[];
  /** Rows naming the entity as shipper, as consignee. */
  asShipper: number;
  asConsignee: number;
  /** The distinct shipments of those rows (rows reporting one shipment, matched, count once). */
  shipmentsAsShipper: number;
  shipmentsAsConsignee: number;
  /** Every counterparty (the entity at a row's other end): `counterparties` lists the first. */
  counterpartyCount: number;
  /**
   * Those with the most shipments (`COUNTERPARTIES_LISTED` at most), ties broken by the largest
   * per-currency total, then as met in the rows.
   */
  counterparties: {
    id: string;
    name: string;
    shipments: number;
    valueByCurrency: { currency: string; total: number }[];
  }[];
  /** Shipments per month (`YYYY-MM`), in date order, split by role. */
  months: { month: string; asShipper: number; asConsignee: number }[];
};

/**
 * Spelling counts by the shipper column they were counted from (a column's rows never change
 * once loaded): an entity's page, the directory and an entity's name each need them, and opening
 * an entity counted a million rows three times over for them.
 */
const countsOf = new WeakMap<object, { count: number; counts: Int32Array }>();

/** Names entities: a stored entity's canonical name, else the commonest spelling of its key. */
export type EntityNamer = (id: string) => string | undefined;

function spellingCounts(view: ShipmentColumnsView): Int32Array {
  const known = countsOf.get(view.shipper);
  if (known?.count === view.count && known.counts.length === view.parties.length)
    return known.counts;
  const counts = new Int32Array(view.parties.length);
  for (let row = 0; row < view.count; row += 1) {
    counts[view.shipper[row]] += 1;
    if (view.consignee[row] !== view.shipper[row]) counts[view.consignee[row]] += 1;
  }
  countsOf.set(view.shipper, { count: view.count, counts });
  return counts;
}

/** Each entity's commonest spelling, by party number (-1 for an entity with none). */
function commonestSpellings(view: ShipmentColumnsView): Int32Array {
  const counts = spellingCounts(view);
  const best = new Int32Array(view.entityIds.length).fill(-1);
  view.partyEntity.forEach((entity, party) => {
    if (entity >= 0 && (best[entity] < 0 || counts[party] > counts[best[entity]]))
      best[entity] = party;
  });
  return best;
}

/** An entity's name: its canonical name, else its commonest spelling (`commonestSpellings`). */
const nameOf = (
  view: ShipmentColumnsView,
  namer: EntityNamer,
  best: Int32Array,
  entity: number,
) => {
  const id = view.entityIds[entity] ?? '';
  return namer(id) ?? view.parties[best[entity]] ?? id;
};

/**
 * The entity an id a filter or link recorded names now (after merges), with every spelling it
 * gathers as the files write it; or null if it is gone.
 */
export function currentEntity(
  index: Pick<ShipmentIndex, 'entityNumberOf' | 'view'>,
  id: string,
  namer: EntityNamer,
): { id: string; name: string; spellings: string[] } | null {
  const number = index.entityNumberOf(id);
  if (number < 0) return null;
  const view = index.view();
  const counts = spellingCounts(view);
  const spellings = new Set<string>();
  view.partyEntity.forEach((owner, party) => {
    if (owner === number && counts[party] > 0) spellings.add(view.parties[party] ?? '');
  });
  return {
    id: view.entityIds[number] ?? id,
    name: nameOf(view, namer, commonestSpellings(view), number),
    spellings: [...spellings].filter(Boolean).sort((a, b) => a.localeCompare(b)),
  };
}

export function entityDirectory(
  view: ShipmentColumnsView,
  namer: EntityNamer,
  storedIds: ReadonlySet<string>,
): EntityListing[] {
  const counts = spellingCounts(view);
  const best = commonestSpellings(view);
  const shipments = new Int32Array(view.entityIds.length);
  for (let row = 0; row < view.count; row += 1) {
    const shipper = view.partyEntity[view.shipper[row]];
    const consignee = view.partyEntity[view.consignee[row]];
    if (shipper >= 0) shipments[shipper] += 1;
    if (consignee >= 0 && consignee !== shipper) shipments[consignee] += 1;
  }
  const spellings = new Int32Array(view.entityIds.length);
  view.partyEntity.forEach((entity, party) => {
    if (entity >= 0 && counts[party] > 0) spellings[entity] += 1;
  });
  return view.entityIds
    .map((id, entity) => ({
      id,
      name: nameOf(view, namer, best, entity),
      stored: storedIds.has(id),
      spellings: spellings[entity],
      shipments: shipments[entity],
    }))
    .filter((listing) => listing.shipments > 0)
    .sort((a, b) => b.shipments - a.shipments || a.name.localeCompare(b.name));
}

/** The rows whose shipper or consignee is one of the spellings `own` marks, in order. */
function rowsNaming(view: ShipmentColumnsView, own: Uint8Array): number[] {
  const { shipper, consignee } = view;
  const rows: number[] = [];
  for (let row = 0; row < view.count; row += 1)
    if ((own[shipper[row]] | own[consignee[row]]) !== 0) rows.push(row);
  return rows;
}

/**
 * Totals by counterparty and currency: a cell a counterparty (numbered in the order met) and
 * currency, in typed arrays that grow as counterparties are met, and the cells in the order met.
 */
class CounterpartyTotals {
  private sums = new Float64Array(0);
  private used = new Uint8Array(0);
  /** Cells (counterparty × currencies + currency) in the order first added to. */
  readonly met: number[] = [];

  constructor(readonly currencies: number) {}

  add(counterparty: number, currency: number, amount: number): void {
    const cell = counterparty * this.currencies + currency;
    if (cell >= this.sums.length) this.grow(cell);
    if (this.used[cell] === 0) {
      this.used[cell] = 1;
      this.met.push(cell);
    }
    this.sums[cell] += amount;
  }

  sum(cell: number): number {
    return this.sums[cell];
  }

  private grow(cell: number) {
    const size = Math.max(cell + 1, this.sums.length * 2, 64 * this.currencies);
    const sums = new Float64Array(size);
    sums.set(this.sums);
    const used = new Uint8Array(size);
    used.set(this.used);
    [this.sums, this.used] = [sums, used];
  }
}

/** Counterparties an entity's profile lists: those with the most shipments. */
export const COUNTERPARTIES_LISTED = 25;

/**
 * What an entity's page shows, with no object, Map or Set a row: its spellings, its rows and
 * shipments as shipper and as consignee, its leading counterparties and its months. Its rows are
 * found first in one tight pass over two columns (most rows name neither), and only they are read
 * again. An entity is opened a few times, not thousands, so this runs mostly unoptimised: with Map
 * and Set updates for each of its rows it took 45-55 ms in the app for an entity of 73,000 rows in
 * a million, and all its 2,900 counterparties, named and sent to the page, another 12-16 ms.
 */
export function entityProfile(
  view: ShipmentColumnsView,
  entity: number,
  namer: EntityNamer,
): EntityProfile {
  const own = new Uint8Array(view.parties.length);
  view.partyEntity.forEach((owner, party) => {
    if (owner === entity) own[party] = 1;
  });
  const rows = rowsNaming(view, own);
  const spellingRows = new Int32Array(view.parties.length);
  // Each counterparty's shipments and number in the order met (which breaks ties), by entity.
  const otherShipments = new Int32Array(view.entityIds.length);
  const otherNumber = new Int32Array(view.entityIds.length);
  const othersMet: number[] = [];
  const totals = new CounterpartyTotals(Math.max(1, view.currencies.length));
  // Shipments: a row in no group is one of its own; a group's rows are one, counted once (a flag
  // a group: 1 once counted as shipper, 2 as consignee).
  const ungrouped = { shipper: 0, consignee: 0 };
  const grouped = { shipper: 0, consignee: 0 };
  const counted = new Uint8Array(Math.max(0, view.groupStart.length - 1));
  // Each row's month, then rows per month and role from the first month met to the last.
  const monthOf = new Int32Array(rows.length);
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  for (let at = 0; at < rows.length; at += 1) {
    const month = monthFromDays(view.date[rows[at]]);
    monthOf[at] = month;
    if (month < firstMonth) firstMonth = month;
    if (month > lastMonth) lastMonth = month;
  }
  const shipperMonths = new Int32Array(rows.length > 0 ? lastMonth - firstMonth + 1 : 0);
  const consigneeMonths = new Int32Array(shipperMonths.length);
  let asShipper = 0;
  let asConsignee = 0;
  for (let at = 0; at < rows.length; at += 1) {
    const row = rows[at];
    const shipperParty = view.shipper[row];
    const consigneeParty = view.consignee[row];
    const isShipper = own[shipperParty] === 1;
    const isConsignee = own[consigneeParty] === 1;
    const group = view.groupOf[row];
    if (isShipper) {
      asShipper += 1;
      shipperMonths[monthOf[at] - firstMonth] += 1;
      spellingRows[shipperParty] += 1;
      if (group < 0) ungrouped.shipper += 1;
      else if ((counted[group] & 1) === 0) {
        counted[group] |= 1;
        grouped.shipper += 1;
      }
    }
    if (isConsignee) {
      asConsignee += 1;
      consigneeMonths[monthOf[at] - firstMonth] += 1;
      if (consigneeParty !== shipperParty || !isShipper) spellingRows[consigneeParty] += 1;
      if (group < 0) ungrouped.consignee += 1;
      else if ((counted[group] & 2) === 0) {
        counted[group] |= 2;
        grouped.consignee += 1;
      }
    }
    const other = view.partyEntity[isShipper ? consigneeParty : shipperParty];
    if (other >= 0 && other !== entity) {
      if (otherShipments[other] === 0) otherNumber[other] = othersMet.push(other) - 1;
      otherShipments[other] += 1;
      const amount = view.value[row];
      if (!Number.isNaN(amount)) totals.add(otherNumber[other], view.currency[row], amount);
    }
  }
  // Each counterparty's largest per-currency total; those listed, their totals in the order met.
  const largest = new Float64Array(othersMet.length);
  for (const cell of totals.met)
    largest[Math.floor(cell / totals.currencies)] = Math.max(
      largest[Math.floor(cell / totals.currencies)],
      totals.sum(cell),
    );
  // Counterparties of equal count by their largest per-currency total (currencies never add),
  // then as first met.
  const listed = [...othersMet.keys()]
    .sort(
      (a, b) =>
        otherShipments[othersMet[b]] - otherShipments[othersMet[a]] || largest[b] - largest[a],
    )
    .slice(0, COUNTERPARTIES_LISTED);
  const byCurrency = new Map(
    listed.map((number): [number, { currency: string; total: number }[]] => [number, []]),
  );
  for (const cell of totals.met)
    byCurrency.get(Math.floor(cell / totals.currencies))?.push({
      currency: view.currencies[cell % totals.currencies] ?? '',
      total: totals.sum(cell),
    });
  const best = commonestSpellings(view);
  return {
    id: view.entityIds[entity] ?? '',
    spellings: [...spellingRows.keys()]
      .filter((party) => spellingRows[party] > 0)
      .map((party) => ({
        spelling: view.parties[party] ?? '',
        aliasKey: view.partyKeys[party] ?? '',
        shipments: spellingRows[party],
      }))
      .sort((a, b) => b.shipments - a.shipments || a.spelling.localeCompare(b.spelling)),
    asShipper,
    asConsignee,
    shipmentsAsShipper: ungrouped.shipper + grouped.shipper,
    shipmentsAsConsignee: ungrouped.consignee + grouped.consignee,
    counterpartyCount: othersMet.length,
    counterparties: listed.map((number) => {
      const other = othersMet[number];
      return {
        id: view.entityIds[other] ?? '',
        name: nameOf(view, namer, best, other),
        shipments: otherShipments[other],
        valueByCurrency: byCurrency.get(number) ?? [],
      };
    }),
    months: [...shipperMonths.keys()]
      .filter((at) => shipperMonths[at] + consigneeMonths[at] > 0)
      .map((at) => ({
        month: isoMonth(firstMonth + at),
        asShipper: shipperMonths[at],
        asConsignee: consigneeMonths[at],
      })),
  };
}
