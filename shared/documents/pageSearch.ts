/**
 * Search over many pages at once, fast enough for a 300-page report as the user types: every page's
 * text is folded once into two flat strings (line breaks joined as they may have been meant: a hyphen
 * at a line end kept in one, dropped in the other), searched with indexOf, and every hit mapped back
 * to its page and its offsets in that page's original text.
 */
import type { TextSpan } from './textAnchoring';

export type SearchablePage = { documentId: string; page: number; text: string };
export type PageHit = { documentId: string; page: number; span: TextSpan };

type Folded = { text: string; origin: Int32Array; pageOf: Int32Array };

function fold(pages: readonly SearchablePage[], keepLineEndHyphen: boolean): Folded {
  let text = '';
  const origin: number[] = [];
  const pageOf: number[] = [];
  pages.forEach((page, pageIndex) => {
    const source = page.text;
    let lastWasSpace = true;
    for (let at = 0; at < source.length; at += 1) {
      const char = source[at];
      // A soft hyphen is never searched for: it goes, and the line break after it joins.
      if (char === '\u00AD') {
        if (source[at + 1] === '\n') at += 1;
        lastWasSpace = false;
        continue;
      }
      if (char === '-' && source[at + 1] === '\n') {
        if (keepLineEndHyphen) {
          text += '-';
          origin.push(at);
          pageOf.push(pageIndex);
        }
        at += 1; // the line break after it joins the two halves
        lastWasSpace = false;
        continue;
      }
      if (/\s/.test(char)) {
        if (!lastWasSpace) {
          text += ' ';
          origin.push(at);
          pageOf.push(pageIndex);
        }
        lastWasSpace = true;
        continue;
      }
      const lower = char.toLowerCase();
      text += lower.length === 1 ? lower : char;
      origin.push(at);
      pageOf.push(pageIndex);
      lastWasSpace = false;
    }
    // A separator no query can match keeps hits from running across pages.
    text += '\u0000';
    origin.push(source.length);
    pageOf.push(pageIndex);
  });
  return { text, origin: Int32Array.from(origin), pageOf: Int32Array.from(pageOf) };
}

export class PageSearchIndex {
  private readonly variants: Folded[];

  constructor(private readonly pages: readonly SearchablePage[]) {
    this.variants = [fold(pages, true), fold(pages, false)];
  }

  search(query: string, limit = 200): PageHit[] {
    const needle = [...query.trim().replace(/\s+/g, ' ')]
      .map((char) => (char.toLowerCase().length === 1 ? char.toLowerCase() : char))
      .join('');
    if (needle.length === 0) return [];
    const seen = new Set<string>();
    const hits: PageHit[] = [];
    for (const variant of this.variants) {
      for (
        let at = variant.text.indexOf(needle);
        at >= 0 && hits.length < limit;
        at = variant.text.indexOf(needle, at + 1)
      ) {
        const last = at + needle.length - 1;
        const page = this.pages[variant.pageOf[at]];
        const span = { start: variant.origin[at], end: variant.origin[last] + 1 };
        const key = `${variant.pageOf[at]}:${span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ documentId: page.documentId, page: page.page, span });
      }
    }
    return hits.sort((a, b) =>
      a.documentId === b.documentId ? a.page - b.page || a.span.start - b.span.start : 0,
    );
  }
}
