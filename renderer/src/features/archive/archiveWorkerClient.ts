import * as Comlink from 'comlink';
import type { ArchiveWorkerApi } from '../../workers/archiveWorker';

let worker: Comlink.Remote<ArchiveWorkerApi> | null = null;

/** The page's one archive worker, started when first needed. */
export function archiveWorker(): Comlink.Remote<ArchiveWorkerApi> {
  worker ??= Comlink.wrap<ArchiveWorkerApi>(
    new Worker(new URL('../../workers/archiveWorker.ts', import.meta.url), {
      type: 'module',
      name: 'archives',
    }),
  );
  return worker;
}
