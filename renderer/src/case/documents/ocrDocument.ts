/**
 * Reading a scan: each page without text is drawn at 300 dpi, read by the OCR engine in its worker,
 * and stored as that page's text with its words (shared/documents/ocr.ts), page by page, so that
 * pages read before a stop are kept and the next run goes on from there. The document records how
 * it was read once every page is done; each run is audited.
 */
import type { PdfDocument } from '#shared/documents/document';
import {
  awaitsOcr,
  itemsText,
  ocrPageFrom,
  ocrTextItems,
  type OcrPage,
} from '#shared/documents/ocr';
import { recordChange } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { ensureRoom } from '../../db/storageRoom';
import { moveExcerptsToVersion } from './documentVersions';
import { OCR_ENGINE, OcrStopped, startOcrEngine, type OcrLanguage } from './ocrEngine';
import type { PDFDocumentProxy } from './pdfjs';

/** Scans are read at 300 dots per inch, Tesseract's own recommendation. */
const DPI = 300;
const PIXELS_PER_POINT = DPI / 72;

export type OcrProgress = { done: number; pages: number; fraction: number };

/**
 * A page drawn as the engine reads it: 300 dpi, on white, in grey, as a PGM image (a header and a
 * byte per pixel: nothing to compress, where a PNG of the same page takes most of a second).
 */
export async function pageImage(pdf: PDFDocumentProxy, pageNumber: number): Promise<Blob> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: PIXELS_PER_POINT });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw the page for text recognition.');
  try {
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
    const grey = new Uint8Array(width * height);
    for (let pixel = 0, at = 0; pixel < grey.length; pixel += 1, at += 4)
      grey[pixel] = (data[at] * 77 + data[at + 1] * 150 + data[at + 2] * 29) >> 8;
    return new Blob([header, grey], { type: 'image/x-portable-graymap' });
  } finally {
    page.cleanup();
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** The pages of a document that have no text of their own and have not been read yet. */
async function pagesToRead(db: InvestigationDb, document: PdfDocument): Promise<number[]> {
  const pages = await db.pageTexts.where('documentId').equals(document.id).toArray();
  return pages
    .filter(awaitsOcr)
    .map((page) => page.page)
    .sort((a, b) => a - b);
}

/**
 * Reads every page of `document` that has no text. Stopped through `signal`, it keeps the pages
 * already read and throws `OcrStopped`. Returns the pages read and their mean confidence.
 */
export async function recogniseDocument(
  db: InvestigationDb,
  document: PdfDocument,
  pdf: PDFDocumentProxy,
  languages: readonly OcrLanguage[],
  options: { signal: AbortSignal; onProgress: (progress: OcrProgress) => void },
): Promise<{ pages: number; confidence: number }> {
  const pages = await pagesToRead(db, document);
  if (pages.length === 0) throw new Error(`Every page of ${document.fileName} has text already.`);
  // A page's words and boxes take a few tens of kilobytes.
  await ensureRoom(`Reading ${document.fileName}`, pages.length * 100 * 1024);
  if (options.signal.aborted) throw new OcrStopped();
  // The engine starts (its WebAssembly compiled, its languages loaded) while the first page is
  // drawn, and each next page is drawn while the engine reads the one before.
  const draw = (at: number) => {
    const pageNumber = pages[at];
    return pageNumber === undefined ? null : pageImage(pdf, pageNumber);
  };
  let nextImage = draw(0);
  nextImage?.catch(() => undefined);
  const engine = await startOcrEngine(languages);
  const stop = () => void engine.stop();
  options.signal.addEventListener('abort', stop);
  // Stopped while the engine was starting: nothing is read.
  if (options.signal.aborted) stop();
  const read: OcrPage[] = [];
  try {
    for (const [done, pageNumber] of pages.entries()) {
      options.onProgress({ done, pages: pages.length, fraction: 0 });
      const image = await nextImage;
      if (!image) break;
      nextImage = draw(done + 1);
      nextImage?.catch(() => undefined);
      const words = await engine.recognise(image, (fraction) =>
        options.onProgress({ done, pages: pages.length, fraction }),
      );
      const height = (await pdf.getPage(pageNumber)).getViewport({ scale: 1 }).height;
      const ocr = ocrPageFrom(words, PIXELS_PER_POINT, height);
      const text = itemsText(ocrTextItems(ocr.words));
      await db.pageTexts.put({ documentId: document.id, page: pageNumber, text, ocr });
      read.push(ocr);
    }
  } catch (error) {
    throw options.signal.aborted ? new OcrStopped() : error;
  } finally {
    options.signal.removeEventListener('abort', stop);
    await engine.stop();
  }
  options.onProgress({ done: pages.length, pages: pages.length, fraction: 1 });
  const stored = await db.pageTexts.where('documentId').equals(document.id).toArray();
  const words = stored.flatMap((page) => page.ocr?.words ?? []);
  const confidence = Math.round(
    words.reduce((sum, word) => sum + word.confidence, 0) / Math.max(1, words.length),
  );
  const run = {
    engine: OCR_ENGINE,
    languages: languages.map((language) => language.code),
    finishedAt: Date.now(),
    pages: stored.filter((page) => page.ocr).length,
    confidence,
  };
  const anyText = stored.some((page) => page.text.trim());
  await db.transaction('rw', [db.documents, db.audit], async () => {
    await db.documents.update(document.id, {
      ocr: run,
      textStatus: anyText ? 'complete' : 'no-text',
    });
    await recordChange(db, 'documents', document.id, 'update', null, {
      ocr: `${run.languages.join('+')}: ${read.length} pages read, mean confidence ${confidence}`,
    });
  });
  if (document.supersedes) await moveExcerptsToVersion(db, { ...document, ocr: run }, pdf);
  return { pages: read.length, confidence };
}
