import { describe, expect, it } from 'vitest';
import {
  pdfRectFromViewport,
  viewportRectFromPdf,
  type Transform,
} from '../../shared/documents/coordinates';
import { PageSearchIndex } from '../../shared/documents/pageSearch';
import { anchorQuote, findAll, quoteSelector, snippet } from '../../shared/documents/textAnchoring';

const page =
  'Table of relationships\nJSC Ulan-Ude Aviation Plant (АО «Улан-\nУдэнский авиационный завод»)\nThe designa-\ntion of 2013 stands.';

describe('finding text', () => {
  it('finds a word split at its own hyphen, with the hyphen', () => {
    const [hit] = findAll(page, 'Улан-Удэнский');
    expect(hit && page.slice(hit.start, hit.end)).toBe('Улан-\nУдэнский');
  });

  it('finds a word hyphenated only by the line break, without the hyphen', () => {
    const [hit] = findAll(page, 'designation');
    expect(hit && page.slice(hit.start, hit.end)).toBe('designa-\ntion');
  });

  it('is case-insensitive in Latin and Cyrillic, and finds Chinese and symbols literally', () => {
    expect(findAll(page, 'ulan-ude aviation')).toHaveLength(1);
    expect(findAll(page, 'улан-удэнский')).toHaveLength(1);
    expect(findAll('见 保利科技有限公司 (Poly)', '保利科技有限公司')).toEqual([
      { start: 2, end: 10 },
    ]);
    expect(findAll('a (b) c', '(b)')).toEqual([{ start: 2, end: 5 }]);
    expect(findAll(page, '   ')).toEqual([]);
  });

  it('gives a snippet with the hit marked', () => {
    const [hit] = findAll(page, 'stands');
    expect(snippet(page, hit, 10)).toEqual({ before: '…n of 2013 ', hit: 'stands', after: '.' });
  });
});

