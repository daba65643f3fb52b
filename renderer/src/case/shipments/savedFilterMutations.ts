import type { ShipmentFilter } from '#shared/customs/shipmentFilter';
import { recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { releaseCitations } from '../evidence/citations';

export async function saveFilter(
  db: InvestigationDb,
  name: string,
  filter: ShipmentFilter,
): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A saved filter needs a name.');
  await db.transaction('rw', [db.savedFilters, db.audit], async () => {
    if (await db.savedFilters.where('name').equals(trimmed).count()) {
      throw new Error(`There is already a saved filter named “${trimmed}”.`);
    }
    const saved = { id: newId(), name: trimmed, filter, createdAt: Date.now() };
    await db.savedFilters.add(saved);
    await recordChange(db, 'savedFilters', saved.id, 'create', null, { name: trimmed, filter });
  });
}

/** Deletes a saved filter; refused while a claim cites it, unless those links go too. */
export async function deleteSavedFilter(
  db: InvestigationDb,
  id: string,
  removeLinks = false,
): Promise<void> {
  await db.transaction('rw', [db.savedFilters, db.links, db.audit], async () => {
    const saved = await db.savedFilters.get(id);
    if (!saved) return;
    await releaseCitations(db, { type: 'savedFilter', id }, saved.name, removeLinks);
    await db.savedFilters.delete(id);
    await recordChange(
      db,
      'savedFilters',
      id,
      'delete',
      { name: saved.name, filter: saved.filter },
      null,
    );
  });
}
