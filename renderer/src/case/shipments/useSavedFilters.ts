import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedFilter } from '#shared/customs/shipmentFilter';
import { useCaseDb } from '../caseDb';

export function useSavedFilters(): SavedFilter[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () =>
      // Sorted after reading: a locked investigation's index holds keyed hashes of the names.
      (await db.savedFilters.toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [db],
  );
}
