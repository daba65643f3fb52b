/**
 * Soft hyphens at line ends. pdf.js leaves every invisible format character out of the text it
 * extracts, U+00AD among them, so a word a PDF breaks with a soft hyphen (`designa­` / `tion`)
 * comes out as two; the glyphs the page draws still carry it. Putting it back lets the quote read
 * as one word (readingQuote.ts) and search find it (pageSearch.ts).
 */
import type { PageTextItem } from './ocr';

export const SOFT_HYPHEN = '\u00AD';

/**
 * The items that end a line in a letter where the next line begins with a small one: where a word
 * may be broken. (pdf.js may end a line with an empty item after its last word.)
 */
export function wordBreaks(items: readonly PageTextItem[]): Set<number> {
  const breaks = new Set<number>();
  let last = -1;
  let lineEnded = false;
  items.forEach((item, at) => {
    if (item.str !== '') {
      if (
        lineEnded &&
        last >= 0 &&
        /\p{L}$/u.test(items[last]?.str ?? '') &&
        /^\p{Ll}/u.test(item.str)
      )
        breaks.add(last);
      last = at;
      lineEnded = false;
    }
    if (item.hasEOL) lineEnded = true;
  });
  return breaks;
}

/**
 * Puts back the soft hyphen a line's last word is drawn with (`designa­` / `tion`), so that its
 * quote can read as one word: the items' characters are found in order in the drawn text, which
 * may hold only spaces and soft hyphens besides. Where the two disagree (ligatures, reordered
 * text), the items are left as pdf.js gives them.
 */
export function restoreSoftHyphens(items: PageTextItem[], drawn: string): PageTextItem[] {
  const breaks = wordBreaks(items);
  if (breaks.size === 0 || !drawn.includes(SOFT_HYPHEN)) return items;
  const skippable = (char: string | undefined) =>
    char !== undefined && (char === SOFT_HYPHEN || /\s/u.test(char));
  let cursor = 0;
  const restored: PageTextItem[] = [];
  for (const [at, item] of items.entries()) {
    for (const char of item.str) {
      if (/\s/u.test(char)) continue;
      while (drawn[cursor] !== char && skippable(drawn[cursor])) cursor += 1;
      if (drawn[cursor] !== char) return items;
      cursor += 1;
    }
    let next = cursor;
    while (/\s/u.test(drawn[next] ?? '')) next += 1;
    if (breaks.has(at) && drawn[next] === SOFT_HYPHEN) {
      restored.push({ ...item, str: item.str + SOFT_HYPHEN });
      cursor = next + 1;
    } else restored.push(item);
  }
  return restored;
}
