/**
 * An excerpt's quote as it reads, beside the exact text pdf.js extracted (which keeps the page's
 * line ends, and which the W3C selectors and re-anchoring need as it is).
 *
 * Line breaks and runs of spaces become single spaces, except between two Chinese or Japanese
 * characters, which are written without spaces (a line break there is no word break). A hyphen
 * that ends a line is the hard question: `state-\nowned` is the word `state-owned`,
 * `designa-\ntion` is `designation`. It is dropped only on evidence: a soft hyphen (U+00AD) there,
 * or the joined word occurring elsewhere in the same document while the hyphenated form does not.
 * When unsure, it is kept. (pdf.js drops soft hyphens from the text it extracts, as it drops every
 * invisible format character, so in PDFs the evidence is the document's other words; text from
 * elsewhere may still carry them.)
 */

import type { PageText } from './document';

/** A letter, a combining mark or a digit: what words are made of, in any script. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const HYPHENS = '[-\\u2010]';
const SOFT_HYPHEN = '\u00AD';

/** A word, a hyphen or soft hyphen, a line break, and the word that goes on after it. */
const BROKEN_WORD = new RegExp(
  `(${WORD_CHAR}+)(${HYPHENS}|${SOFT_HYPHEN})[ \\t]*\\n\\s*(${WORD_CHAR}+)`,
  'gu',
);

/** A line break between two characters of scripts written without spaces between words. */
const UNSPACED_BREAK =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF])[ \t]*\n\s*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF])/gu;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the document shows `start` + `end` as one word: it occurs joined elsewhere, and nowhere
 * with a hyphen on one line (both, or neither, leave it unsure: the hyphen is kept).
 */
function readsJoined(documentText: string, start: string, end: string): boolean {
  const word = (pattern: string) =>
    new RegExp(`(?<!${WORD_CHAR})${pattern}(?!${WORD_CHAR})`, 'iu').test(documentText);
  return word(escape(start + end)) && !word(`${escape(start)}${HYPHENS}${escape(end)}`);
}

type BrokenWord = { start: string; hyphen: string; end: string };

/**
 * `exact` cut into plain text (line breaks between Chinese or Japanese characters already closed
 * up, soft hyphens elsewhere dropped, runs of spaces as one) and the words broken at a line end.
 */
function pieces(exact: string): (string | BrokenWord)[] {
  const text = exact.replace(UNSPACED_BREAK, '');
  const plain = (from: number, to: number) =>
    text.slice(from, to).replaceAll(SOFT_HYPHEN, '').replace(/\s+/g, ' ');
  const found: (string | BrokenWord)[] = [];
  let at = 0;
  for (const match of text.matchAll(BROKEN_WORD)) {
    found.push(plain(at, match.index), { start: match[1], hyphen: match[2], end: match[3] });
    at = match.index + match[0].length;
  }
  found.push(plain(at, text.length));
  if (typeof found[0] === 'string') found[0] = found[0].trimStart();
  const last = found.length - 1;
  if (typeof found[last] === 'string') found[last] = found[last].trimEnd();
  return found;
}

/**
 * The quote as it reads: `exact` (the extracted text, line ends as `\n`) with line breaks as spaces
 * and each hyphen at a line break joined or kept as the document gives evidence for (`documentText`:
 * the text of all its pages, where the joined or hyphenated word may occur elsewhere).
 */
export function readingQuote(exact: string, documentText: string): string {
  return pieces(exact)
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      const { start, hyphen, end } = piece;
      const joined = hyphen === SOFT_HYPHEN || readsJoined(documentText, start, end);
      return joined ? start + end : `${start}${hyphen}${end}`;
    })
    .join('');
}

/**
 * Whether `reading` is a reading of `exact` that `readingQuote` could give, whatever the document's
 * evidence: the same text but for spacing and for hyphens at line ends, each joined or kept. For a
 * dossier's verifier, which has the quote but not the document's other pages.
 */
export function readsAs(exact: string, reading: string): boolean {
  const pattern = pieces(exact)
    .map((piece) => {
      if (typeof piece === 'string') return escape(piece);
      const { start, hyphen, end } = piece;
      const optional = hyphen === SOFT_HYPHEN ? '' : `(?:${escape(hyphen)})?`;
      return `${escape(start)}${optional}${escape(end)}`;
    })
    .join('');
  return new RegExp(`^${pattern}$`, 'u').test(reading);
}

/** A document's text for `readingQuote`: its pages in order, a blank line between two. */
export function documentText(pages: readonly PageText[]): string {
  return [...pages]
    .sort((a, b) => a.page - b.page)
    .map((page) => page.text)
    .join('\n\n');
}
