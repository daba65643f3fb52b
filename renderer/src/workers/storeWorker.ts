/// <reference lib="webworker" />
/**
 * The store worker: a worker of one import's, restore's or archive's own, it does that job's work
 * with the database on a core of its own while the job's worker goes on. It encodes, seals and
 * stores what an import hands it (each block it builds, or its original file: an import has a
 * store worker for each; see import/importWriter.ts) and what a restore hands it (batches of
 * blocks and of files, and a large file's pieces, each asked for as the restore reads and checks
 * the next: see archive/restoreWriter.ts); it reads, opens and encodes the entries an
 * archive being written asks for (archive/entryReader.ts); it reads the stored blocks the shipment
 * engine loads, as stored (shipments/loadIndex.ts). Blocks and bytes cross moved, not copied.
 */
import * as Comlink from 'comlink';
import type { ShipmentBlock, ShipmentCells } from '#shared/customs/dataset';
import type { TextEncodingName } from '#shared/customs/encoding';
import { OpenDatabases } from '../db/openDatabases';
import type { DbAccess } from '../db/schema';
import { isQuotaError } from '../db/storageRoom';
import { storedBuffers } from '../db/storedRecords';
import { piecesFrom, type PieceSource } from '../lib/bytes';
import { entryReaderFor, type EntryTable } from './archive/entryReader';
import { restoreWriterFor, type RestoredFile } from './archive/restoreWriter';
import { writerFor, type BuiltBlock } from './import/importWriter';
import { storedBlocksOf } from './shipments/storedBlocks';

const databases = new OpenDatabases();

/**
 * A failure as it can cross to the job's worker: only an error's name and message do, so the
 * storage running out (which the database reports inside an abort) is named as such, for the job
 * to roll back and say so plainly.
 */
const crossing = (error: unknown): never => {
  throw isQuotaError(error)
    ? new DOMException('The storage ran out.', 'QuotaExceededError')
    : error;
};

/** The import's file being stored, to stop it when the import fails or is cancelled. */
let storingFile = new AbortController();

const api = {
  storeBlock: (access: DbAccess, built: BuiltBlock) =>
    writerFor(databases.open(access)).storeBlock(built).catch(crossing),
  storeFile(access: DbAccess, file: Blob, name: string, lines: TextEncodingName | null) {
    storingFile = new AbortController();
    const { signal } = storingFile;
    return writerFor(databases.open(access)).storeFile(file, name, lines, signal).catch(crossing);
  },
  stopStoringFile: () => storingFile.abort(),
  storeBlocks: (access: DbAccess, blocks: ShipmentBlock[], cells: ShipmentCells[]) =>
    restoreWriterFor(databases.open(access)).storeBlocks(blocks, cells).catch(crossing),
  storeFiles: (access: DbAccess, files: RestoredFile[]) =>
    restoreWriterFor(databases.open(access)).storeFiles(files).catch(crossing),
  storeFileInPieces: (
    access: DbAccess,
    file: RestoredFile['file'],
    size: number,
    pieces: PieceSource,
  ) =>
    restoreWriterFor(databases.open(access))
      .storeFileInPieces(file, size, piecesFrom(pieces))
      .catch(crossing),
  async entries(access: DbAccess, table: EntryTable, keys: [string, number][]) {
    const entries = await entryReaderFor(databases.open(access)).entries(table, keys);
    return Comlink.transfer(
      entries,
      entries.map((entry) => entry.bytes.buffer as ArrayBuffer),
    );
  },
  async storedBlocks(access: DbAccess, datasetId: string, from: number, until: number) {
    const records = await storedBlocksOf(databases.open(access))(datasetId, from, until);
    return Comlink.transfer(records, storedBuffers(records));
  },
  async fileRange(access: DbAccess, sha256: string, start: number, end: number) {
    const db = databases.open(access);
    const bytes = await entryReaderFor(db).fileRange(sha256, start, end);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

export type StoreWorkerApi = typeof api;

Comlink.expose(api);
