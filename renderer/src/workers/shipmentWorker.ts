/// <reference lib="webworker" />
/**
 * The shipment engine: loads an investigation's column blocks once, resolves party spellings to
 * entities and matches shipments across datasets, then answers filters, sorts, totals, pages of
 * rows, entity profiles and evidence summaries off the UI thread.
 */
import * as Comlink from 'comlink';
import { latestOnly } from '../lib/latestOnly';
import type { Dataset } from '#shared/customs/dataset';
import { summariseShipments, type ShipmentEvidenceSummary } from '#shared/customs/corroboration';
import {
  currentEntity,
  entityDirectory,
  entityProfile,
  type EntityListing,
  type EntityProfile,
} from '#shared/customs/entityProfile';
import {
  emptyShipmentFilter,
  type ShipmentFilter,
  type ShipmentSort,
} from '#shared/customs/shipmentFilter';
import {
  emptyQuerySummary,
  type ShipmentIndex,
  type QuerySummary,
  type ShipmentRef,
  type ShipmentRow,
} from '#shared/customs/shipmentIndex';
import {
  pivotShipments,
  shipmentNetwork,
  type PivotDimension,
  type ShipmentNetwork,
  type ShipmentPivot,
} from '#shared/customs/shipmentGroups';
import { foldForSearch } from '#shared/claimFilter';
import type { Entity } from '#shared/entities/entity';
import { PartyResolution } from '#shared/entities/resolution';
import { suggestGroups, type Suggestion } from '#shared/entities/suggestions';
import type { DossierInput } from '#shared/dossier/input';
import {
  linkedRows,
  partyShipments,
  shipmentEvidence,
  type ShipmentEvidenceRequest,
} from '#shared/dossier/shipmentEvidence';
import type { EvidenceLink } from '#shared/evidence/link';
import { designationFigure, type DesignationFigure } from '#shared/sanctions/designationPeriods';
import type { Designation } from '#shared/sanctions/ftm';
import type { PartialDate } from '#shared/sanctions/partialDate';
import { confirmedDesignations } from '#shared/sanctions/citedDesignation';
import { DECLARED_LIST, declaredDesignations } from '#shared/sanctions/declaredDesignation';
import { OpenDatabases } from '../db/openDatabases';
import { datasetCells, rawCells } from '../db/rawCells';
import type { DbAccess, InvestigationDb } from '../db/schema';
import { loadIndex } from './shipments/loadIndex';
import { withStoreWorker } from './withStoreWorker';

type Progress = (done: number, total: number) => void;

/** One claim's links, and the saved filters they cite. */
export type ClaimEvidenceRequest = ShipmentEvidenceRequest & {
  /** The designations the claim cites: the entity each is of (as recorded), its period. */
  designations: { entityId: string; designation: Designation; asOf: PartialDate }[];
};
export type ClaimEvidenceAnswer = {
  summary: ShipmentEvidenceSummary;
  /** Each cited designation's figure over the claim's distinct shipments, in the request's order. */
  designationFigures: DesignationFigure[];
  filterCounts: number[];
  shipments: (ShipmentRow | null)[];
  entities: ({ id: string; name: string } | null)[];
};

const databases = new OpenDatabases();
let db: InvestigationDb | null = null;
let index: ShipmentIndex | null = null;
let loadedKey = '';
let entities: Entity[] = [];
let entityNames = new Map<string, string>();
let result: Int32Array = new Int32Array(0);
/** Loads run one at a time: a second waits for the first, then finds the work done. */
let queue: Promise<unknown> = Promise.resolve();

const namer = (id: string) => entityNames.get(id);

/** Rows the table shows at its top: a query answers with them (a screen and its overscan). */
const FIRST_PAGE = 60;

/** Rows `offset` to `offset + limit` of the last query's result. */
function rowsOfResult(offset: number, limit: number): ShipmentRow[] {
  if (!index) return [];
  const current = index;
  return Array.from(result.subarray(offset, offset + limit), (row) => current.row(row));
}

/** How long one background task may build sort orders before a waiting query gets its turn. */
const ORDER_SLICE_MS = 15;

