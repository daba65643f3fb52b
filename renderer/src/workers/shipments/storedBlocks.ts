/**
 * How the shipment engine's load reads stored blocks: a few at a time, as stored (sealed). In the
 * app a store worker of the engine's own reads them (see db/storedRecords.ts for why); in tests,
 * the engine's own thread does.
 */
import type { InvestigationDb } from '../../db/schema';
import { readStored } from '../../db/storedRecords';

/** Blocks `from` up to, not including, `until` of a dataset, as stored, in order. */
export type StoredBlocksReader = (
  datasetId: string,
  from: number,
  until: number,
) => Promise<unknown[]>;

export const storedBlocksOf =
  (db: InvestigationDb): StoredBlocksReader =>
  (datasetId, from, until) =>
    readStored(db, 'shipmentBlocks', [datasetId, from], [datasetId, until]);
