/// <reference lib="webworker" />
/**
 * Whole-investigation work off the UI thread, with progress and cancel: writing an archive (every
 * table read and hashed, each entry sealed if asked, into a zip), restoring one (reading and
 * verifying one entry at a time into a new, hidden investigation), and the copy the sealing pass
 * makes (see lockPass.ts). An archive takes two store workers of its own (storeWorker.ts), a
 * restore one, for their work with the database: reading and opening the next entries in turn
 * while the zip is written, sealing and storing the entries before while the next are verified.
 */
import * as Comlink from 'comlink';
import type { ArchiveHeader } from '#shared/archive/archiveFormat';
import type { Investigation } from '#shared/investigation';
import { indexDb } from '../db/databases';
import { OpenDatabases } from '../db/openDatabases';
import type { DbAccess } from '../db/schema';
import type { ByteSink } from '../lib/byteSink';
import { pieceSource } from '../lib/bytes';
import { archiveHeader, openArchive } from './archive/readArchive';
import { restoreArchive } from './archive/restoreArchive';
import { writeArchive, type ArchiveProgress } from './archive/writeArchive';
import { copyInvestigation, type PassProgress } from './lock/lockPass';
import { movedBuffers, withStoreWorker, withStoreWorkers } from './withStoreWorker';

/** Store workers reading for an archive being written. */
const READERS = 2;

let cancelled = false;
/** Each job closes what it opened: a deleted database's files stay on disk while a handle is open. */
const databases = new OpenDatabases();

const api = {
  /**
   * Writes the archive into `sink` (the page's: the file being saved, `returningPieces`), each
   * piece moved to it and back.
   */
  async write(
    access: DbAccess,
    passphrase: string | null,
    onProgress: ArchiveProgress,
    sink: ByteSink,
  ): Promise<void> {
    cancelled = false;
    const investigation = await indexDb.investigations.get(access.investigationId);
    if (!investigation) throw new Error('This investigation no longer exists.');
    try {
      return await withStoreWorkers(READERS, (stores) =>
        writeArchive(
          databases.open(access),
          investigation,
          { write: (piece) => sink.write(Comlink.transfer(piece, [piece.buffer])) },
          {
            passphrase,
            onProgress,
            cancelled: () => cancelled,
            readers: stores.map((store) => ({
              entries: (table, keys) => store.entries(access, table, keys),
              fileRange: (sha256, start, end) => store.fileRange(access, sha256, start, end),
            })),
          },
        ),
      );
    } finally {
      databases.close();
    }
  },

  async copyInvestigation(from: DbAccess, to: DbAccess, onProgress: PassProgress): Promise<void> {
    cancelled = false;
    try {
      await copyInvestigation(
        databases.open(from),
        databases.open(to),
        onProgress,
        () => cancelled,
      );
    } finally {
      databases.close();
    }
  },

  header(file: Blob): Promise<ArchiveHeader> {
    return archiveHeader(file);
  },

  /**
   * Restores an archive, as a new investigation or in place of the one the user picked (`replace`);
   * `replaced` tells whether it took that one's place.
   */
  async restore(
    file: Blob,
    passphrase: string | null,
    onProgress: ArchiveProgress,
    replace: string | null = null,
  ): Promise<{ investigation: Investigation; replaced: boolean }> {
    cancelled = false;
    const stop = () => cancelled;
    const opened = await openArchive(file, passphrase, stop);
    const investigation = await withStoreWorker((store) =>
      restoreArchive(opened, onProgress, stop, {
        replace,
        writer: ({ access }) => ({
          storeBlocks: (blocks, cells) =>
            store.storeBlocks(access, Comlink.transfer(blocks, movedBuffers(blocks, cells)), cells),
          storeFiles: (files) =>
            store.storeFiles(access, Comlink.transfer(files, movedBuffers([], [], files))),
          // Read here as the store worker asks for them, each moved to it.
          storeFileInPieces: (file, size, pieces) =>
            store.storeFileInPieces(access, file, size, pieceSource(pieces)),
        }),
      }),
    );
    return { investigation, replaced: investigation.id === replace };
  },

  cancel(): void {
    cancelled = true;
  },
};

export type ArchiveWorkerApi = typeof api;

Comlink.expose(api);