describe('anchoring excerpts', () => {
  const text = 'He was designated in 2013. Then he was designated in 2022.';

  it('re-finds a quote by its prefix and suffix when it occurs more than once', () => {
    const second = {
      start: text.lastIndexOf('designated'),
      end: text.lastIndexOf('designated') + 10,
    };
    const quote = quoteSelector(text, second);
    expect(quote).toEqual({
      exact: 'designated',
      prefix: text.slice(second.start - 32, second.start),
      suffix: ' in 2022.',
    });
    expect(anchorQuote(text, quote)).toEqual(second);
    // The text moved: the quote is re-found by its context, not its old offsets.
    const moved = `Preface. ${text}`;
    expect(anchorQuote(moved, quote, second)).toEqual({
      start: second.start + 9,
      end: second.end + 9,
    });
  });

  it('reports an orphan when the quote no longer occurs', () => {
    expect(
      anchorQuote('A different text.', { exact: 'designated in 2013', prefix: '', suffix: '' }),
    ).toBeNull();
    expect(anchorQuote(text, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('re-finds by the quote as it reads where the lines now break elsewhere', () => {
    const quote = { exact: 'the state-\nowned plant', prefix: 'Of ', suffix: ' in' };
    const rebroken = 'Of the state-owned plant in Ulan-Ude; of the state-owned\nplant in Kazan';
    expect(anchorQuote(rebroken, quote)).toBeNull();
    const span = anchorQuote(rebroken, quote, undefined, 'the state-owned plant');
    expect(span && rebroken.slice(span.start, span.end)).toBe('the state-owned plant');
    expect(span?.start).toBe(3);
    const joined = 'The designa-\ntion stands.';
    const found = anchorQuote(
      joined,
      { exact: 'The designation', prefix: '', suffix: '' },
      undefined,
      'The designation',
    );
    expect(found && joined.slice(found.start, found.end)).toBe('The designa-\ntion');
  });
});

describe('coordinates', () => {
  // pdf.js's viewport transform for a 612×792 page at scale 1.5, no rotation: y flips.
  const upright: Transform = [1.5, 0, 0, -1.5, 0, 1188];
  // The same page rotated by 90°.
  const rotated: Transform = [0, 1.5, 1.5, 0, 0, 0];

  it('turns a selection rectangle into PDF points and back, at any zoom and rotation', () => {
    for (const transform of [upright, rotated]) {
      const screen = { left: 150, top: 300, width: 90, height: 15 };
      const pdf = pdfRectFromViewport(screen, transform);
      const back = viewportRectFromPdf(pdf, transform);
      expect(back.left).toBeCloseTo(screen.left);
      expect(back.top).toBeCloseTo(screen.top);
      expect(back.width).toBeCloseTo(screen.width);
      expect(back.height).toBeCloseTo(screen.height);
    }
  });

  it('puts the top of the screen at the top of the page in PDF space', () => {
    expect(pdfRectFromViewport({ left: 0, top: 0, width: 150, height: 15 }, upright)).toEqual({
      x1: 0,
      y1: 782,
      x2: 100,
      y2: 792,
    });
  });
});

describe('searching many pages', () => {
  const pages = [
    { documentId: 'd', page: 1, text: 'Intro\nThe designa-\ntion of 2013.' },
    {
      documentId: 'd',
      page: 2,
      text: 'JSC Ulan-Ude (АО «Улан-\nУдэнский завод»)\nalleged missile\nproliferation',
    },
    { documentId: 'e', page: 1, text: '见 保利科技有限公司' },
    { documentId: 'f', page: 1, text: 'goes on export\u00AD\ning parts' },
  ];
  const index = new PageSearchIndex(pages);
  const found = (query: string) =>
    index
      .search(query)
      .map((hit) => [
        hit.documentId,
        hit.page,
        pages
          .find((page) => page.documentId === hit.documentId && page.page === hit.page)!
          .text.slice(hit.span.start, hit.span.end),
      ]);

  it('finds the same hits as the per-page pattern, mapped back to each page', () => {
    expect(found('Улан-Удэнский')).toEqual([['d', 2, 'Улан-\nУдэнский']]);
    expect(found('designation')).toEqual([['d', 1, 'designa-\ntion']]);
    expect(found('missile proliferation')).toEqual([['d', 2, 'missile\nproliferation']]);
    expect(found('保利科技有限公司')).toEqual([['e', 1, '保利科技有限公司']]);
    expect(found('ULAN-UDE')).toEqual([['d', 2, 'Ulan-Ude']]);
    // A soft hyphen at a line end joins the word, and is never itself searched for.
    expect(found('exporting parts')).toEqual([['f', 1, 'export\u00AD\ning parts']]);
    for (const page of pages) {
      for (const query of ['2013', 'завод', 'intro']) {
        const expected = findAll(page.text, query).length;
        expect(
          index
            .search(query)
            .filter((hit) => hit.documentId === page.documentId && hit.page === page.page),
        ).toHaveLength(expected);
      }
    }
  });

  it('folds every kind of white space to one space, and upper case as the query does', () => {
    const spaced = new PageSearchIndex([
      { documentId: 'g', page: 1, text: 'ΣΟΦΙΑ\u00A0\u2009Trading\t\u3000LLC\uFEFFİstanbul' },
    ]);
    const span = (query: string) => spaced.search(query).map((hit) => hit.span);
    expect(span('σοφια trading llc')).toEqual([{ start: 0, end: 19 }]);
    expect(span('ΣΟΦΙΑ TRADING')).toEqual([{ start: 0, end: 14 }]);
    // İ lower-cases to two code units, so it is kept as it is, in the text and in the query.
    expect(span('llc İstanbul')).toEqual([{ start: 16, end: 28 }]);
    expect(span('llc istanbul')).toEqual([]);
  });

  it('keeps offsets past a lone surrogate, and folds ahead a page at a time', () => {
    const broken = new PageSearchIndex([
      { documentId: 'h', page: 1, text: 'bad \uD800 unit, then Quasar' },
      { documentId: 'h', page: 2, text: 'Quasar again' },
    ]);
    let steps = 0;
    expect(broken.foldSome(() => (steps += 1) <= 1)).toBe(false);
    expect(broken.foldSome(() => true)).toBe(true);
    expect(broken.search('quasar')).toEqual([
      { documentId: 'h', page: 1, span: { start: 17, end: 23 } },
      { documentId: 'h', page: 2, span: { start: 0, end: 6 } },
    ]);
  });

  it('never matches across two pages', () => {
    expect(index.search('2013. jsc')).toEqual([]);
  });
});
