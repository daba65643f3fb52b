import type { EntityTable, Table, Transaction } from 'dexie';
import type { LegacyNote } from '#shared/notes/legacyNotes';
import type { SchemaVersion } from './types';

/** Gives every note without them an empty list of declared forms of its source's name. */
async function backfillNoteAliases(
  notes: Table<LegacyNote, string> | EntityTable<LegacyNote, 'id'>,
): Promise<void> {
  await notes.toCollection().modify((note) => {
    note.aliases ??= [];
  });
}

/**
 * A note declares other forms of its source's name (SourceNote.aliases), which redaction finds
 * like the name itself. No index changes; the upgrade gives old notes an empty list.
 */
export const v8: SchemaVersion = {
  version: 8,
  stores: {},
  upgrade: (transaction: Transaction) => backfillNoteAliases(transaction.table('notes')),
};
