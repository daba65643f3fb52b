import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceNote } from '#shared/notes/sourceNote';
import { useCaseDb } from '../caseDb';

export function useNotes(): SourceNote[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () => (await db.notes.toArray()).sort((a, b) => b.updatedAt - a.updatedAt),
    [db],
  );
}
