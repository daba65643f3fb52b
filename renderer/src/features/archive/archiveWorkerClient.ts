import * as Comlink from 'comlink';
import type { ArchiveWorkerApi } from '../../workers/archiveWorker';

let running: { worker: Worker; api: Comlink.Remote<ArchiveWorkerApi> } | null = null;

/** The page's one archive worker, started when first needed. */
export function archiveWorker(): Comlink.Remote<ArchiveWorkerApi> {
  if (!running) {
    const worker = new Worker(new URL('../../workers/archiveWorker.ts', import.meta.url), {
      type: 'module',
      name: 'archives',
    });
    running = { worker, api: Comlink.wrap<ArchiveWorkerApi>(worker) };
  }
  return running.api;
}

/**
 * Stops the archive worker, and with it every handle it held on stored files: Chromium keeps a
 * deleted database's file blobs on disk while any page or worker still references them.
 */
export function stopArchiveWorker(): void {
  running?.worker.terminate();
  running = null;
}
