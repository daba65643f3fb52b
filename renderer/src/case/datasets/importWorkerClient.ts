import * as Comlink from 'comlink';
import type { ProbeOverrides } from '#shared/customs/probe';
import type { InvestigationDb } from '../../db/schema';
import { loadLayouts, rememberLayout } from './layouts';
import type { ImportWorkerApi } from '../../workers/importWorker';
import type { ImportChoices, ImportProgress } from '../../workers/import/importTypes';

export type { ImportPreview, ImportProgress } from '../../workers/import/importTypes';

let worker: Comlink.Remote<ImportWorkerApi> | null = null;

/** The one import worker of the page, started when first needed. */
function importWorker(): Comlink.Remote<ImportWorkerApi> {
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

/**
 * Reads the start of a customs file and proposes how to read it, a remembered layout's decisions
 * first; stores nothing.
 */
export const previewImport = async (
  db: InvestigationDb,
  file: Blob,
  fileName: string,
  overrides: ProbeOverrides,
) => importWorker().preview(db.access, file, fileName, overrides, await loadLayouts());

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
  const result = await importWorker().import(
    db.access,
    file,
    fileName,
    choices,
    Comlink.proxy(onProgress),
  );
  if (result.ok) await rememberLayout(result.value);
  return result;
}

/** Stops the running import; it is rolled back and resolves as cancelled. */
export const cancelImport = (): void => void runningImportWorker()?.cancel();
