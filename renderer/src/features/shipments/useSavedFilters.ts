import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedFilter } from '../../../../shared/customs/shipmentFilter';
import type { InvestigationDb } from '../../db/schema';

export const useSavedFilters = (db: InvestigationDb): SavedFilter[] | undefined =>
  useLiveQuery(
    async () =>
      // Sorted after reading: a locked investigation's index holds keyed hashes of the names.
      (await db.savedFilters.toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [db],
  );
