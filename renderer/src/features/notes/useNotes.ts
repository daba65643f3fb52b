import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceNote } from '../../../../shared/notes/sourceNote';
import type { InvestigationDb } from '../../db/schema';

export const useNotes = (db: InvestigationDb): SourceNote[] | undefined =>
  useLiveQuery(
    async () => (await db.notes.toArray()).sort((a, b) => b.updatedAt - a.updatedAt),
    [db],
  );
