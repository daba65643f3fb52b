/// <reference lib="webworker" />
/**
 * The writer: a worker of one import's or one restore's own, it encodes, seals and stores what that
 * job's worker hands it while that worker reads on, so that the work takes two cores. An import
 * hands it each block it builds and its original file (see import/importWriter.ts); a restore,
 * batches of blocks and of files (see archive/restoreWriter.ts). Blocks and bytes arrive moved, not
 * copied.
 */
import * as Comlink from 'comlink';
import type { ShipmentBlock, ShipmentCells } from '#shared/customs/dataset';
import { OpenDatabases } from '../db/openDatabases';
import type { DbAccess } from '../db/schema';
import { isQuotaError } from '../db/storageRoom';
import { restoreWriterFor, type RestoredFile } from './archive/restoreWriter';
import { writerFor, type BuiltBlock } from './import/importWriter';

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

const api = {
  storeBlock: (access: DbAccess, built: BuiltBlock) =>
    writerFor(databases.open(access)).storeBlock(built).catch(crossing),
  fileRecord: (access: DbAccess, file: Blob, name: string) =>
    writerFor(databases.open(access)).fileRecord(file, name).catch(crossing),
  storeBlocks: (access: DbAccess, blocks: ShipmentBlock[], cells: ShipmentCells[]) =>
    restoreWriterFor(databases.open(access)).storeBlocks(blocks, cells).catch(crossing),
  storeFiles: (access: DbAccess, files: RestoredFile[]) =>
    restoreWriterFor(databases.open(access)).storeFiles(files).catch(crossing),
};

export type WriterApi = typeof api;

Comlink.expose(api);