/**
 * Builds the loaded index's sort orders in the background, a slice of rows per task, so that the
 * first sort by date, value or weight finds its order ready, and a query asked meanwhile waits for
 * one slice at most (a whole order took 1.3 s at 10,000,000 rows).
 */
function prepareOrders(loaded: ShipmentIndex): Promise<void> {
  return new Promise((resolve) => {
    const slice = () => {
      const until = performance.now() + ORDER_SLICE_MS;
      if (loaded === index && loaded.prepareOrder(() => performance.now() < until))
        setTimeout(slice, 0);
      else resolve();
    };
    setTimeout(slice, 0);
  });
}

/** Settles once the loaded index's background orders are built (or it was replaced). */
let ordersPrepared: Promise<void> = Promise.resolve();

const api = {
  /**
   * Brings the engine up to date with the investigation: `datasetsKey` changes when datasets come
   * or go, `entitiesKey` when the user merges or splits. Only what changed is redone.
   */
  sync(
    access: DbAccess,
    datasetsKey: string,
    entitiesKey: string,
    matchesKey: string,
    onProgress?: Progress,
  ): Promise<number> {
    const run = queue.then(async () => {
      const wanted = databases.open(access);
      if (wanted !== db) {
        // The engine holds one investigation: another one's rows leave memory, its database closes.
        databases.close((open) => open !== wanted);
        db = wanted;
        index = null;
        loadedKey = '';
      }
      const [dataKey, entityKey, matchKey] = loadedKey.split('\n');
      if (!index || dataKey !== datasetsKey) {
        // Read in a store worker, while this thread opens and copies the blocks read before.
        const target = db;
        index = await withStoreWorker((store) =>
          loadIndex(target, onProgress, (datasetId, from, until) =>
            store.storedBlocks(access, datasetId, from, until),
          ),
        );
        result = new Int32Array(0);
        ordersPrepared = prepareOrders(index);
      }
      if (dataKey !== datasetsKey || entityKey !== entitiesKey) {
        entities = await db.entities.toArray();
        entityNames = new Map(entities.map((entity) => [entity.id, entity.name]));
        const total = index.count;
        index.resolve(new PartyResolution(entities), (done) =>
          onProgress?.(total + done / 2, total * 2),
        );
      }
      if (dataKey !== datasetsKey || entityKey !== entitiesKey || matchKey !== matchesKey)
        index.setDesignations([
          ...confirmedDesignations(await db.sanctionsMatches.toArray()).map(
            ({ match, label, designation }) => ({
              entityId: match.entityId,
              label,
              period: designation,
              lists: designation.lists.length > 0 ? designation.lists : [designation.authority],
            }),
          ),
          // Flags the user set ("sanctioned … since …") count as declared designations.
          ...entities.flatMap(declaredDesignations).map(({ entityId, label, designation }) => ({
            entityId,
            label,
            period: designation,
            lists: [DECLARED_LIST],
          })),
        ]);
      loadedKey = `${datasetsKey}\n${entitiesKey}\n${matchesKey}`;
      return index.count;
    });
    queue = run.catch(() => undefined);
    return run;
  },

  /**
   * Resolves once the sort orders the engine builds in the background after a load are ready (the
   * benchmark times a first sort with and without them).
   */
  ordersPrepared(): Promise<void> {
    return ordersPrepared;
  },

  /**
   * The Shipments tab's filter and sort: the rows' order kept for `rows` (`distinct`: one row a
   * shipment), the totals returned with how many rows `rows` pages through, and the first
   * `FIRST_PAGE` rows (what the table shows at its top, without a second round trip). A query
   * superseded by a newer one before it starts resolves to null, unrun.
   */
  query: latestOnly(
    (
      filter: ShipmentFilter,
      sort: ShipmentSort,
      distinct?: boolean,
    ): QuerySummary & { loaded: number; shown: number; firstRows: ShipmentRow[] } => {
      if (!index) return { ...emptyQuerySummary, loaded: 0, shown: 0, firstRows: [] };
      const answer = index.query(filter, sort, distinct ?? false);
      result = answer.rows;
      return {
        ...answer.summary,
        loaded: index.count,
        shown: result.length,
        firstRows: rowsOfResult(0, FIRST_PAGE),
      };
    },
  ),

  /** The filter's shipments grouped by `by` (the pivot): the largest `limit` groups. */
  pivot: latestOnly(
    (filter: ShipmentFilter, by: PivotDimension, limit: number): ShipmentPivot | null => {
      if (!index) return null;
      const focus = index.focus(filter);
      return pivotShipments(index.view(), index.matching(filter), by, { focus, namer, limit });
    },
  ),

  /**
   * Who shipped to whom among the filter's shipments: the `limit` heaviest edges. A filter on one
   * entity (as shipper or as consignee) draws that entity's trade both ways.
   */
  network: latestOnly(
    (filter: ShipmentFilter, limit: number): (ShipmentNetwork & { around: string }) | null => {
      if (!index) return null;
      const around =
        Boolean(filter.shipperEntity) === Boolean(filter.consigneeEntity)
          ? ''
          : filter.shipperEntity || filter.consigneeEntity;
      const rows = around ? index.matchingEitherSide(filter, around) : index.matching(filter);
      return { ...shipmentNetwork(index.view(), rows, { namer, limit }), around };
    },
  ),

  /** The lists the case's designations are on (the "on list" filter's choice). */
  designationLists(): string[] {
    return index?.designationLists() ?? [];
  },

  rows: rowsOfResult,

  /** Every raw cell of one shipment, with its dataset's headers and provenance. */
  async detail(row: ShipmentRow): Promise<{ dataset: Dataset | undefined; cells: string[] }> {
    const dataset = await db?.datasets.get(row.datasetId);
    if (!db || !dataset) return { dataset, cells: [] };
    const [cells] = await datasetCells(db, dataset, [row]);
    return { dataset, cells };
  },

  /** The rows citations name, in order; null where no loaded dataset has the row. */
  shipments(refs: ShipmentRef[]): (ShipmentRow | null)[] {
    const current = index;
    if (!current) return refs.map(() => null);
    return refs.map((ref) => {
      const row = current.rowOf(ref);
      return row < 0 ? null : current.row(row);
    });
  },

  /**
   * A claim's shipment evidence at once: the summary of the rows its saved filters and single
   * citations name (contradicting ones apart), each filter's live count, the cited rows, and the
   * cited entities' current names.
   */
  claimEvidence(request: ClaimEvidenceRequest): ClaimEvidenceAnswer | null {
    const current = index;
    if (!current) return null;
    const { byLink, counted } = linkedRows(current, request);
    const rowsOf = (link: EvidenceLink) => byLink.get(link.id) ?? [];
    const claimId = request.links[0]?.claimId ?? '';
    const view = current.view();
    const claimShipments = partyShipments(view, counted.get(claimId) ?? []);
    return {
      summary: summariseShipments(view, counted.get(claimId) ?? []),
      designationFigures: request.designations.map(({ entityId, designation, asOf }) => {
        const entity = current.entityNumberOf(entityId);
        return designationFigure(
          claimShipments,
          entity >= 0 ? String(entity) : '',
          designation,
          asOf,
        );
      }),
      filterCounts: request.links
        .filter((link) => link.targetType === 'savedFilter')
        .map((link) => rowsOf(link).length),
      shipments: request.links
        .filter((link) => link.targetType === 'shipment')
        .map((link) => {
          const [row] = rowsOf(link);
          return row === undefined ? null : current.row(row);
        }),
      entities: request.links
        .filter((link) => link.targetType === 'entity')
        .map((link) => api.entity(link.targetId)),
    };
  },

  /**
   * How many independent origins stand behind each claim's shipments, as its evidence summary
   * counts them (what a status's rule checks), for every claim the links name.
   */
  claimOrigins(request: ShipmentEvidenceRequest): Record<string, number> | null {
    const current = index;
    if (!current) return null;
    const { counted } = linkedRows(current, request);
    const view = current.view();
    return Object.fromEntries(
      [...counted].map(([claimId, rows]) => [
        claimId,
        summariseShipments(view, rows).origins.length,
      ]),
    );
  },

  /** The engine's part of a dossier, frozen now: filter matches, cited rows with cells, summaries. */
  async dossierShipments(
    request: ShipmentEvidenceRequest,
  ): Promise<Pick<DossierInput, 'rows' | 'filterRows' | 'summaries' | 'derivations'> | null> {
    const current = index;
    const target = db;
    if (!current || !target) return null;
    return shipmentEvidence(current, request, (rows) => rawCells(target, rows));
  },

  /** Single shipments whose parties, description or declaration number contain the words. */
  findShipments(text: string, limit: number): ShipmentRow[] {
    const current = index;
    if (!current || !text.trim()) return [];
    const sort: ShipmentSort = { column: 'date', direction: 'asc' };
    const found = new Set<number>();
    for (const filter of [
      { ...emptyShipmentFilter, party: text },
      { ...emptyShipmentFilter, words: text },
      { ...emptyShipmentFilter, declaration: text },
    ]) {
      for (const row of current.query(filter, sort).rows.subarray(0, limit)) found.add(row);
    }
    return [...found].slice(0, limit).map((row) => current.row(row));
  },

  /**
   * Every entity as screening reads it: its name, every spelling the files give its parties, and
   * the identifiers the user recorded for it.
   */
  screeningParties(): {
    id: string;
    name: string;
    spellings: string[];
    identifiers: Entity['identifiers'];
  }[] {
    if (!index) return [];
    const view = index.view();
    const spellings = view.entityIds.map((): string[] => []);
    view.partyEntity.forEach((entity, party) => {
      if (entity >= 0 && view.parties[party]) spellings[entity].push(view.parties[party]);
    });
    const stored = new Map(entities.map((entity) => [entity.id, entity]));
    const listed = new Map(
      entityDirectory(view, namer, new Set(stored.keys())).map((listing) => [listing.id, listing]),
    );
    return view.entityIds.map((id, entity) => ({
      id,
      name: listed.get(id)?.name ?? id,
      spellings: spellings[entity],
      identifiers: stored.get(id)?.identifiers ?? [],
    }));
  },

  /** Entities whose name or spellings contain every word of the query, most shipments first. */
  entities(query: string, limit: number): { total: number; listings: EntityListing[] } {
    if (!index) return { total: 0, listings: [] };
    const view = index.view();
    const words = foldForSearch(query).split(/\s+/).filter(Boolean);
    const stored = new Set(entities.map((entity) => entity.id));
    const spellings = new Map<number, string[]>();
    if (words.length > 0) {
      view.partyEntity.forEach((entity, party) => {
        const list = spellings.get(entity) ?? [];
        list.push(foldForSearch(`${view.parties[party]} ${view.partyKeys[party]}`));
        spellings.set(entity, list);
      });
    }
    const numberOf = new Map(view.entityIds.map((id, number) => [id, number]));
    const listings = entityDirectory(view, namer, stored).filter((listing) => {
      if (words.length === 0) return true;
      const text = [
        foldForSearch(listing.name),
        ...(spellings.get(numberOf.get(listing.id) ?? -1) ?? []),
      ].join(' ');
      return words.every((word) => text.includes(word));
    });
    return { total: listings.length, listings: listings.slice(0, limit) };
  },

  /**
   * An entity's page in one answer: the name of the entity the id names now (after merges) and
   * its profile; null if it is gone.
   */
  entityPage(id: string): { name: string; profile: EntityProfile } | null {
    const current = index && currentEntity(index, id, namer);
    if (!index || !current) return null;
    const number = index.entityNumberOf(current.id);
    return number < 0
      ? null
      : { name: current.name, profile: entityProfile(index.view(), number, namer) };
  },

  /** The entity an id a filter or link recorded names now (after merges), or null if it is gone. */
  entity(id: string): { id: string; name: string; spellings: string[] } | null {
    return index ? currentEntity(index, id, namer) : null;
  },

  async suggestions(): Promise<Suggestion[]> {
    if (!index || !db) return [];
    const dismissed = new Set((await db.suggestionDismissals.toArray()).map((entry) => entry.id));
    const view = index.view();
    return suggestGroups(view.partyKeys, new PartyResolution(entities), dismissed);
  },
};

export type ShipmentWorkerApi = typeof api;

Comlink.expose(api);
