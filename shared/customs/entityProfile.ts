/**
 * What the shipments say about entities: the directory of every entity with its spellings and
 * shipment count, and one entity's profile (spellings with counts, roles, counterparties ranked,
 * shipments per month). Pure functions over the shipment engine's columns.
 */
import { isoMonth, monthFromDays } from './dates';
import { shipmentKey, type ShipmentColumnsView, type ShipmentIndex } from './shipmentIndex';

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

function names(view: ShipmentColumnsView, namer: EntityNamer, counts: Int32Array): string[] {
  const best = new Int32Array(view.entityIds.length).fill(-1);
  view.partyEntity.forEach((entity, party) => {
    if (entity >= 0 && (best[entity] < 0 || counts[party] > counts[best[entity]]))
      best[entity] = party;
  });
  return view.entityIds.map((id, entity) => namer(id) ?? view.parties[best[entity]] ?? id);
}

/** One entity's name: its canonical name, else its commonest spelling. */
function entityName(view: ShipmentColumnsView, entity: number, namer: EntityNamer): string {
  const id = view.entityIds[entity] ?? '';
  const named = namer(id);
  if (named !== undefined) return named;
  const counts = spellingCounts(view);
  let best = -1;
  view.partyEntity.forEach((owner, party) => {
    if (owner === entity && (best < 0 || counts[party] > counts[best])) best = party;
  });
  return view.parties[best] ?? id;
}

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
    name: entityName(view, number, namer),
    spellings: [...spellings].filter(Boolean).sort((a, b) => a.localeCompare(b)),
  };
}

export function entityDirectory(
  view: ShipmentColumnsView,
  namer: EntityNamer,
  storedIds: ReadonlySet<string>,
): EntityListing[] {
  const counts = spellingCounts(view);
  const entityNames = names(view, namer, counts);
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
      name: entityNames[entity] ?? id,
      stored: storedIds.has(id),
      spellings: spellings[entity],
      shipments: shipments[entity],
    }))
    .filter((listing) => listing.shipments > 0)
    .sort((a, b) => b.shipments - a.shipments || a.name.localeCompare(b.name));
}

/**
 * What an entity's page shows, in one pass over the rows with no object made a row: its spellings,
 * its rows and shipments as shipper and as consignee, its counterparties and its months.
 */
export function entityProfile(
  view: ShipmentColumnsView,
  entity: number,
  namer: EntityNamer,
): EntityProfile {
  const counts = spellingCounts(view);
  const entityNames = names(view, namer, counts);
  const spellingRows = new Map<number, number>();
  // Each counterparty's shipments, by entity number, in the order first met (which breaks ties),
  // and its totals keyed by entity and currency number together: no object or Map a row.
  const otherShipments = new Int32Array(view.entityIds.length);
  const othersMet: number[] = [];
  const currencyCount = Math.max(1, view.currencies.length);
  const otherTotals = new Map<number, number>();
  const months = new Map<number, { asShipper: number; asConsignee: number }>();
  let asShipper = 0;
  let asConsignee = 0;
  // Shipments: a row in no group is one of its own; a group's rows are one, counted once.
  const ungrouped = { shipper: 0, consignee: 0 };
  const groups = { shipper: new Set<number>(), consignee: new Set<number>() };
  for (let row = 0; row < view.count; row += 1) {
    const shipperParty = view.shipper[row];
    const consigneeParty = view.consignee[row];
    const isShipper = view.partyEntity[shipperParty] === entity;
    const isConsignee = view.partyEntity[consigneeParty] === entity;
    if (!isShipper && !isConsignee) continue;
    const shipment = shipmentKey(view, row);
    if (isShipper) {
      asShipper += 1;
      if (shipment >= 0) groups.shipper.add(shipment);
      else ungrouped.shipper += 1;
      spellingRows.set(shipperParty, (spellingRows.get(shipperParty) ?? 0) + 1);
    }
    if (isConsignee) {
      asConsignee += 1;
      if (shipment >= 0) groups.consignee.add(shipment);
      else ungrouped.consignee += 1;
      if (consigneeParty !== shipperParty || !isShipper)
        spellingRows.set(consigneeParty, (spellingRows.get(consigneeParty) ?? 0) + 1);
    }
    const other = view.partyEntity[isShipper ? consigneeParty : shipperParty];
    if (other >= 0 && other !== entity) {
      if (otherShipments[other] === 0) othersMet.push(other);
      otherShipments[other] += 1;
      const amount = view.value[row];
      if (!Number.isNaN(amount)) {
        const key = other * currencyCount + view.currency[row];
        otherTotals.set(key, (otherTotals.get(key) ?? 0) + amount);
      }
    }
    const month = monthFromDays(view.date[row]);
    const tally = months.get(month) ?? { asShipper: 0, asConsignee: 0 };
    if (isShipper) tally.asShipper += 1;
    if (isConsignee) tally.asConsignee += 1;
    months.set(month, tally);
  }
  // Each counterparty's totals, in the order its currencies were met, and the largest of them.
  const totals = new Map<number, { currency: string; total: number }[]>();
  const largest = new Float64Array(view.entityIds.length);
  for (const [key, total] of otherTotals) {
    const other = Math.floor(key / currencyCount);
    const list = totals.get(other) ?? [];
    list.push({ currency: view.currencies[key % currencyCount] ?? '', total });
    totals.set(other, list);
    largest[other] = Math.max(largest[other], total);
  }
  return {
    id: view.entityIds[entity] ?? '',
    spellings: [...spellingRows.entries()]
      .map(([party, shipments]) => ({
        spelling: view.parties[party] ?? '',
        aliasKey: view.partyKeys[party] ?? '',
        shipments,
      }))
      .sort((a, b) => b.shipments - a.shipments || a.spelling.localeCompare(b.spelling)),
    asShipper,
    asConsignee,
    shipmentsAsShipper: ungrouped.shipper + groups.shipper.size,
    shipmentsAsConsignee: ungrouped.consignee + groups.consignee.size,
    // Counterparties of equal count by their largest per-currency total (currencies never add),
    // then as first met.
    counterparties: othersMet
      .sort((a, b) => otherShipments[b] - otherShipments[a] || largest[b] - largest[a])
      .map((other) => ({
        id: view.entityIds[other] ?? '',
        name: entityNames[other] ?? '',
        shipments: otherShipments[other],
        valueByCurrency: totals.get(other) ?? [],
      })),
    months: [...months.entries()]
      .sort(([a], [b]) => a - b)
      .map(([month, tally]) => ({
        month: isoMonth(month),
        ...tally,
      })),
  };
}
