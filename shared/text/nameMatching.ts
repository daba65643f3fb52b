/**
 * Finding a name in real text, however it was typed: with a no-break space or two spaces, a line
 * break inside it, a non-breaking hyphen, decomposed accents, a zero-width space, a soft hyphen or a
 * bidi control inside it, a Cyrillic letter that looks like a Latin one (or the reverse), in
 * Cyrillic. Both the text
 * and the name are folded the same way, and a match in the folded text is mapped back to the span
 * of the original text it came from, so a replacement changes the user's own text and nothing else.
 *
 * Folding, one character at a time: compatibility forms decomposed (NFKD) and accents dropped; case
 * folded; zero-width characters, soft hyphens and bidi controls removed; every run of white space
 * or line breaks made one space; every dash and hyphen made `-`, every quote `'` or `"`; in a word
 * that mixes Latin and Cyrillic letters, the look-alikes of its other script made letters of its
 * main one; Cyrillic transliterated (shared/text/transliteration.ts).
 */
import { latinOfUpper } from './transliteration';

/** Folded text, and for each of its characters the span of the original it came from. */
export type FoldedText = { text: string; starts: number[]; ends: number[] };

/** Characters that show nothing: soft hyphens, zero-width characters, joiners, bidi controls. */
// prettier-ignore
const IGNORED_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5],
  [0x180b, 0x180f], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];
const isIgnored = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return IGNORED_RANGES.some(([from, to]) => code >= from && code <= to);
};
const SPACE = /[\s\u0085\u180E]/u;
const DASH = /[\p{Pd}\u2212\uFE63\uFF0D]/u;
const SINGLE_QUOTE = /[\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A`\u00B4]/u;
const DOUBLE_QUOTE = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/u;
const MARK = /\p{M}/u;
const LETTER = /[\p{L}\p{N}]/u;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;

/** Cyrillic letters drawn like Latin ones, as they read in a Latin word. */
// prettier-ignore
const LATIN_LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', Х: 'x', У: 'y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd',
  І: 'i', Ј: 'j', Ѕ: 's', ԛ: 'q', ԝ: 'w',
};

/** Latin letters drawn like Cyrillic ones, as they read in a Cyrillic word. */
// prettier-ignore
const CYRILLIC_LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і',
};

type Script = 'latin' | 'cyrillic';

/** Letters whose lower case is not what folding wants. */
const CASE_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', ẞ: 'ss', ı: 'i', ς: 'σ' };

/** The code points of a string with their offsets. */
function codePoints(text: string): { char: string; at: number }[] {
  const points: { char: string; at: number }[] = [];
  for (let at = 0; at < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(at)!);
    points.push({ char, at });
    at += char.length;
  }
  return points;
}

/**
 * For each code point in a word that mixes Latin and Cyrillic letters, the script most of the
 * word's letters are in (Latin when even); null elsewhere.
 */
function mixedWordScripts(points: { char: string }[]): (Script | null)[] {
  const scripts = new Array<Script | null>(points.length).fill(null);
  let start = 0;
  const close = (end: number) => {
    const word = points.slice(start, end);
    const latin = word.filter((point) => LATIN.test(point.char)).length;
    const cyrillic = word.filter((point) => CYRILLIC.test(point.char)).length;
    if (latin > 0 && cyrillic > 0)
      scripts.fill(latin >= cyrillic ? 'latin' : 'cyrillic', start, end);
  };
  points.forEach((point, index) => {
    if (LETTER.test(point.char) || MARK.test(point.char) || isIgnored(point.char)) return;
    close(index);
    start = index + 1;
  });
  close(points.length);
  return scripts;
}

/** One code point folded (see the module's comment); empty when it is dropped. */
function foldChar(char: string, mixedWord: Script | null): string {
  // ASCII, most of any text, folds by itself: white space, the backtick, case.
  if (char.charCodeAt(0) < 0x80 && mixedWord !== 'cyrillic') {
    if (char === ' ' || (char >= '\t' && char <= '\r')) return ' ';
    return char === '`' ? "'" : char.toLowerCase();
  }
  if (isIgnored(char)) return '';
  if (SPACE.test(char)) return ' ';
  if (DASH.test(char)) return '-';
  if (SINGLE_QUOTE.test(char)) return "'";
  if (DOUBLE_QUOTE.test(char)) return '"';
  if (mixedWord === 'latin' && LATIN_LOOK_ALIKES[char]) return LATIN_LOOK_ALIKES[char];
  const letter = (mixedWord === 'cyrillic' && CYRILLIC_LOOK_ALIKES[char]) || char;
  let out = '';
  for (const part of letter.normalize('NFKD')) {
    if (MARK.test(part)) continue;
    const lower = CASE_FOLDS[part] ?? part.toLowerCase();
    out += CYRILLIC.test(lower) ? latinOfUpper(lower.toUpperCase()).toLowerCase() : lower;
  }
  return out;
}

