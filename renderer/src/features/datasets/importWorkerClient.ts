import * as Comlink from 'comlink';
import type { ImportWorkerApi } from '../../workers/importWorker';

let worker: Comlink.Remote<ImportWorkerApi> | null = null;

/** The one import worker of the page, started when first needed. */
export function importWorker(): Comlink.Remote<ImportWorkerApi> {
  worker ??= Comlink.wrap<ImportWorkerApi>(
    new Worker(new URL('../../workers/importWorker.ts', import.meta.url), {
      type: 'module',
      name: 'import',
    }),
  );
  return worker;
}

/** The import worker if it is running: for telling it what it must forget. */
export const runningImportWorker = (): Comlink.Remote<ImportWorkerApi> | null => worker;

export const progressCallback = <T>(callback: (value: T) => void) => Comlink.proxy(callback);
