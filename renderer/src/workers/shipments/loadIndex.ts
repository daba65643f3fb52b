/**
 * The shipment engine's load: every complete dataset's blocks, in the order of import, copied into
 * one ShipmentIndex a few blocks at a time.
 */
import type { Dataset } from '#shared/customs/dataset';
import { ShipmentIndex } from '#shared/customs/shipmentIndex';
import type { InvestigationDb } from '../../db/schema';

/** Blocks read from the database at a time while the engine loads (some 13 MB of records). */
const LOAD_BATCH = 8;

export async function loadIndex(
  target: InvestigationDb,
  onProgress?: (done: number, total: number) => void,
): Promise<ShipmentIndex> {
  const datasets: Dataset[] = await target.datasets
    .where('status')
    .equals('complete')
    .sortBy('importedAt');
  const total = datasets.reduce((sum, dataset) => sum + dataset.counts.accepted, 0);
  const index = new ShipmentIndex(datasets, [], total);
  const batch = (datasetId: string, from: number) =>
    target.shipmentBlocks
      .where('[datasetId+blockNo]')
      .between([datasetId, from], [datasetId, from + LOAD_BATCH], true, false)
      .toArray();
  for (const dataset of datasets) {
    // Each batch is copied into the index while the next two are read; then it is let go.
    let reading = batch(dataset.id, 0);
    let ahead = batch(dataset.id, LOAD_BATCH);
    for (let from = 0; ; from += LOAD_BATCH) {
      const blocks = await reading;
      if (blocks.length === 0) break;
      reading = ahead;
      ahead = batch(dataset.id, from + 2 * LOAD_BATCH);
      for (const block of blocks) index.append(block);
      onProgress?.(index.count, total * 2);
    }
  }
  return index;
}
