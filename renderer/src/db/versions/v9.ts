import type { Transaction } from 'dexie';
import type { SchemaVersion } from './types';

/**
 * A note's kind, confidentiality and date are no longer indexed: an index keeps its fields in the
 * clear in a sealed database, and how many confidential notes a locked case holds, and when they
 * were written, is itself something to protect. Notes are few; they are filtered and sorted after
 * reading. The upgrade writes every note again, so that it is stored sealed whole.
 */
export const v9: SchemaVersion = {
  version: 9,
  stores: { notes: 'id' },
  upgrade: async (transaction: Transaction) => {
    const notes = transaction.table('notes');
    await notes.bulkPut(await notes.toArray());
  },
};