export function foldText(original: string): FoldedText {
  const points = codePoints(original);
  const mixed = mixedWordScripts(points);
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  points.forEach(({ char, at }, index) => {
    const end = at + char.length;
    const folded = foldChar(char, mixed[index]);
    if (folded === ' ' && (text === '' || text.endsWith(' '))) {
      // A run of white space is one space, spanning the whole run.
      if (text !== '') ends[ends.length - 1] = end;
      return;
    }
    for (const unit of folded) {
      text += unit;
      starts.push(at);
      ends.push(end);
    }
  });
  return { text, starts, ends };
}

/** A name folded for searching: white space at its ends does not count. */
export const foldName = (name: string): string => foldText(name).text.trim();

export type Span = { start: number; end: number };

/**
 * Where `names` (folded with foldName) occur in `original`, as whole words, longest first and never
 * overlapping, as spans of the original text, in order.
 */
export function findNames(original: string, names: readonly string[]): (Span & { name: string })[] {
  if (!mightOccur(original, names)) return [];
  const folded = foldText(original);
  const taken: (Span & { name: string })[] = [];
  const byLength = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  // A name ends where a word does; Chinese, written without spaces, has no such ends.
  const boundary = (at: number, edge: string) =>
    HAN.test(edge) || at < 0 || at >= folded.text.length || !LETTER.test(folded.text[at]);
  for (const name of byLength) {
    for (let at = folded.text.indexOf(name); at !== -1; at = folded.text.indexOf(name, at + 1)) {
      const last = at + name.length - 1;
      if (!boundary(at - 1, name[0]) || !boundary(last + 1, name.at(-1)!)) continue;
      const span = { start: folded.starts[at], end: folded.ends[last], name };
      // Invisible characters against the name (a bidi override, a zero-width joiner) go with it.
      while (span.start > 0 && isIgnored(original[span.start - 1])) span.start -= 1;
      while (span.end < original.length && isIgnored(original[span.end])) span.end += 1;
      if (taken.some((other) => span.start < other.end && other.start < span.end)) continue;
      taken.push(span);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

const PRINTABLE_ASCII = /^[\x20-\x5F\x61-\x7E]*$/;

/**
 * Whether a name can occur in a text of printable ASCII without a backtick (most strings of an
 * export), which folds to itself in lower case but for runs of spaces: only if the longest piece of
 * the name between spaces is in it. Folding is the costly part of a search; this skips it.
 */
function mightOccur(original: string, names: readonly string[]): boolean {
  if (!PRINTABLE_ASCII.test(original)) return true;
  const lower = original.toLowerCase();
  return names.some((name) => {
    const longest = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    return lower.includes(longest);
  });
}

/** `original` with every occurrence of each name replaced by what stands in its place. */
export function replaceNames(original: string, replacements: ReadonlyMap<string, string>): string {
  return replaceSpans(original, findNames(original, [...replacements.keys()]), replacements);
}

/** `original` with each span (found by findNames) replaced by what stands in for its name. */
export function replaceSpans(
  original: string,
  spans: readonly (Span & { name: string })[],
  replacements: ReadonlyMap<string, string>,
): string {
  if (spans.length === 0) return original;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += original.slice(from, span.start) + replacements.get(span.name)!;
    from = span.end;
  }
  return out + original.slice(from);
}

/**
 * The other forms of a name worth declaring: each of its parts (a surname alone is how a source is
 * most often written), and its Latin spelling when it is written in Cyrillic.
 */
export function proposedVariants(name: string): string[] {
  const trimmed = name.trim().replace(/\s+/gu, ' ');
  const parts = trimmed.split(/[\s\p{Pd}]+/u).filter((part) => [...part].length >= 3);
  const proposals = parts.length > 1 ? parts : [];
  if (CYRILLIC.test(trimmed)) {
    // `Жуков` as `Zhukov`: a capital's Latin letters are a capital and small ones.
    const latin = (char: string) => {
      const upper = latinOfUpper(char.toUpperCase());
      if (char === char.toLowerCase()) return upper.toLowerCase();
      return upper.charAt(0) + upper.slice(1).toLowerCase();
    };
    proposals.push([...trimmed].map(latin).join(''));
  }
  return [...new Set(proposals)].filter((proposal) => proposal !== trimmed);
}
