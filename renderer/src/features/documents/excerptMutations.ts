import type { Excerpt, PdfDocument, PdfRect } from '../../../../shared/documents/document';
import { quoteSelector, type TextSpan } from '../../../../shared/documents/textAnchoring';
import { normaliseTag } from '../../../../shared/claimFilter';
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
  await db.excerpts.add(excerpt);
  return excerpt;
}

export const updateExcerptNotes = (
  db: InvestigationDb,
  id: string,
  notes: { comment: string; tags: string[] },
): Promise<number> =>
  db.excerpts.update(id, {
    comment: notes.comment.trim(),
    tags: [...new Set(notes.tags.map(normaliseTag).filter(Boolean))],
  });

export const deleteExcerpt = (db: InvestigationDb, id: string): Promise<void> =>
  db.excerpts.delete(id);
