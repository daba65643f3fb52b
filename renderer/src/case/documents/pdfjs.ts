/**
 * pdf.js, configured once for the whole app: its worker bundled by Vite, no eval, no XFA, and no
 * scripting (the PDF scripting sandbox is a viewer component this app never loads, so a document's
 * JavaScript has nothing to run in).
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfRect } from '#shared/documents/document';
import { itemsText, ocrTextItems, type OcrPage, type PageTextItem } from '#shared/documents/ocr';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
export { pdfjs };

export class PdfPasswordNeeded extends Error {
  constructor(readonly wrongPassword: boolean) {
    super(wrongPassword ? 'That password is not right.' : 'This PDF is protected by a password.');
  }
}

/** Opens PDF bytes; a protected one needs its password, asked of the user and never stored. */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given; keep the caller's.
    data: bytes.slice(),
    password,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    // pdf.js does not export its PasswordException class; its errors are told apart by name.
    const failure = error as { name?: string; code?: number };
    if (failure.name === 'PasswordException') {
      throw new PdfPasswordNeeded(failure.code === pdfjs.PasswordResponses.INCORRECT_PASSWORD);
    }
    throw error;
  }
}

/**
 * A page's text items: pdf.js's own, or (a scanned page read by OCR) its recognised words as the
 * same kind of items. The text layer, the page's text and excerpts' rectangles all come from these.
 */
export async function pageItems(
  document: PDFDocumentProxy,
  pageNumber: number,
  ocr?: OcrPage,
): Promise<PageTextItem[]> {
  if (ocr) return ocrTextItems(ocr.words);
  const content = await (await document.getPage(pageNumber)).getTextContent();
  return content.items.filter((item) => 'str' in item) as PageTextItem[];
}

/** A page's text as pdf.js reads it: items joined, line ends as `\n` (the text excerpts refer to). */
export async function pageText(document: PDFDocumentProxy, pageNumber: number): Promise<string> {
  return itemsText(await pageItems(document, pageNumber));
}

/**
 * The rectangles (PDF user space) of a span of a page's text, one per text item it covers, cut in
 * proportion to the characters covered: how an excerpt made without a mouse selection (the
 * sample's, a found hit, a moved one) gets its highlight.
 */
export function spanRects(
  items: readonly PageTextItem[],
  span: { start: number; end: number },
): PdfRect[] {
  const rects: PdfRect[] = [];
  let offset = 0;
  for (const item of items) {
    const start = Math.max(span.start, offset);
    const end = Math.min(span.end, offset + item.str.length);
    if (end > start && item.str.length > 0) {
      const [, , c, d, x, y] = item.transform;
      const height = Math.hypot(c, d);
      const from = (start - offset) / item.str.length;
      const to = (end - offset) / item.str.length;
      rects.push({
        x1: x + item.width * from,
        y1: y - height * 0.25,
        x2: x + item.width * to,
        y2: y + height * 0.9,
      });
    }
    offset += item.str.length + (item.hasEOL ? 1 : 0);
  }
  return rects;
}
