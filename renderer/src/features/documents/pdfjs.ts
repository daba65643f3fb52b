/**
 * pdf.js, configured once for the whole app: its worker bundled by Vite, no eval, no XFA, and no
 * scripting (the PDF scripting sandbox is a viewer component this app never loads, so a document's
 * JavaScript has nothing to run in).
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy } from 'pdfjs-dist';

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

/** A page's text as pdf.js reads it: items joined, line ends as `\n` (the text excerpts refer to). */
export async function pageText(document: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await document.getPage(pageNumber);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}
