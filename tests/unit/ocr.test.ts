import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  itemsText,
  ocrPageFrom,
  ocrTextItems,
  spanConfidence,
  type EngineWord,
} from '../../shared/documents/ocr';
import { checkOcrLanguageFile } from '../../shared/documents/ocrLanguage';
import { excerptPlace } from '../../shared/documents/excerptPlace';

const word = (text: string, x0: number, y0: number, confidence: number, lineEnd = false) => ({
  text,
  confidence,
  bbox: { x0, y0, x1: x0 + text.length * 20, y1: y0 + 40 },
  lineEnd,
});

// Two lines of an image drawn at 300 dpi (25/6 pixels per point) from an A4 page (842 points).
const engineWords: EngineWord[] = [
  word('thermal', 300, 1000, 96),
  word('imaging', 480, 1000, 90, true),
  word(' ', 700, 1000, 0, true),
  word('cameras', 300, 1060, 72),
  word('made', 460, 1060, 80.4),
];

describe('OCR words as a page’s text', () => {
  const page = ocrPageFrom(engineWords, 300 / 72, 842);

  it('puts each word in PDF user space (points, y up), drops blanks and ends the last line', () => {
    expect(page.words.map((entry) => entry.text)).toEqual([
      'thermal',
      'imaging',
      'cameras',
      'made',
    ]);
    const [first] = page.words;
    expect(first?.box.x1).toBeCloseTo(300 / (300 / 72));
    expect(first?.box.y2).toBeCloseTo(842 - 1000 / (300 / 72));
    expect(first?.box.y1).toBeCloseTo(842 - 1040 / (300 / 72));
    expect(page.words.map((entry) => entry.lineEnd)).toEqual([false, true, false, true]);
    expect(page.words[3]?.confidence).toBe(80);
    expect(page.confidence).toBe(Math.round((96 + 90 + 72 + 80) / 4));
  });

  it('gives the text items pdf.js would: a word with its space, line ends as breaks', () => {
    const items = ocrTextItems(page.words);
    expect(itemsText(items)).toBe('thermal imaging\ncameras made\n');
    expect(items.map((item) => item.str)).toEqual(['thermal ', 'imaging', 'cameras ', 'made']);
    // A word and its space reach the next word, so a selection over them has no gap.
    const [first, second] = page.words;
    expect(items[0]?.width).toBeCloseTo((second?.box.x1 ?? 0) - (first?.box.x1 ?? 0));
    expect(items[0]?.transform[4]).toBe(first?.box.x1);
  });

  it('rates a span by the words it touches', () => {
    expect(spanConfidence(page.words, { start: 0, end: 15 })).toBe(93);
    expect(spanConfidence(page.words, { start: 16, end: 23 })).toBe(72);
    expect(spanConfidence(page.words, { start: 100, end: 120 })).toBeNull();
  });

  it('marks an excerpt cut from OCR text with its words’ confidence, and no other', () => {
    const text = itemsText(ocrTextItems(page.words));
    const scanned = { documentId: 'd', page: 1, text, ocr: page };
    const typed = { documentId: 'd', page: 2, text: 'thermal imaging' };
    const at = { span: { start: 0, end: 15 }, rects: [] };
    expect(excerptPlace([scanned, typed], { page: 1, ...at })).toMatchObject({
      reading: 'thermal imaging',
      ocr: { confidence: 93 },
    });
    expect(excerptPlace([scanned, typed], { page: 2, ...at })).not.toHaveProperty('ocr');
  });
});

describe('OCR language files', () => {
  const container = (entries: number, offsets: number[], size: number) => {
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setInt32(0, entries, true);
    offsets.forEach((offset, at) => view.setBigInt64(4 + at * 8, BigInt(offset), true));
    return bytes;
  };

  it('takes a Tesseract data container named for its language', () => {
    const bytes = container(3, [-1, 40, 100], 200);
    expect(checkOcrLanguageFile('rus.traineddata', bytes)).toEqual({ code: 'rus' });
    expect(checkOcrLanguageFile('chi_sim.traineddata', bytes)).toEqual({ code: 'chi_sim' });
  });

  it('refuses other names, English, and files whose header is not a container', () => {
    const bytes = container(3, [-1, 40, 100], 200);
    const problem = (name: string, data: Uint8Array) =>
      (checkOcrLanguageFile(name, data) as { problem?: string }).problem;
    expect(problem('russian.bin', bytes)).toMatch(/^russian\.bin: .*named for its language/);
    expect(problem('eng.traineddata', bytes)).toMatch(/English is built in/);
    expect(problem('rus.traineddata', new TextEncoder().encode('<html>not data</html>'))).toMatch(
      /not Tesseract language data/,
    );
    expect(problem('rus.traineddata', container(3, [-1, 40, 5000], 200))).toMatch(
      /not Tesseract language data/,
    );
    expect(problem('rus.traineddata', new Uint8Array(2))).toMatch(/not Tesseract language data/);
  });

  const debian = '/usr/share/tesseract-ocr/5/tessdata/rus.traineddata';
  it.skipIf(!existsSync(debian))(
    'takes Debian’s tesseract-ocr-rus data (skipped where the package is not installed)',
    () => {
      expect(checkOcrLanguageFile('rus.traineddata', readFileSync(debian))).toEqual({
        code: 'rus',
      });
    },
  );
});
