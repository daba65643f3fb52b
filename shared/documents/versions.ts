/**
 * Versions of a document: a new version (a corrected notice, a re-scan) is a document of its own,
 * with its own file and text, that names the one it supersedes. Excerpts move to the newest version
 * where their quote is found again; the others stay where they were cut.
 */
import type { Excerpt, PageText, PdfDocument } from './document';
import { anchorQuote, type TextSpan } from './textAnchoring';

/** A document's versions, oldest first, from any one of them. */
export function versionsOf(
  documents: readonly PdfDocument[],
  document: PdfDocument,
): PdfDocument[] {
  const byId = new Map(documents.map((entry) => [entry.id, entry]));
  const next = new Map(
    documents.flatMap((entry) => (entry.supersedes ? [[entry.supersedes, entry] as const] : [])),
  );
  let first = document;
  const seen = new Set([first.id]);
  for (let previous = byId.get(first.supersedes ?? ''); previous;) {
    if (seen.has(previous.id)) break;
    seen.add(previous.id);
    first = previous;
    previous = byId.get(first.supersedes ?? '');
  }
  const chain = [first];
  for (let later = next.get(first.id); later && !chain.includes(later); later = next.get(later.id))
    chain.push(later);
  return chain;
}

/** The documents no newer version supersedes: those the Documents list shows. */
export function newestVersions(documents: readonly PdfDocument[]): PdfDocument[] {
  const superseded = new Set(documents.flatMap((entry) => entry.supersedes ?? []));
  return documents.filter((entry) => !superseded.has(entry.id));
}

/** "version 2 of 3", or null for a document that has only one. */
export function versionLabel(documents: readonly PdfDocument[], document: PdfDocument) {
  const chain = versionsOf(documents, document);
  return chain.length > 1 ? `version ${chain.indexOf(document) + 1} of ${chain.length}` : null;
}

/**
 * Where an excerpt's quote is in another version's pages: its own page first, then the others from
 * the nearest out; on a page, the place whose context matches best (shared/documents/textAnchoring).
 * Null when the quote is in none of them: it is then orphaned.
 */
export function findInVersion(
  excerpt: Pick<Excerpt, 'page' | 'quote' | 'position' | 'reading'>,
  pages: readonly PageText[],
): { page: number; span: TextSpan } | null {
  const ordered = [...pages].sort(
    (a, b) => Math.abs(a.page - excerpt.page) - Math.abs(b.page - excerpt.page) || a.page - b.page,
  );
  for (const page of ordered) {
    const position = page.page === excerpt.page ? excerpt.position : undefined;
    const span = anchorQuote(page.text, excerpt.quote, position, excerpt.reading);
    if (span) return { page: page.page, span };
  }
  return null;
}
