import { cleanSource, sourceProblem, type Source, type SourceDraft } from '#shared/notes/source';
import { changedFields, recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

/**
 * Creates a source or changes one (`id`), with its audit entry. Runs inside the caller's
 * transaction when there is one (a note saved with its source), else in its own.
 */
export async function saveSource(
  db: InvestigationDb,
  draft: SourceDraft,
  id?: string,
): Promise<string> {
  const cleaned = cleanSource(draft);
  return db.transaction('rw', [db.sources, db.audit], async () => {
    const others = (await db.sources.toArray()).filter((source) => source.id !== id);
    const problem = sourceProblem(cleaned, others);
    if (problem) throw new Error(problem);
    const now = Date.now();
    const existing = id ? await db.sources.get(id) : undefined;
    if (existing) {
      const { id: _id, createdAt: _c, updatedAt: _u, ...before } = existing;
      const diff = changedFields(before, cleaned);
      if (Object.keys(diff.after).length === 0) return existing.id;
      await db.sources.update(existing.id, { ...cleaned, updatedAt: now });
      await recordChange(db, 'sources', existing.id, 'update', diff.before, diff.after);
      return existing.id;
    }
    const source: Source = { ...cleaned, id: newId(), createdAt: now, updatedAt: now };
    await db.sources.add(source);
    await recordChange(db, 'sources', source.id, 'create', null, cleaned);
    return source.id;
  });
}

/** Deletes a source no note comes from any more. */
export async function deleteSource(db: InvestigationDb, id: string): Promise<void> {
  await db.transaction('rw', [db.sources, db.notes, db.audit], async () => {
    const source = await db.sources.get(id);
    if (!source) return;
    const notes = (await db.notes.toArray()).filter((note) => note.sourceId === id).length;
    if (notes > 0)
      throw new Error(
        `${notes === 1 ? 'A note comes' : `${notes} notes come`} from this source: give ${notes === 1 ? 'it' : 'them'} another source first.`,
      );
    await db.sources.delete(id);
    const { id: _id, ...before } = source;
    await recordChange(db, 'sources', id, 'delete', before, null);
  });
}
