/// <reference lib="webworker" />
/**
 * The sanctions worker: imports snapshot files into the reference database off the UI thread. The
 * page talks to it through Comlink (see case/sanctions/snapshots.ts).
 */
import * as Comlink from 'comlink';
import { SnapshotRefused } from '#shared/sanctions/readSnapshot';
import { ReferenceDb } from '../db/referenceDb';
import {
  importSnapshot,
  type SnapshotChoices,
  type SnapshotImportProgress,
} from './sanctions/importSnapshot';

const db = new ReferenceDb();
let running: AbortController | null = null;

const api = {
  async import(
    file: Blob,
    fileName: string,
    choices: SnapshotChoices,
    onProgress: (progress: SnapshotImportProgress) => void,
  ) {
    running = new AbortController();
    try {
      const snapshot = await importSnapshot(db, file, fileName, choices, {
        onProgress,
        signal: running.signal,
      });
      return { ok: true as const, value: snapshot };
    } catch (error) {
      if (running.signal.aborted)
        return {
          ok: false as const,
          cancelled: true,
          message: 'Import cancelled: nothing was kept.',
        };
      // A refusal is already one sentence; anything else is said plainly, with its cause.
      const message =
        error instanceof SnapshotRefused
          ? error.message
          : `${fileName} could not be imported: ${error instanceof Error ? error.message : String(error)}. Nothing was kept.`;
      return { ok: false as const, cancelled: false, message };
    } finally {
      running = null;
    }
  },

  cancel() {
    running?.abort();
  },
};

export type SanctionsWorkerApi = typeof api;

Comlink.expose(api);
