import type { OcrPage, OcrRun } from './ocr';

/** A PDF attached to an investigation. Its bytes live in the `files` table under `sha256`. */
export type PdfDocument = {
  id: string;
  sha256: string;
  fileName: string;
  title: string;
  /** Where it came from and when it was retrieved, as the researcher writes it. */
  origin: string;
  pageCount: number;
  addedAt: number;
  encrypted: boolean;
  /** `extracting` until every page's text is stored; `no-text` when no page has any (a scan?). */
  textStatus: 'extracting' | 'complete' | 'no-text';
  pagesExtracted: number;
  /** The document this one is a new version of (a corrected notice, a re-scan): schema 17. */
  supersedes?: string;
  /** How its scanned pages were read by OCR, once they have been (schema 18). */
  ocr?: OcrRun;
};

/** One page's text as pdf.js reads it: items joined, line ends as `\n`. Offsets in excerpts refer to it. */
export type PageText = {
  documentId: string;
  page: number;
  text: string;
  /** A scanned page's text was read by OCR: its words, boxes and confidence (schema 18). */
  ocr?: OcrPage;
};

/** A rectangle in PDF user-space coordinates (points, origin bottom left), not screen pixels. */
export type PdfRect = { x1: number; y1: number; x2: number; y2: number };

/** A passage of a document, anchored three ways (W3C Web Annotation selectors) so it can be re-found. */
export type Excerpt = {
  id: string;
  documentId: string;
  fileSha256: string;
  page: number;
  /** TextQuoteSelector: the text as extracted, line ends and all (anchoring needs it as it is). */
  quote: { exact: string; prefix: string; suffix: string };
  /**
   * The quote as it reads: line breaks as spaces, a hyphen at a line end joined only on evidence
   * (shared/documents/readingQuote.ts). What the app and the dossier show (schema 17).
   */
  reading: string;
  /** TextPositionSelector, within the page's text. */
  position: { start: number; end: number };
  rects: PdfRect[];
  comment: string;
  tags: string[];
  createdAt: number;
  /**
   * Not found in a newer version of its document, and kept on this one by the user's choice: no
   * longer listed as orphaned (schema 17).
   */
  keptOnVersion?: boolean;
  /** Cut from text read by OCR: the mean confidence (0–100) of its words (schema 18). */
  ocr?: { confidence: number };
};

/** An excerpt's quote as it reads, cut to `max` characters (an ellipsis marks the cut) for labels. */
export function quoteLine(excerpt: Pick<Excerpt, 'reading'>, max = Infinity): string {
  const line = excerpt.reading;
  return line.length > max ? `${line.slice(0, max).trimEnd()}…` : line;
}
