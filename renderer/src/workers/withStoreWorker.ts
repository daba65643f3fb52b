/**
 * Starts the store worker (storeWorker.ts) for one job, from that job's own worker: the job runs
 * with it and it is terminated when the job ends, however it ends.
 */
import * as Comlink from 'comlink';
import type { StoreWorkerApi } from './storeWorker';

export async function withStoreWorker<T>(
  job: (store: Comlink.Remote<StoreWorkerApi>) => Promise<T>,
): Promise<T> {
  const worker = new Worker(new URL('./storeWorker.ts', import.meta.url), {
    type: 'module',
    name: 'store',
  });
  try {
    return await job(Comlink.wrap<StoreWorkerApi>(worker));
  } finally {
    worker.terminate();
  }
}
