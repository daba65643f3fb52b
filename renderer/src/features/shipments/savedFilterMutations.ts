import type { ShipmentFilter } from '../../../../shared/customs/shipmentFilter';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

export async function saveFilter(
  db: InvestigationDb,
  name: string,
  filter: ShipmentFilter,
): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A saved filter needs a name.');
  if (await db.savedFilters.where('name').equals(trimmed).count()) {
    throw new Error(`There is already a saved filter named “${trimmed}”.`);
  }
  await db.savedFilters.add({ id: newId(), name: trimmed, filter, createdAt: Date.now() });
}

export const deleteSavedFilter = (db: InvestigationDb, id: string): Promise<void> =>
  db.savedFilters.delete(id);
