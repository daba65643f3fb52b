import type { Excerpt, PageText, PdfRect } from './document';
import { spanConfidence } from './ocr';
import { documentText, readingQuote } from './readingQuote';
import { quoteSelector, type TextSpan } from './textAnchoring';

export type ExcerptPlace = Pick<
  Excerpt,
  'page' | 'quote' | 'reading' | 'position' | 'rects' | 'ocr'
>;

/**
 * Where an excerpt cut at `span` of `page` sits in a document whose stored page texts are `pages`:
 * its quote with context, the quote as it reads, its offsets and highlight, and, where the page was
 * read by OCR, the confidence of the words it covers. Both a new excerpt and a moved one use it.
 */
export function excerptPlace(
  pages: readonly PageText[],
  at: { page: number; span: TextSpan; rects: PdfRect[] },
): ExcerptPlace {
  const page = pages.find((candidate) => candidate.page === at.page);
  const quote = quoteSelector(page?.text ?? '', at.span);
  const confidence = page?.ocr ? spanConfidence(page.ocr.words, at.span) : null;
  return {
    page: at.page,
    quote,
    reading: readingQuote(quote.exact, documentText(pages)),
    position: { start: at.span.start, end: at.span.end },
    rects: at.rects,
    ...(confidence === null ? {} : { ocr: { confidence } }),
  };
}
