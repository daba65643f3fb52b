/**
 * Starts the writer worker (writerWorker.ts) for one job, from that job's own worker: the job runs
 * with it and it is terminated when the job ends, however it ends.
 */
import * as Comlink from 'comlink';
import type { WriterApi } from './writerWorker';

export async function withWriter<T>(job: (writer: Comlink.Remote<WriterApi>) => Promise<T>) {
  const worker = new Worker(new URL('./writerWorker.ts', import.meta.url), {
    type: 'module',
    name: 'writer',
  });
  try {
    return await job(Comlink.wrap<WriterApi>(worker));
  } finally {
    worker.terminate();
  }
}
