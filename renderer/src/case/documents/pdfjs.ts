/**
 * pdf.js, configured once for the whole app: its worker bundled by Vite, no eval, no XFA, and no
 * scripting (the PDF scripting sandbox is a viewer component this app never loads, so a document's
 * JavaScript has nothing to run in).
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import type { PageText, PdfRect } from '#shared/documents/document';
import { itemsText, OCR_FONT, ocrTextItems, type PageTextItem } from '#shared/documents/ocr';
import { restoreSoftHyphens, SOFT_HYPHEN, wordBreaks } from '#shared/documents/softHyphens';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
export { pdfjs };

export class PdfPasswordNeeded extends Error {
  constructor(readonly wrongPassword: boolean) {
    super(wrongPassword ? 'That password is not right.' : 'This PDF is protected by a password.');
  }
}

export type PdfWorker = InstanceType<typeof pdfjs.PDFWorker>;

let reader: PdfWorker | null = null;

/**
 * The pdf.js worker the viewer reads documents on: started once, ahead of the first document
 * (when the Documents page shows), and kept, so that opening a document does not wait for pdf.js's
 * worker to load its 1.4 MB script. Background work (extraction, OCR) opens documents on workers
 * of their own, so it never holds up the page being read.
 */
export const readerWorker = (): PdfWorker => (reader ??= new pdfjs.PDFWorker());

/**
 * Opens PDF bytes, on `worker` if given (a document's own otherwise, ended with it); a protected
 * one needs its password, asked of the user and never stored.
 */
export async function openPdf(
  bytes: Uint8Array,
  password?: string,
  worker?: PdfWorker,
): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    worker,
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

/** A page's stored text, as far as drawing its text layer again needs it. */
export type StoredPageText = Pick<PageText, 'text' | 'ocr'>;

/**
 * The text the page's show-text operations draw, glyph by glyph: soft hyphens included, which
 * pdf.js leaves out of its text content (it drops every invisible format character).
 */
async function drawnText(page: PDFPageProxy): Promise<string> {
  const { fnArray, argsArray } = await page.getOperatorList();
  let text = '';
  fnArray.forEach((fn, at) => {
    if (fn !== pdfjs.OPS.showText) return;
    const [glyphs] = argsArray[at] as [unknown[]];
    for (const glyph of glyphs)
      if (glyph && typeof glyph === 'object' && 'unicode' in glyph) text += String(glyph.unicode);
  });
  return text.normalize('NFKC');
}

/**
 * A page's text as its text layer draws it: pdf.js's items, with the soft hyphens at line ends put
 * back (for a page extracted now, or stored with them: a page stored before kept none, and its
 * layer must keep matching its stored text); a scanned page read by OCR, its words.
 */
export async function pageTextContent(
  page: PDFPageProxy,
  stored?: StoredPageText,
): Promise<{ items: PageTextItem[]; styles: TextContent['styles']; lang: string | null }> {
  if (stored?.ocr)
    return {
      items: ocrTextItems(stored.ocr.words),
      styles: {
        [OCR_FONT]: { fontFamily: 'sans-serif', ascent: 0.8, descent: -0.2, vertical: false },
      },
      lang: null,
    };
  const content = await page.getTextContent();
  const items = content.items.filter((item) => 'str' in item) as PageTextItem[];
  const withSoftHyphens = stored === undefined || stored.text.includes(SOFT_HYPHEN);
  return {
    items:
      withSoftHyphens && wordBreaks(items).size > 0
        ? restoreSoftHyphens(items, await drawnText(page))
        : items,
    styles: content.styles,
    lang: content.lang ?? null,
  };
}

/** A page's text items (see `pageTextContent`): its text, its excerpts' rectangles. */
export async function pageItems(
  document: PDFDocumentProxy,
  pageNumber: number,
  stored?: StoredPageText,
): Promise<PageTextItem[]> {
  return (await pageTextContent(await document.getPage(pageNumber), stored)).items;
}

/** A page's text as pdf.js reads it: items joined, line ends as `\n` (the text excerpts refer to). */
export async function pageText(document: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await document.getPage(pageNumber);
  try {
    return itemsText((await pageTextContent(page)).items);
  } finally {
    // What reading it kept (its operator list, where soft hyphens were looked for) goes.
    page.cleanup();
  }
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
