/// <reference lib="webworker" />
/**
 * The import worker: parsing, normalising and writing customs files happen here, off the UI thread,
 * with two store workers of each import's own: one stores its blocks, the other seals and stores
 * its file.
 * The page talks to it through Comlink (see case/datasets/importWorkerClient.ts).
 */
import * as Comlink from 'comlink';
import type { SavedLayout } from '#shared/customs/layout';
import type { ProbeOverrides } from '#shared/customs/probe';
import { OpenDatabases } from '../db/openDatabases';
import { chosenFileGoneMessage } from '../lib/chosenFile';
import { messageOf } from '../lib/errorMessage';
import type { DbAccess } from '../db/schema';
import { importDataset, previewImport } from './import/importDataset';
import type { ImportChoices, ImportProgress } from './import/importTypes';
import { movedBuffers, withStoreWorkers } from './withStoreWorker';

const databases = new OpenDatabases();

let running: AbortController | null = null;

/** Errors cross to the UI as plain messages: the file's own, or a generic one with the cause. */
const message = (error: unknown, fileName: string): string =>
  chosenFileGoneMessage(error, fileName) ?? messageOf(error);

const api = {
  async preview(
    access: DbAccess,
    file: Blob,
    fileName: string,
    overrides: ProbeOverrides,
    layouts: SavedLayout[],
  ) {
    try {
      return {
        ok: true as const,
        value: await previewImport(databases.open(access), file, fileName, overrides, layouts),
      };
    } catch (error) {
      return { ok: false as const, message: message(error, fileName) };
    }
  },

  async import(
    access: DbAccess,
    file: Blob,
    fileName: string,
    choices: ImportChoices,
    onProgress: (progress: ImportProgress) => void,
  ) {
    running = new AbortController();
    const { signal } = running;
    try {
      // The file apart from the blocks: sealing a part of it (64 MB) runs for tenths of a second
      // without a break, and the blocks sent meanwhile waited behind it, the parsing with them
      // (2.2-3.2 s of an import of a million rows; 0.2-0.4 s with a worker each).
      const dataset = await withStoreWorkers(2, ([blockStore, fileStore]) =>
        importDataset(databases.open(access), file, fileName, choices, {
          onProgress,
          signal,
          writer: {
            storeBlock: (built) =>
              blockStore.storeBlock(
                access,
                Comlink.transfer(
                  built,
                  movedBuffers([built.block], built.cells ? [built.cells] : []),
                ),
              ),
            storeFile: (file, name, lines, stop) => {
              stop?.addEventListener('abort', () => void fileStore.stopStoringFile(), {
                once: true,
              });
              return fileStore.storeFile(access, file, name, lines);
            },
          },
        }),
      );
      return { ok: true as const, value: dataset };
    } catch (error) {
      if (signal.aborted)
        return { ok: false as const, cancelled: true, message: 'Import cancelled.' };
      return { ok: false as const, cancelled: false, message: message(error, fileName) };
    } finally {
      running = null;
    }
  },

  cancel() {
    running?.abort();
  },

  /** Closes an investigation's database and drops its keys (it was locked again). */
  forget(investigationId: string) {
    databases.closeInvestigation(investigationId);
  },
};

export type ImportWorkerApi = typeof api;

Comlink.expose(api);
