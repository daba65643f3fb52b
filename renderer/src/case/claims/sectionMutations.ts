/** Sections group the claims list, and later the dossier, in the researcher's order. */
import type { Section } from '#shared/investigation';
import { moveByOne, nextOrder } from '#shared/ordering';
import { recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { ClaimError, moveClaimToSection } from './claimMutations';

const tables = (db: InvestigationDb) => [db.sections, db.claims, db.statuses, db.audit];

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ClaimError('A section needs a name.');
  return trimmed;
}

export async function addSection(db: InvestigationDb, name: string): Promise<Section> {
  return db.transaction('rw', tables(db), async () => {
    const section = {
      id: newId(),
      name: cleanName(name),
      order: nextOrder(await db.sections.toArray()),
    };
    await db.sections.add(section);
    await recordChange(db, 'sections', section.id, 'create', null, { name: section.name });
    return section;
  });
}

export async function renameSection(db: InvestigationDb, sectionId: string, name: string) {
  await db.transaction('rw', tables(db), async () => {
    const section = await db.sections.get(sectionId);
    const cleaned = cleanName(name);
    if (!section || section.name === cleaned) return;
    await db.sections.update(sectionId, { name: cleaned });
    await recordChange(
      db,
      'sections',
      sectionId,
      'update',
      { name: section.name },
      { name: cleaned },
    );
  });
}

export async function moveSection(
  db: InvestigationDb,
  sectionId: string,
  direction: 'up' | 'down',
) {
  await db.transaction('rw', tables(db), async () => {
    for (const change of moveByOne(await db.sections.toArray(), sectionId, direction)) {
      const section = await db.sections.get(change.id);
      await db.sections.update(change.id, { order: change.order });
      await recordChange(
        db,
        'sections',
        change.id,
        'update',
        { order: section?.order },
        { order: change.order },
      );
    }
  });
}

/** Deletes a section; its claims stay, moved to the end of the unsectioned claims. */
export async function deleteSection(db: InvestigationDb, sectionId: string) {
  await db.transaction('rw', tables(db), async () => {
    const section = await db.sections.get(sectionId);
    if (!section) return;
    const claims = await db.claims.where('sectionId').equals(sectionId).sortBy('order');
    for (const claim of claims) await moveClaimToSection(db, claim.id, null);
    await db.sections.delete(sectionId);
    await recordChange(db, 'sections', sectionId, 'delete', { name: section.name }, null);
  });
}
