/**
 * Text read from a page image by OCR (a scan has no text of its own). Words are kept with their
 * boxes in PDF user space and the engine's confidence, and become the page's text layer: the same
 * items pdf.js would give for a page with text, so search, selection, excerpts and highlights work
 * on a scan as on any page.
 */
import type { PdfRect } from './document';
import type { TextSpan } from './textAnchoring';

/** One recognised word: its box in PDF user space, the engine's confidence (0–100). */
export type OcrWord = { text: string; box: PdfRect; confidence: number; lineEnd: boolean };

/** A page's OCR: its words in reading order and their mean confidence (0–100). */
export type OcrPage = { words: OcrWord[]; confidence: number };

/** How a document's scanned pages were read, for the record and the dossier. */
export type OcrRun = {
  engine: string;
  languages: string[];
  finishedAt: number;
  pages: number;
  confidence: number;
};

/** An item of a page's text as pdf.js gives it (the fields the text layer and rectangles use). */
export type PageTextItem = {
  str: string;
  dir: 'ltr';
  width: number;
  height: number;
  transform: [number, number, number, number, number, number];
  fontName: string;
  hasEOL: boolean;
};

/** The font name the text layer draws OCR words with (a plain sans-serif, scaled to each box). */
export const OCR_FONT = 'waybill-ocr';

/**
 * A page's OCR words as text items: a word and the space after it are one item, as wide as the
 * distance to the next word, so a selection runs on without gaps; the last word of a line ends it.
 */
export function ocrTextItems(words: readonly OcrWord[]): PageTextItem[] {
  return words.map((word, at) => {
    const next = words[at + 1];
    const joined = !word.lineEnd && next !== undefined;
    const height = Math.max(1, word.box.y2 - word.box.y1);
    // The box runs from the lowest descender to the highest ascender: the baseline sits a fifth up.
    const baseline = word.box.y1 + height * 0.2;
    const width = joined
      ? Math.max(word.box.x2 - word.box.x1, next.box.x1 - word.box.x1)
      : word.box.x2 - word.box.x1;
    return {
      str: joined ? `${word.text} ` : word.text,
      dir: 'ltr',
      width: Math.max(1, width),
      height,
      transform: [height, 0, 0, height, word.box.x1, baseline],
      fontName: OCR_FONT,
      hasEOL: !joined,
    };
  });
}

/** A page's text from its items, as pdf.js's are joined: line ends as `\n` (excerpts refer to it). */
export function itemsText(items: readonly Pick<PageTextItem, 'str' | 'hasEOL'>[]): string {
  let text = '';
  for (const item of items) {
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

/** The mean confidence of the words a span of the page's text touches (null: it touches none). */
export function spanConfidence(words: readonly OcrWord[], span: TextSpan): number | null {
  const items = ocrTextItems(words);
  let offset = 0;
  let sum = 0;
  let count = 0;
  items.forEach((item, at) => {
    const start = offset;
    offset += item.str.length + (item.hasEOL ? 1 : 0);
    if (start + item.str.length > span.start && start < span.end) {
      sum += words[at]?.confidence ?? 0;
      count += 1;
    }
  });
  return count === 0 ? null : Math.round(sum / count);
}

/** A recognised word as the engine gives it: pixels of the page image, y down. */
export type EngineWord = {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  lineEnd: boolean;
};

/**
 * The engine's words, in pixels of an image drawn at `pixelsPerPoint` from a page `pageHeight`
 * points tall, as an OCR page in PDF user space. Words that hold only spaces are dropped.
 */
export function ocrPageFrom(
  words: readonly EngineWord[],
  pixelsPerPoint: number,
  pageHeight: number,
): OcrPage {
  const kept: OcrWord[] = [];
  for (const word of words) {
    const text = word.text.trim();
    if (!text) {
      const last = kept.at(-1);
      if (word.lineEnd && last) last.lineEnd = true;
      continue;
    }
    kept.push({
      text,
      confidence: Math.max(0, Math.min(100, Math.round(word.confidence))),
      box: {
        x1: word.bbox.x0 / pixelsPerPoint,
        x2: word.bbox.x1 / pixelsPerPoint,
        y1: pageHeight - word.bbox.y1 / pixelsPerPoint,
        y2: pageHeight - word.bbox.y0 / pixelsPerPoint,
      },
      lineEnd: word.lineEnd,
    });
  }
  const last = kept.at(-1);
  if (last) last.lineEnd = true;
  const confidence =
    kept.length === 0
      ? 0
      : Math.round(kept.reduce((sum, word) => sum + word.confidence, 0) / kept.length);
  return { words: kept, confidence };
}

/** How an excerpt from OCR text is marked wherever it is shown: the app, the dossier. */
export const ocrMark = (ocr: { confidence: number }): string =>
  `Read by OCR (confidence ${ocr.confidence} %)`;

/** A page with no text of its own that OCR has not read yet: a scan, or a scanned page in a report. */
export const awaitsOcr = (page: { text: string; ocr?: OcrPage }): boolean =>
  !page.ocr && !page.text.trim();
