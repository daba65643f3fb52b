import type { Transaction } from 'dexie';
import { splitStoredBlob } from '../storedFiles';
import type { StoredFile } from '../schema';
import type { SchemaVersion } from './types';

/**
 * A stored file's bytes move out of its record into parts of 64 MB (`fileParts`, keyed by the
 * file's hash and the part's number; the hash is kept as a keyed hash, as in `files`). Importing a
 * file of gigabytes had built it as one Blob, which the browser held in its memory (1.9 GB for ten
 * million rows) until the import ended; parts are written as they are made. The upgrade slices
 * each file's Blob into its parts, which reads nothing.
 */
export const v20: SchemaVersion = {
  version: 20,
  stores: { fileParts: '[sha256+part]' },
  upgrade: async (transaction: Transaction) => {
    const files = transaction.table<StoredFile & { blob?: Blob }, string>('files');
    for (const { blob, ...file } of await files.toArray()) {
      if (!blob) continue;
      await transaction.table('fileParts').bulkAdd(splitStoredBlob(file, blob));
      await files.put(file);
    }
  },
};
