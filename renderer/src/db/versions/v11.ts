import type { EntityTable, Table, Transaction } from 'dexie';
import { isLegacyNote, splitLegacyNotes } from '#shared/notes/legacyNotes';
import type { SourceNote } from '#shared/notes/sourceNote';
import type { Source } from '#shared/notes/source';
import type { SchemaVersion } from './types';

/**
 * Moves each note's source out of the note into a source record the note points to
 * (shared/notes/legacyNotes.ts). Notes stored in the new shape are left as they are.
 */
export async function moveSourcesOutOfNotes(
  notes: Table<SourceNote, string> | EntityTable<SourceNote, 'id'>,
  sources: Table<Source, string> | EntityTable<Source, 'id'>,
): Promise<void> {
  const stored: object[] = await notes.toArray();
  const legacy = stored.filter(isLegacyNote);
  if (legacy.length === 0) return;
  const split = splitLegacyNotes(legacy);
  await sources.bulkPut(split.sources);
  await notes.bulkPut(split.notes);
}

/**
 * Sources become records of their own (shared/notes/source.ts), sealed whole like every record:
 * only their ids are indexed. The upgrade makes one source per person the notes named.
 */
export const v11: SchemaVersion = {
  version: 11,
  stores: { sources: 'id' },
  upgrade: (transaction: Transaction) =>
    moveSourcesOutOfNotes(transaction.table('notes'), transaction.table('sources')),
};
