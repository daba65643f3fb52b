import { noteProblem, type SourceNote } from '#shared/notes/sourceNote';
import { recordChange, saveAudited } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { releaseCitations } from '../evidence/citations';
import { saveSource } from './sourceMutations';
import type { SourceDraft } from '#shared/notes/source';

export type NoteDraft = Omit<SourceNote, 'id' | 'createdAt' | 'updatedAt'>;

export const emptyNote = (): NoteDraft => ({
  kind: 'interview',
  title: '',
  body: '',
  sourceId: null,
  date: '',
  request: null,
});

/** A source as the note form gives it: new (`id` null) or one already stored, with its fields. */
export type SourceEdit = { id: string | null; draft: SourceDraft };

function checked(draft: NoteDraft): NoteDraft {
  const cleaned: NoteDraft = {
    ...draft,
    title: draft.title.trim(),
    request: draft.kind === 'request-for-comment' ? draft.request : null,
  };
  const problem = noteProblem(cleaned);
  if (problem) throw new Error(problem);
  return cleaned;
}

/**
 * Creates or updates a note with its audit entry; with `source`, also creates or changes its source
 * (for every note that comes from it) and points the note to it, all in one transaction.
 */
export async function saveNote(
  db: InvestigationDb,
  draft: NoteDraft,
  id?: string,
  source?: SourceEdit,
): Promise<string> {
  const note = checked(draft);
  return db.transaction('rw', [db.notes, db.sources, db.audit], async () => {
    const cleaned: NoteDraft = {
      ...note,
      sourceId: source ? await saveSource(db, source.draft, source.id ?? undefined) : note.sourceId,
    };
    return saveAudited(db, db.notes, 'notes', cleaned, id);
  });
}

/** Deletes a note; refused while a claim cites it, unless those links go too. */
export async function deleteNote(
  db: InvestigationDb,
  id: string,
  removeLinks = false,
): Promise<void> {
  await db.transaction('rw', [db.notes, db.links, db.audit], async () => {
    const note = await db.notes.get(id);
    if (!note) return;
    await releaseCitations(db, { type: 'note', id }, note.title, removeLinks);
    await db.notes.delete(id);
    const { id: _id, ...before } = note;
    await recordChange(db, 'notes', id, 'delete', before, null);
  });
}
