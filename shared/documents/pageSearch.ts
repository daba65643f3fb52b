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

/** What `/\s/` matches, by UTF-16 code unit. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Lower-cased code units met so far, by code unit (0: not yet looked up). */
const lowered = new Uint16Array(0x10000);

/** A code unit lower-cased as `char.toLowerCase()` would, kept where that would give two units. */
function lowerUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  if (lowered[code] === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    lowered[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  return lowered[code];
}

/**
 * Code units as a string. UTF-16 decoding keeps the length (a lone surrogate, never part of real
 * text, becomes U+FFFD; a leading U+FEFF is kept, not taken for a byte-order mark), so each unit
 * keeps its offset; it is many times faster than `String.fromCharCode` over chunks.
 */
const unitsText = (units: Uint16Array): string =>
  new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units);

type FoldedArrays = {
  units: Uint16Array;
  origin: Int32Array;
  pageOf: Int32Array;
  /** Where a line-end hyphen was kept, in folded units. */
  hyphens: number[];
};

/**
 * Folds one page's text into the arrays from `start` on; returns the length after it. A plain
 * function over locals: V8 runs it about twice as fast as the same loop as a method over fields.
 */
function foldInto(
  { units, origin, pageOf, hyphens }: FoldedArrays,
  source: string,
  pageIndex: number,
  start: number,
): number {
  let length = start;
  let lastWasSpace = true;
  for (let at = 0; at < source.length; at += 1) {
    const from = at;
    const code = source.charCodeAt(at);
    let unit: number;
    // A soft hyphen is never searched for: it goes, and the line break after it joins.
    if (code === 0xad) {
      if (source.charCodeAt(at + 1) === 0x0a) at += 1;
      lastWasSpace = false;
      continue;
    }
    if (code === 0x2d && source.charCodeAt(at + 1) === 0x0a) {
      at += 1; // the line break after it joins the two halves
      lastWasSpace = false;
      hyphens.push(length);
      unit = code;
    } else if (isSpace(code)) {
      if (lastWasSpace) continue;
      unit = 0x20;
      lastWasSpace = true;
    } else {
      unit = lowerUnit(code);
      lastWasSpace = false;
    }
    units[length] = unit;
    origin[length] = from;
    pageOf[length] = pageIndex;
    length += 1;
  }
  // A separator no query can match keeps hits from running across pages.
  units[length] = 0;
  origin[length] = source.length;
  pageOf[length] = pageIndex;
  return length + 1;
}

/** The folded text with its line-end hyphens dropped: the runs between them copied whole. */
function withoutHyphens(kept: Folded, keptUnits: Uint16Array, hyphens: readonly number[]): Folded {
  const length = kept.origin.length - hyphens.length;
  const units = new Uint16Array(length);
  const origin = new Int32Array(length);
  const pageOf = new Int32Array(length);
  let to = 0;
  let from = 0;
  for (const hyphen of [...hyphens, kept.origin.length]) {
    units.set(keptUnits.subarray(from, hyphen), to);
    origin.set(kept.origin.subarray(from, hyphen), to);
    pageOf.set(kept.pageOf.subarray(from, hyphen), to);
    to += hyphen - from;
    from = hyphen + 1;
  }
  return { text: unitsText(units), origin, pageOf };
}

/**
 * The pages' text folded for search, one code unit at a time into typed arrays: spaces run together,
 * lower case, line-end hyphens joined, each unit's page and offset kept beside it; then the same
 * with those hyphens dropped. It folds a page at a time, so that the work can be spread over idle
 * moments (`foldSome`).
 */
class Folding {
  private readonly arrays: FoldedArrays;
  private length = 0;
  private nextPage = 0;
  private done: Folded[] | null = null;

  constructor(private readonly pages: readonly SearchablePage[]) {
    // Folding never lengthens a page; each page adds one separator.
    const capacity = pages.reduce((sum, page) => sum + page.text.length + 1, 0);
    this.arrays = {
      units: new Uint16Array(capacity),
      origin: new Int32Array(capacity),
      pageOf: new Int32Array(capacity),
      hyphens: [],
    };
  }

  get finished(): boolean {
    return this.nextPage === this.pages.length;
  }

  /** Folds the next page; false once there is none. */
  foldPage(): boolean {
    if (this.finished) return false;
    const page = this.nextPage;
    this.length = foldInto(this.arrays, this.pages[page].text, page, this.length);
    this.nextPage += 1;
    return true;
  }

  /** The two folds (line-end hyphens kept, then dropped), finishing what is left of them. */
  result(): Folded[] {
    while (this.foldPage());
    if (!this.done) {
      const { units, origin, pageOf, hyphens } = this.arrays;
      const kept = {
        text: unitsText(units.subarray(0, this.length)),
        origin: origin.subarray(0, this.length),
        pageOf: pageOf.subarray(0, this.length),
      };
      this.done = hyphens.length > 0 ? [kept, withoutHyphens(kept, units, hyphens)] : [kept];
    }
    return this.done;
  }
}

/**
 * Built as it is needed: the first search folds whatever is not folded yet, and a page that shows
 * the search box folds ahead in idle moments (`foldSome`), so that neither opening a document nor
 * the first keystroke waits for the whole text.
 */
export class PageSearchIndex {
  private readonly folding: Folding;

  constructor(private readonly pages: readonly SearchablePage[]) {
    this.folding = new Folding(pages);
  }

  /** Folds pages until `timeLeft` says to stop; true once everything is folded and joined. */
  foldSome(timeLeft: () => boolean): boolean {
    while (timeLeft() && this.folding.foldPage());
    if (!this.folding.finished || !timeLeft()) return false;
    this.folding.result();
    return true;
  }

  /** Hits of `query`, in page order, at most `limit`; of one document only if `documentId` is given. */
  search(query: string, limit = 200, documentId?: string): PageHit[] {
    const spaced = query.trim().replace(/\s+/g, ' ');
    let needle = '';
    for (let at = 0; at < spaced.length; at += 1)
      needle += String.fromCharCode(lowerUnit(spaced.charCodeAt(at)));
    if (needle.length === 0) return [];
    const seen = new Set<string>();
    const hits: PageHit[] = [];
    for (const variant of this.folding.result()) {
      for (
        let at = variant.text.indexOf(needle);
        at >= 0 && hits.length < limit;
        at = variant.text.indexOf(needle, at + 1)
      ) {
        const last = at + needle.length - 1;
        const page = this.pages[variant.pageOf[at]];
        if (documentId !== undefined && page.documentId !== documentId) continue;
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
