/**
 * The text a reader of an exported file gets out of it, per format, for the confidential-name
 * check: HTML without its tags and with its character references decoded, Markdown with its
 * escapes and references undone, every string of JSON, CSV without its quoting, a zip's files
 * each read as what it is. Each is read twice: as written, and with words split at a line break by
 * a hyphen joined again (`Zaslo-⏎nova`), as a reader's eye joins them.
 */
import { characterEntities } from 'character-entities';
import { strFromU8, unzipSync } from 'fflate';

export type ExportText = { file: string; text: string };

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z][a-zA-Z\d]{0,31}));?/g;

const fromCodePoint = (code: number): string =>
  code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';

/** `&amp;`, `&#x41;`, `&nbsp;`… as the characters they stand for; anything else as it is. */
export function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal) return fromCodePoint(Number(decimal));
    if (hex) return fromCodePoint(parseInt(hex, 16));
    return (name && Object.hasOwn(characterEntities, name) && characterEntities[name]) || whole;
  });
}

/** Elements that sit inside a line of text: a word can run on across them (`Zaslo<em>nova</em>`). */
const INLINE =
  /^<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b/i;

/**
 * The text of HTML: an inline element's tags nothing, as a reader's eye runs over them; any other
 * tag a space, so words on either side stay apart; references decoded.
 */
function htmlText(html: string): string {
  return decodeReferences(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) => (INLINE.test(tag) ? '' : ' ')),
  );
}

/**
 * The text of Markdown as it reads once rendered: backslash escapes and character references
 * undone, emphasis and code marks dropped (`Zaslo*nova*` reads as one word). (Parsing it whole took 4.8 s for the benchmark's 1.9 MB dossier; the exports' Markdown
 * is written by mdast-util-to-markdown, whose only ways of hiding a character are these two.)
 */
const markdownText = (markdown: string): string =>
  decodeReferences(
    markdown.replace(/\\([!-/:-@[-`{-~])|[*_`]/g, (_found, escaped?: string) => escaped ?? ''),
  );

/** Every string of a JSON document (keys too), escapes undone; the raw text if it is not JSON. */
function jsonText(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  const parts: string[] = [];
  const walk = (item: unknown) => {
    if (typeof item === 'string') parts.push(item);
    else if (Array.isArray(item)) item.forEach(walk);
    else if (item && typeof item === 'object')
      for (const [key, inner] of Object.entries(item)) {
        parts.push(key);
        walk(inner);
      }
  };
  walk(value);
  return parts.join('\n');
}

/** CSV as its cells read: a doubled quote is one, and the quotes around a cell go. */
const csvText = (csv: string): string =>
  csv.replace(/""|"/g, (quote) => (quote === '""' ? '"' : ' '));

const joinHyphenated = (text: string): string =>
  text.replace(/(\p{L})[-\u00AD\u2010\u2011](?:[ \t]*\r?\n)+[ \t]*(\p{L})/gu, '$1$2');

const extension = (name: string) => /\.([a-z\d]+)$/i.exec(name)?.[1].toLowerCase() ?? '';

/** The readable text of one exported file, by its name's extension; a zip's files each on its own. */
export function exportTexts(file: string, bytes: Uint8Array | string): ExportText[] {
  const kind = extension(file);
  if (kind === 'zip' && typeof bytes !== 'string') {
    const entries = unzipSync(bytes);
    return Object.entries(entries).flatMap(([name, inner]) =>
      exportTexts(`${file} › ${name}`, inner),
    );
  }
  // The printed PDF is the HTML checked beside it; its own bytes hold no text to read as such.
  if (kind === 'pdf') return [];
  const raw = typeof bytes === 'string' ? bytes : strFromU8(bytes);
  const decoded =
    kind === 'html' || kind === 'htm'
      ? htmlText(raw)
      : kind === 'md'
        ? markdownText(raw)
        : kind === 'json' || kind === 'jsonld'
          ? jsonText(raw)
          : kind === 'csv' || kind === 'tsv'
            ? csvText(raw)
            : raw;
  const joined = joinHyphenated(decoded);
  return [{ file, text: joined === decoded ? decoded : `${decoded}\n${joined}` }];
}
