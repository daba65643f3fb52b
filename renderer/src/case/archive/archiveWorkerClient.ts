import * as Comlink from 'comlink';
import type { ArchiveHeader } from '#shared/archive/archiveFormat';
import type { Investigation } from '#shared/investigation';
import { forgetKeys, investigationDb } from '../../db/databases';
import { returningPieces, type ByteSink } from '../../lib/byteSink';
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

type Progress = (done: number, total: number) => void;

/**
 * Writes an investigation (which must be open) as one archive file into `sink` (the file being
 * saved), encrypted if a passphrase is given.
 */
export const backUp = (
  investigation: Investigation,
  passphrase: string | null,
  onProgress: Progress,
  sink: ByteSink,
): Promise<void> =>
  archiveWorker().write(
    investigationDb(investigation).access,
    passphrase,
    Comlink.proxy(onProgress),
    returningPieces(sink),
  );

/** What an archive's unencrypted header says (whether it needs a passphrase); refuses a non-archive. */
export const readArchiveHeader = (file: Blob): Promise<ArchiveHeader> =>
  archiveWorker().header(file);

/**
 * Restores an archive as a new investigation, or in place of `replace` (the user's choice); tells
 * whether it took that one's place.
 */
export async function restoreFromArchive(
  file: Blob,
  passphrase: string | null,
  onProgress: Progress,
  replace: string | null,
): Promise<{ investigation: Investigation; replaced: boolean }> {
  const result = await archiveWorker().restore(
    file,
    passphrase,
    Comlink.proxy(onProgress),
    replace,
  );
  // Keys of the replaced case, if it was locked and open, have nothing left to open.
  if (result.replaced) forgetKeys(result.investigation.id);
  return result;
}

/** Stops the archive worker's running work (backup, restore or sealing pass) at its next step. */
export const cancelArchiveWork = (): void => void running?.api.cancel();
