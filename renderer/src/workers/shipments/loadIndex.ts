/**
 * The shipment engine's load: every complete dataset's blocks, in the order of import, copied into
 * one ShipmentIndex a few blocks at a time.
 */
import type { Dataset, ShipmentBlock } from '#shared/customs/dataset';
import { ShipmentIndex } from '#shared/customs/shipmentIndex';
import type { InvestigationDb } from '../../db/schema';
import { storedOpener } from '../../db/storedRecords';
import { storedBlocksOf, type StoredBlocksReader } from './storedBlocks';

/** Blocks read from the database at a time while the engine loads (some 7 MB of records). */
const LOAD_BATCH = 8;

export async function loadIndex(
  target: InvestigationDb,
  onProgress?: (done: number, total: number) => void,
  read: StoredBlocksReader = storedBlocksOf(target),
): Promise<ShipmentIndex> {
  const datasets: Dataset[] = await target.datasets
    .where('status')
    .equals('complete')
    .sortBy('importedAt');
  const total = datasets.reduce((sum, dataset) => sum + dataset.counts.accepted, 0);
  const index = new ShipmentIndex(datasets, [], total);
  const open = storedOpener(target, 'shipmentBlocks');
  const batch = (datasetId: string, from: number) => read(datasetId, from, from + LOAD_BATCH);
  for (const dataset of datasets) {
    // Each batch is copied into the index while the next two are read; then it is let go.
    let reading = batch(dataset.id, 0);
    let ahead = batch(dataset.id, LOAD_BATCH);
    for (let from = 0; ; from += LOAD_BATCH) {
      const blocks = await reading;
      if (blocks.length === 0) break;
      reading = ahead;
      ahead = batch(dataset.id, from + 2 * LOAD_BATCH);
      for (const block of blocks) index.append(open(block) as ShipmentBlock);
      onProgress?.(index.count, total * 2);
    }
  }
  return index;
}
