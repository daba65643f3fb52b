/// <reference lib="webworker" />
/**
 * The import writer: started by the import worker for one import, it hashes and seals the original
 * file and encodes, seals and stores each block the import worker builds, while that worker parses
 * the next rows (see import/importWriter.ts). Blocks arrive moved, not copied.
 */
import * as Comlink from 'comlink';
import { OpenDatabases } from '../db/openDatabases';
import type { DbAccess } from '../db/schema';
import { isQuotaError } from '../db/storageRoom';
import { writerFor, type BuiltBlock } from './import/importWriter';

const databases = new OpenDatabases();

/**
 * A failure as it can cross to the import worker: only an error's name and message do, so the
 * storage running out (which the database reports inside an abort) is named as such, for the
 * import to roll back and say so plainly.
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
};

export type ImportWriterApi = typeof api;

Comlink.expose(api);
