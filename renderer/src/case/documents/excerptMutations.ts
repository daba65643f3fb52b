import type { Excerpt, PdfDocument, PdfRect } from '#shared/documents/document';
import { quoteSelector, type TextSpan } from '#shared/documents/textAnchoring';
import { normaliseTag } from '#shared/claimFilter';
import { recordChange, updateAudited } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

export async function addExcerpt(
  db: InvestigationDb,
  document: PdfDocument,
  input: {
    page: number;
    pageText: string;
    span: TextSpan;
    rects: PdfRect[];
    comment?: string;
    tags?: string[];
  },
): Promise<Excerpt> {
  if (input.span.end <= input.span.start) throw new Error('Select some text first.');
  const excerpt: Excerpt = {
    id: newId(),
    documentId: document.id,
    fileSha256: document.sha256,
    page: input.page,
    quote: quoteSelector(input.pageText, input.span),
    position: { start: input.span.start, end: input.span.end },
    rects: input.rects,
    comment: input.comment?.trim() ?? '',
    tags: [...new Set((input.tags ?? []).map(normaliseTag).filter(Boolean))],
    createdAt: Date.now(),
  };
  await db.transaction('rw', [db.excerpts, db.audit], async () => {
    await db.excerpts.add(excerpt);
    await recordChange(db, 'excerpts', excerpt.id, 'create', null, {
      documentId: document.id,
      page: excerpt.page,
      quote: excerpt.quote.exact,
    });
  });
  return excerpt;
}

/** Changes an excerpt's comment and tags; the change is audited with what it was. */
export async function updateExcerptNotes(
  db: InvestigationDb,
  id: string,
  notes: { comment: string; tags: string[] },
): Promise<void> {
  const changes = {
    comment: notes.comment.trim(),
    tags: [...new Set(notes.tags.map(normaliseTag).filter(Boolean))],
  };
  await updateAudited(db, db.excerpts, 'excerpts', id, changes, 'This excerpt no longer exists.');
}

export async function deleteExcerpt(db: InvestigationDb, id: string): Promise<void> {
  await db.transaction('rw', [db.excerpts, db.audit], async () => {
    const excerpt = await db.excerpts.get(id);
    if (!excerpt) return;
    await db.excerpts.delete(id);
    await recordChange(
      db,
      'excerpts',
      id,
      'delete',
      { documentId: excerpt.documentId, page: excerpt.page, quote: excerpt.quote.exact },
      null,
    );
  });
}
