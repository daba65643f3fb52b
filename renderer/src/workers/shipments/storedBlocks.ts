/**
 * How the shipment engine's load reads stored blocks: a few at a time, unsealed but not decoded.
 * In the app a store worker of the engine's own reads and unseals them (see db/storedRecords.ts
 * for why); in tests, the engine's own thread does.
 */
import type { InvestigationDb } from '../../db/schema';
import { readUnsealed } from '../../db/storedRecords';

/** Blocks `from` up to, not including, `until` of a dataset, unsealed, in order. */
export type StoredBlocksReader = (
  datasetId: string,
  from: number,
  until: number,
) => Promise<unknown[]>;

export const storedBlocksOf =
  (db: InvestigationDb): StoredBlocksReader =>
  (datasetId, from, until) =>
    readUnsealed(db, 'shipmentBlocks', [datasetId, from], [datasetId, until]);
