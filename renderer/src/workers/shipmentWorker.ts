/// <reference lib="webworker" />
/**
 * The shipment engine: loads an investigation's column blocks once, then answers filters, sorts,
 * totals and pages of rows off the UI thread.
 */
import * as Comlink from 'comlink';
import { Dexie } from 'dexie';
import type { Dataset, ShipmentBlock } from '../../../shared/customs/dataset';
import type { ShipmentFilter, ShipmentSort } from '../../../shared/customs/shipmentFilter';
import {
  ShipmentIndex,
  type QuerySummary,
  type ShipmentRow,
} from '../../../shared/customs/shipmentIndex';
import { InvestigationDb } from '../db/schema';

let db: InvestigationDb | null = null;
let index: ShipmentIndex | null = null;
let result: Int32Array = new Int32Array(0);

async function loadIndex(target: InvestigationDb): Promise<ShipmentIndex> {
  const datasets: Dataset[] = await target.datasets
    .where('status')
    .equals('complete')
    .sortBy('importedAt');
  const total = datasets.reduce((sum, dataset) => sum + dataset.counts.accepted, 0);
  const blocks: ShipmentBlock[] = [];
  for (const dataset of datasets) {
    blocks.push(
      ...(await target.shipmentBlocks
        .where('[datasetId+blockNo]')
        .between([dataset.id, Dexie.minKey], [dataset.id, Dexie.maxKey])
        .toArray()),
    );
  }
  return new ShipmentIndex(datasets, blocks, total);
}

const api = {
  /** (Re)loads the investigation's complete datasets; `version` is any string that changes with them. */
  async load(investigationId: string): Promise<number> {
    if (db?.investigationId !== investigationId) {
      db?.close();
      db = new InvestigationDb(investigationId);
    }
    index = await loadIndex(db);
    result = new Int32Array(0);
    return index.count;
  },

  query(filter: ShipmentFilter, sort: ShipmentSort): QuerySummary & { loaded: number } {
    if (!index) return { count: 0, valueByCurrency: [], totalWeightKg: 0, loaded: 0 };
    const answer = index.query(filter, sort);
    result = answer.rows;
    return { ...answer.summary, loaded: index.count };
  },

  rows(offset: number, limit: number): ShipmentRow[] {
    if (!index) return [];
    const current = index;
    return Array.from(result.subarray(offset, offset + limit), (row) => current.row(row));
  },

  /** Every raw cell of one shipment, with its dataset's headers and provenance. */
  async detail(row: ShipmentRow): Promise<{ dataset: Dataset | undefined; cells: string[] }> {
    if (!db) return { dataset: undefined, cells: [] };
    const [dataset, block] = await Promise.all([
      db.datasets.get(row.datasetId),
      db.shipmentCells.get([row.datasetId, row.blockNo]),
    ]);
    return { dataset, cells: block?.cells[row.blockRow] ?? [] };
  },
};

export type ShipmentWorkerApi = typeof api;

Comlink.expose(api);
