import {
  quoteLine,
  type Excerpt,
  type PdfDocument,
  type PdfRect,
} from '#shared/documents/document';
import { evidenceTypeLabels, type EvidenceLink } from '#shared/evidence/link';
import type { TextSpan } from '#shared/documents/textAnchoring';
import { excerptPlace } from '#shared/documents/excerptPlace';
import { normaliseTag } from '#shared/claimFilter';
import { recordChange, updateAudited } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { citingLinks, releaseCitations } from '../evidence/citations';

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
  const stored = await db.pageTexts.where('documentId').equals(document.id).toArray();
  // A page still being extracted has no stored text yet: the one the viewer shows stands in for it.
  const pages = stored.some((page) => page.page === input.page)
    ? stored
    : [...stored, { documentId: document.id, page: input.page, text: input.pageText }];
  const excerpt: Excerpt = {
    id: newId(),
    documentId: document.id,
    fileSha256: document.sha256,
    ...excerptPlace(pages, input),
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

/** What deleting an excerpt removed, for `restoreExcerpt` to put back. */
export type DeletedExcerpt = { excerpt: Excerpt; links: EvidenceLink[] };

/** How an excerpt is named in its claims' histories. */
const excerptLabel = (excerpt: Excerpt) => `page ${excerpt.page}, “${quoteLine(excerpt, 80)}”`;

/**
 * Deletes an excerpt. One a claim cites is refused unless `removeLinks` (the handbook's rule for
 * cited evidence: see releaseCitations); what went is returned, so that the user can undo.
 */
export async function deleteExcerpt(
  db: InvestigationDb,
  id: string,
  removeLinks = false,
): Promise<DeletedExcerpt | null> {
  return db.transaction('rw', [db.excerpts, db.links, db.audit], async () => {
    const excerpt = await db.excerpts.get(id);
    if (!excerpt) return null;
    const target = { type: 'excerpt' as const, id };
    const links = await citingLinks(db, target);
    await releaseCitations(db, target, excerptLabel(excerpt), removeLinks);
    await db.excerpts.delete(id);
    await recordChange(
      db,
      'excerpts',
      id,
      'delete',
      { documentId: excerpt.documentId, page: excerpt.page, quote: excerpt.quote.exact },
      null,
    );
    return { excerpt, links };
  });
}

/**
 * Puts a deleted excerpt back as it was, with the links removed with it whose claims still exist
 * (the undo of `deleteExcerpt`); refused if its document has gone meanwhile.
 */
export async function restoreExcerpt(db: InvestigationDb, deleted: DeletedExcerpt): Promise<void> {
  const { excerpt, links } = deleted;
  await db.transaction(
    'rw',
    [db.documents, db.excerpts, db.claims, db.links, db.audit],
    async () => {
      if (!(await db.documents.get(excerpt.documentId)))
        throw new Error('Its document has been deleted since: the excerpt cannot come back.');
      await db.excerpts.add(excerpt);
      await recordChange(db, 'excerpts', excerpt.id, 'restore', null, {
        documentId: excerpt.documentId,
        page: excerpt.page,
        quote: excerpt.quote.exact,
      });
      for (const link of links) {
        if (!(await db.claims.get(link.claimId))) continue;
        await db.links.add(link);
        await recordChange(
          db,
          'claims',
          link.claimId,
          'update',
          null,
          { evidence: `${link.relation}: ${evidenceTypeLabels.excerpt} ${excerptLabel(excerpt)}` },
          'The deletion was undone',
        );
      }
    },
  );
}
