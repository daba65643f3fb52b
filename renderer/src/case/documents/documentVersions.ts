/**
 * Moving excerpts to a document's new version (shared/documents/versions.ts): each found again by
 * its quote and context moves there, with its new place, context and highlight; the others stay on
 * the version they were cut from, listed as orphaned until the user re-anchors them by selecting
 * the passage again or keeps them where they are. Every move is audited.
 */
import type { Excerpt, PageText, PdfDocument, PdfRect } from '#shared/documents/document';
import { excerptPlace } from '#shared/documents/excerptPlace';
import type { TextSpan } from '#shared/documents/textAnchoring';
import { findInVersion, versionsOf } from '#shared/documents/versions';
import { recordChange, updateAudited } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { pageItems, spanRects, type PDFDocumentProxy } from './pdfjs';

/** An excerpt placed at `span` of `page` in `document`: its quote, reading and place recomputed. */
function placed(
  excerpt: Excerpt,
  document: PdfDocument,
  pages: readonly PageText[],
  at: { page: number; span: TextSpan; rects: PdfRect[] },
): Excerpt {
  const { keptOnVersion: _kept, ocr: _ocr, ...rest } = excerpt;
  return {
    ...rest,
    documentId: document.id,
    fileSha256: document.sha256,
    ...excerptPlace(pages, at),
  };
}

async function writeMoves(db: InvestigationDb, moves: { from: Excerpt; to: Excerpt }[]) {
  await db.transaction('rw', [db.excerpts, db.audit], async () => {
    for (const { from, to } of moves) {
      await db.excerpts.put(to);
      await recordChange(
        db,
        'excerpts',
        to.id,
        'update',
        { documentId: from.documentId, page: from.page, quote: from.quote.exact },
        { documentId: to.documentId, page: to.page, quote: to.quote.exact },
      );
    }
  });
}

/** The excerpts of a document's earlier versions that are neither moved nor kept: its orphans. */
export async function orphansOf(db: InvestigationDb, document: PdfDocument): Promise<Excerpt[]> {
  const earlier = versionsOf(await db.documents.toArray(), document).filter(
    (version) => version.id !== document.id,
  );
  // One query per version: `anyOf` walks a cursor, which the sealing middleware does not serve.
  const excerpts = await Promise.all(
    earlier.map((version) => db.excerpts.where('documentId').equals(version.id).toArray()),
  );
  return excerpts.flat().filter((excerpt) => !excerpt.keptOnVersion);
}

/**
 * Once a new version's text is stored: every excerpt of its earlier versions (not kept there) whose
 * quote is found again in it moves to it. Returns how many moved and how many stay orphaned.
 */
export async function moveExcerptsToVersion(
  db: InvestigationDb,
  document: PdfDocument,
  pdf: PDFDocumentProxy,
): Promise<{ moved: number; orphaned: number }> {
  const pages = await db.pageTexts.where('documentId').equals(document.id).toArray();
  const candidates = await orphansOf(db, document);
  const moves: { from: Excerpt; to: Excerpt }[] = [];
  for (const excerpt of candidates) {
    const found = findInVersion(excerpt, pages);
    if (!found) continue;
    const stored = pages.find((page) => page.page === found.page);
    const rects = spanRects(await pageItems(pdf, found.page, stored), found.span);
    moves.push({ from: excerpt, to: placed(excerpt, document, pages, { ...found, rects }) });
  }
  await writeMoves(db, moves);
  return { moved: moves.length, orphaned: candidates.length - moves.length };
}

/** Re-anchors an orphaned excerpt on the passage the user selected again in the newer version. */
export async function reanchorExcerpt(
  db: InvestigationDb,
  excerptId: string,
  document: PdfDocument,
  selection: { page: number; span: TextSpan; rects: PdfRect[] },
): Promise<void> {
  const excerpt = await db.excerpts.get(excerptId);
  if (!excerpt) throw new Error('This excerpt no longer exists.');
  if (selection.span.end <= selection.span.start) throw new Error('Select the passage first.');
  const pages = await db.pageTexts.where('documentId').equals(document.id).toArray();
  await writeMoves(db, [{ from: excerpt, to: placed(excerpt, document, pages, selection) }]);
}

/** Keeps an orphaned excerpt on the version it was cut from: it is no longer listed as orphaned. */
export async function keepOnVersion(db: InvestigationDb, excerptId: string): Promise<void> {
  await updateAudited(
    db,
    db.excerpts,
    'excerpts',
    excerptId,
    { keptOnVersion: true },
    'This excerpt no longer exists.',
  );
}
