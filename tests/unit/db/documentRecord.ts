import type { PdfDocument } from '../../../shared/documents/document';

/** A stored PDF's record, for tests that need one without opening a PDF (pdf.js needs a DOM). */
export const documentRecord = (id: string, title: string): PdfDocument => ({
  id,
  sha256: 'd'.repeat(64),
  fileName: `${id}.pdf`,
  title,
  origin: '',
  pageCount: 1,
  addedAt: 0,
  encrypted: false,
  textStatus: 'complete',
  pagesExtracted: 1,
});
