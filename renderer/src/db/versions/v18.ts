import type { SchemaVersion } from './types';

/**
 * Scans read by OCR (shared/documents/ocr.ts): a page's stored text may carry the words it was
 * read from (`PageText.ocr`, with their boxes and confidence), a document how its pages were read
 * (`PdfDocument.ocr`), and an excerpt the confidence of the words it quotes (`Excerpt.ocr`). All
 * three are optional and absent on every earlier row, and every record stays sealed whole: no
 * index changes and nothing to rewrite.
 */
export const v18: SchemaVersion = { version: 18, stores: {} };
