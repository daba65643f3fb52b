import { noteProblem, type SourceNote } from '#shared/notes/sourceNote';
import { changedFields, recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { releaseCitations } from '../evidence/citations';

export type NoteDraft = Omit<SourceNote, 'id' | 'createdAt' | 'updatedAt'>;

export const emptyNote = (): NoteDraft => ({
  kind: 'interview',
  title: '',
  body: '',
  sourceName: '',
  aliases: [],
  sourceRole: '',
  date: '',
  confidentiality: 'on-record',
  attribution: '',
  request: null,
});

/** Declared forms: trimmed, white space folded, each once, none empty or the name itself. */
function cleanAliases(aliases: readonly string[], sourceName: string): string[] {
  const name = sourceName.trim().toLowerCase();
  const seen = new Set<string>();
  return aliases
    .map((alias) => alias.trim().replace(/\s+/gu, ' '))
    .filter((alias) => {
      const key = alias.toLowerCase();
      if (!alias || key === name || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function checked(draft: NoteDraft): NoteDraft {
  const cleaned: NoteDraft = {
    ...draft,
    title: draft.title.trim(),
    sourceName: draft.sourceName.trim(),
    aliases: cleanAliases(draft.aliases, draft.sourceName),
    sourceRole: draft.sourceRole.trim(),
    attribution: draft.confidentiality === 'background' ? draft.attribution.trim() : '',
    request: draft.kind === 'request-for-comment' ? draft.request : null,
  };
  const problem = noteProblem(cleaned);
  if (problem) throw new Error(problem);
  return cleaned;
}

/** Creates or updates a note, with its audit entry in the same transaction. */
export async function saveNote(
  db: InvestigationDb,
  draft: NoteDraft,
  id?: string,
): Promise<string> {
  const cleaned = checked(draft);
  return db.transaction('rw', [db.notes, db.audit], async () => {
    const now = Date.now();
    const existing = id ? await db.notes.get(id) : undefined;
    if (existing) {
      const { id: _id, createdAt: _c, updatedAt: _u, ...before } = existing;
      const diff = changedFields(before, cleaned);
      if (Object.keys(diff.after).length === 0) return existing.id;
      await db.notes.update(existing.id, { ...cleaned, updatedAt: now });
      await recordChange(db, 'notes', existing.id, 'update', diff.before, diff.after);
      return existing.id;
    }
    const note: SourceNote = { ...cleaned, id: newId(), createdAt: now, updatedAt: now };
    await db.notes.add(note);
    await recordChange(db, 'notes', note.id, 'create', null, cleaned);
    return note.id;
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
