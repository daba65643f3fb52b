import { cleanSource, sourceProblem, type SourceDraft } from '#shared/notes/source';
import { recordChange, saveAudited } from '../../db/audit';
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
    return saveAudited(db, db.sources, 'sources', cleaned, id);
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
