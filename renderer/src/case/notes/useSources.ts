import { useLiveQuery } from 'dexie-react-hooks';
import type { Source } from '#shared/notes/source';
import { useCaseDb } from '../caseDb';

/** The investigation's sources, by name. */
export function useSources(): Source[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () => (await db.sources.toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [db],
  );
}
