import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedFilter } from '../../../../shared/customs/shipmentFilter';
import type { InvestigationDb } from '../../db/schema';

export const useSavedFilters = (db: InvestigationDb): SavedFilter[] | undefined =>
  useLiveQuery(() => db.savedFilters.orderBy('name').toArray(), [db]);
