import * as Comlink from 'comlink';
import type { ProbeOverrides } from '#shared/customs/probe';
import type { InvestigationDb } from '../../db/schema';
import { loadLayouts, rememberLayout } from './layouts';
import type { ImportWorkerApi } from '../../workers/importWorker';
import type { ImportChoices, ImportProgress } from '../../workers/import/importTypes';

export type { ImportPreview, ImportProgress } from '../../workers/import/importTypes';

let thread: Worker | null = null;
let worker: Comlink.Remote<ImportWorkerApi> | null = null;
/** Calls to the worker not answered yet: it is ended only once none is. */
let calls = 0;

/** The one import worker of the page, started when first needed. */
function importWorker(): Comlink.Remote<ImportWorkerApi> {
  if (!worker) {
    thread = new Worker(new URL('../../workers/importWorker.ts', import.meta.url), {
      type: 'module',
      name: 'import',
    });
    worker = Comlink.wrap<ImportWorkerApi>(thread);
  }
  return worker;
}

type Answer<Method extends 'preview' | 'import'> = Awaited<ReturnType<ImportWorkerApi[Method]>>;

/** Runs a call to the import worker, counted while it is unanswered. */
async function call<T>(work: (remote: Comlink.Remote<ImportWorkerApi>) => Promise<T>): Promise<T> {
  calls += 1;
  try {
    return await work(importWorker());
  } finally {
    calls -= 1;
  }
}

/**
 * Ends the import worker once an import is over and nothing else waits on it. What it held goes
 * with it at once, rather than at its next garbage collection: above all its handle on the sealed
 * copy of the file, whose bytes the browser process keeps in memory while any page or worker holds
 * it (1.9 GB of the 10,000,000-row file, held after its import until the page was reloaded).
 */
function endImportWorker(): void {
  if (calls > 0) return;
  thread?.terminate();
  thread = null;
  worker = null;
}

/** The import worker if it is running: for telling it what it must forget. */
export const runningImportWorker = (): Comlink.Remote<ImportWorkerApi> | null => worker;

/**
 * Reads the start of a customs file and proposes how to read it, a remembered layout's decisions
 * first; stores nothing.
 */
export const previewImport = async (
  db: InvestigationDb,
  file: Blob,
  fileName: string,
  overrides: ProbeOverrides,
) => {
  const layouts = await loadLayouts();
  return call<Answer<'preview'>>((remote) =>
    remote.preview(db.access, file, fileName, overrides, layouts),
  );
};

/**
 * Imports a customs file as a dataset, off the UI thread. Progress arrives on its own message
 * port, so a last update can land after the result.
 */
export async function importFile(
  db: InvestigationDb,
  file: Blob,
  fileName: string,
  choices: ImportChoices,
  onProgress: (progress: ImportProgress) => void,
) {
  const result = await call<Answer<'import'>>((remote) =>
    remote.import(db.access, file, fileName, choices, Comlink.proxy(onProgress)),
  ).finally(endImportWorker);
  if (result.ok) await rememberLayout(result.value);
  return result;
}

/** Stops the running import; it is rolled back and resolves as cancelled. */
export const cancelImport = (): void => void runningImportWorker()?.cancel();
