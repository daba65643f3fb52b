/// <reference lib="webworker" />
/**
 * Archives off the UI thread: writing one (reading every table, hashing and sealing each entry) and
 * restoring one (verifying every entry, then writing a new investigation), with progress and cancel.
 */
import * as Comlink from 'comlink';
import type { ArchiveHeader } from '../../../shared/archive/archiveFormat';
import type { Investigation } from '../../../shared/investigation';
import { indexDb, investigationDb } from '../db/databases';
import { archiveHeader, openArchive } from '../features/archive/readArchive';
import { restoreArchive } from '../features/archive/restoreArchive';
import { writeArchive, type ArchiveProgress } from '../features/archive/writeArchive';

let cancelled = false;

const api = {
  async write(
    investigationId: string,
    passphrase: string | null,
    onProgress: ArchiveProgress,
  ): Promise<Blob> {
    cancelled = false;
    const investigation = await indexDb.investigations.get(investigationId);
    if (!investigation) throw new Error('This investigation no longer exists.');
    return writeArchive(investigationDb(investigationId), investigation, {
      passphrase,
      onProgress,
      cancelled: () => cancelled,
    });
  },

  header(file: Blob): Promise<ArchiveHeader> {
    return archiveHeader(file);
  },

  async restore(
    file: Blob,
    passphrase: string | null,
    onProgress: ArchiveProgress,
  ): Promise<Investigation> {
    cancelled = false;
    const stop = () => cancelled;
    const opened = await openArchive(
      file,
      passphrase,
      (done, total) => onProgress(done, total * 2),
      stop,
    );
    const total = opened.entries.size;
    return restoreArchive(opened, (done) => onProgress(total + done, total * 2), stop);
  },

  cancel(): void {
    cancelled = true;
  },
};

export type ArchiveWorkerApi = typeof api;

Comlink.expose(api);
