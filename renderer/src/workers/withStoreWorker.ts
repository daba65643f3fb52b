/**
 * Starts the store worker (storeWorker.ts) for one job, from that job's own worker: the job runs
 * with it and it is terminated when the job ends, however it ends.
 */
import * as Comlink from 'comlink';
import type { ShipmentBlock, ShipmentCells } from '#shared/customs/dataset';
import type { RestoredFile } from './archive/restoreWriter';
import type { StoreWorkerApi } from './storeWorker';

export const withStoreWorker = <T>(
  job: (store: Comlink.Remote<StoreWorkerApi>) => Promise<T>,
): Promise<T> => withStoreWorkers(1, ([store]) => job(store));

/** The same with `count` store workers, for a job whose reads can run side by side. */
export async function withStoreWorkers<T>(
  count: number,
  job: (stores: Comlink.Remote<StoreWorkerApi>[]) => Promise<T>,
): Promise<T> {
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(new URL('./storeWorker.ts', import.meta.url), { type: 'module', name: 'store' }),
  );
  try {
    return await job(workers.map((worker) => Comlink.wrap<StoreWorkerApi>(worker)));
  } finally {
    for (const worker of workers) worker.terminate();
  }
}

/**
 * The memory of what a job hands the store worker (blocks' typed arrays and packed numbers, their
 * cells, files' bytes), each buffer once: moved to it, never copied.
 */
export function movedBuffers(
  blocks: readonly ShipmentBlock[],
  cells: readonly ShipmentCells[],
  files: readonly RestoredFile[] = [],
): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const block of blocks) {
    for (const value of Object.values(block))
      if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    for (const texts of [block.declarationId, block.billOfLading])
      if (texts && 'bytes' in texts)
        for (const array of [texts.bytes, texts.lengths]) buffers.add(array.buffer as ArrayBuffer);
  }
  for (const { packed } of cells)
    for (const array of [packed.text, packed.cellEnds, packed.rowEnds])
      buffers.add(array.buffer as ArrayBuffer);
  for (const { content } of files) buffers.add(content.buffer as ArrayBuffer);
  return [...buffers];
}
