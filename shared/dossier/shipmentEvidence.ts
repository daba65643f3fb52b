/**
 * The shipment engine's part of a dossier, frozen at the moment of export: the rows each saved
 * filter matches, every cited row with its raw cells, and each claim's shipment summary. Run by the
 * engine's worker over its loaded index (and by the tests over one built in-process).
 */
import { summariseShipments } from '../customs/corroboration';
import type { CellsOf } from '../customs/dataset';
import type { ShipmentFilter } from '../customs/shipmentFilter';
import {
  parseShipmentRefId,
  shipmentKey,
  shipmentRefId,
  type ShipmentColumnsView,
  type ShipmentIndex,
} from '../customs/shipmentIndex';
import type { EvidenceLink } from '../evidence/link';
import type { PartyShipment } from '../sanctions/designationPeriods';
import type { DossierInput, ShipmentDerivation } from './input';

export type ShipmentEvidenceRequest = {
  filters: { id: string; filter: ShipmentFilter }[];
  links: EvidenceLink[];
};

/** Reads rows' raw cells, in order (they are stored apart from the columns, if at all). */
export type CellReader = (rows: readonly CellsOf[]) => Promise<string[][]>;

/**
 * The rows each link names (a saved filter's matches now, or one cited row), and per claim the rows
 * its summary counts: contradicting links name rows but do not count towards the claim.
 */
export function linkedRows(
  index: ShipmentIndex,
  request: ShipmentEvidenceRequest,
): {
  matches: Map<string, Int32Array>;
  byLink: Map<string, number[]>;
  counted: Map<string, Set<number>>;
} {
  const sort = { column: 'row', direction: 'asc' } as const;
  const matches = new Map<string, Int32Array>();
  for (const { id, filter } of request.filters) matches.set(id, index.query(filter, sort).rows);
  const byLink = new Map<string, number[]>();
  const counted = new Map<string, Set<number>>();
  for (const link of request.links) {
    const rows =
      link.targetType === 'savedFilter'
        ? Array.from(matches.get(link.targetId) ?? [])
        : link.targetType === 'shipment'
          ? [index.rowOf(parseShipmentRefId(link.targetId) ?? { datasetId: '', rowNumber: -1 })]
          : [];
    const found = rows.filter((row) => row >= 0);
    byLink.set(link.id, found);
    const claimRows = counted.get(link.claimId) ?? new Set<number>();
    counted.set(link.claimId, claimRows);
    if (link.relation !== 'contradicts') for (const row of found) claimRows.add(row);
  }
  return { matches, byLink, counted };
}

/**
 * The distinct shipments of a claim's counted rows as its summary counts them: each with the row
 * that stands for it (the first counted, whose date, weight and value are summed) and its counted
 * rows, all by `datasetId:rowNumber`.
 */
function derivation(
  index: ShipmentIndex,
  view: ShipmentColumnsView,
  rows: Iterable<number>,
): ShipmentDerivation[] {
  const shipments = new Map<number, ShipmentDerivation>();
  for (const row of rows) {
    const ref = shipmentRefId(index.row(row));
    const key = shipmentKey(view, row);
    const shipment = shipments.get(key);
    if (shipment) shipment.rows.push(ref);
    else shipments.set(key, { representative: ref, rows: [ref] });
  }
  return [...shipments.values()];
}

/**
 * A claim's distinct shipments as a designation's figure counts them: each one's day and the
 * entities (by number) its shipper and consignee resolve to ('' for an empty party).
 */
export function partyShipments(view: ShipmentColumnsView, rows: Iterable<number>): PartyShipment[] {
  const party = (spelling: number) => {
    const entity = view.partyEntity[spelling];
    return entity >= 0 ? String(entity) : '';
  };
  const seen = new Set<number>();
  const shipments: PartyShipment[] = [];
  for (const row of rows) {
    const key = shipmentKey(view, row);
    if (seen.has(key)) continue;
    seen.add(key);
    shipments.push({
      day: view.date[row],
      shipper: party(view.shipper[row]),
      consignee: party(view.consignee[row]),
    });
  }
  return shipments;
}

export async function shipmentEvidence(
  index: ShipmentIndex,
  request: ShipmentEvidenceRequest,
  readCells: CellReader,
): Promise<Pick<DossierInput, 'rows' | 'filterRows' | 'summaries' | 'derivations'>> {
  const { matches, byLink, counted } = linkedRows(index, request);
  const view = index.view();
  const cited = new Set([...byLink.values()].flat());
  // Each cited row's matches in other datasets come too: they make "reported by 2 datasets" true.
  const included = new Set(cited);
  for (const row of cited) {
    const group = view.groupOf[row] ?? -1;
    if (group >= 0)
      for (const member of view.groupRows.subarray(
        view.groupStart[group],
        view.groupStart[group + 1],
      ))
        included.add(member);
  }
  const party = (spelling: number): string => view.entityIds[view.partyEntity[spelling]] ?? '';

  const rows: DossierInput['rows'] = {};
  const ordered = [...included].sort((a, b) => a - b);
  // The dossier names a dataset by its file: the name the app shows it under stays behind.
  const shipments = ordered.map((row) => {
    const { datasetLabel: _shownAs, ...shipment } = index.row(row);
    return shipment;
  });
  const cells = await readCells(shipments);
  shipments.forEach((shipment, at) => {
    const row = ordered[at];
    rows[shipmentRefId(shipment)] = {
      ...shipment,
      cells: cells[at],
      shipment: shipmentKey(view, row),
      shipperParty: party(view.shipper[row]),
      consigneeParty: party(view.consignee[row]),
    };
  });
  return {
    rows,
    filterRows: Object.fromEntries(
      [...matches].map(([id, found]) => [
        id,
        Array.from(found, (row) => shipmentRefId(index.row(row))),
      ]),
    ),
    summaries: Object.fromEntries(
      [...counted].map(([claimId, claimRows]) => [claimId, summariseShipments(view, claimRows)]),
    ),
    derivations: Object.fromEntries(
      [...counted].map(([claimId, claimRows]) => [claimId, derivation(index, view, claimRows)]),
    ),
  };
}
