/**
 * Which text encoding a customs file is in. Decided from the bytes, never guessed silently: the
 * import shows the result and why, and lets the user override it. A file that is not Unicode is
 * told apart as Windows-1251 (Cyrillic) or GB18030 (Chinese) by the header names each decoding
 * yields and by character statistics; anything else is refused rather than read as mojibake.
 */
import { knownHeaderCount } from './columnMapping';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'gb18030';

export const textEncodings: readonly TextEncodingName[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'gb18030',
];

export type EncodingGuess = { encoding: TextEncodingName; bom: boolean; why: string };

/** What was tried on a file whose encoding could not be told (said to the user as it is). */
export const ENCODINGS_TRIED =
  'it is not UTF-8 or UTF-16, and it reads neither as Cyrillic in Windows-1251 nor as Chinese in GB18030';

const cyrillicLetter = /[\u0400-\u04ff]/u;
const chinese = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

/** The first lines' header names known in each decoding (the header may sit under a title row). */
function headerHits(text: string): number {
  let best = 0;
  for (const line of text.split(/\r?\n/, 20)) {
    best = Math.max(best, knownHeaderCount(line.split(/[,;\t|]/)));
  }
  return best;
}

/**
 * How much of the text's non-ASCII reads as Russian: Cyrillic letters that stand beside another
 * Cyrillic letter (Western European text in Windows-1252 also decodes to Cyrillic letters in
 * Windows-1251, but each stands alone inside a Latin word).
 */
function russianShare(text: string): number {
  let nonAscii = 0;
  let russian = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii += 1;
    if (
      cyrillicLetter.test(char) &&
      (cyrillicLetter.test(text[index - 1] ?? '') || cyrillicLetter.test(text[index + 1] ?? ''))
    )
      russian += 1;
  }
  return nonAscii === 0 ? 0 : russian / nonAscii;
}

/** How much of the text's non-ASCII is Chinese, and how many bytes did not decode at all. */
function chineseShare(text: string): { share: number; errors: number } {
  let nonAscii = 0;
  let han = 0;
  let errors = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii += 1;
    if (char === '\ufffd') errors += 1;
    else if (chinese.test(char)) han += 1;
  }
  return { share: nonAscii === 0 ? 0 : han / nonAscii, errors };
}

/**
 * `head` is the start of the file (a few MB is plenty; a multi-byte character cut at its end is
 * fine). Returns null when the encoding cannot be told: the caller refuses the file with
 * ENCODINGS_TRIED unless the user chose an encoding.
 */
export function sniffEncoding(head: Uint8Array): EncodingGuess | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true, why: 'UTF-8 byte-order mark' };
  }
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', bom: true, why: 'UTF-16 LE byte-order mark' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', bom: true, why: 'UTF-16 BE byte-order mark' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false, why: 'the bytes are valid UTF-8' };
  } catch {
    // Not Unicode: a legacy code page, told apart below.
  }
  const sample = head.subarray(0, 262_144);
  const cyrillic = new TextDecoder('windows-1251').decode(sample);
  const han = new TextDecoder('gb18030').decode(sample, { stream: true });
  const cyrillicHits = headerHits(cyrillic);
  const hanHits = headerHits(han);
  const hanText = chineseShare(han);
  const isChinese =
    hanHits > cyrillicHits ||
    (hanHits === cyrillicHits && hanText.errors === 0 && hanText.share >= 0.9);
  const isRussian = !isChinese && (cyrillicHits > hanHits || russianShare(cyrillic) >= 0.8);
  const named = (hits: number) => (hits > 0 ? ', with known header names' : '');
  if (isChinese)
    return {
      encoding: 'gb18030',
      bom: false,
      why: `not UTF-8; reads as Chinese in GB18030${named(hanHits)}`,
    };
  if (isRussian)
    return {
      encoding: 'windows-1251',
      bom: false,
      why: `not UTF-8; reads as Russian in Windows-1251${named(cyrillicHits)}`,
    };
  return null;
}

/**
 * Whether the bytes look like binary data rather than text in `encoding`: NUL bytes (outside
 * UTF-16) or many control characters.
 */
export function looksBinary(head: Uint8Array, encoding: TextEncodingName): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  let control = 0;
  const length = Math.min(head.length, 65_536);
  for (let index = 0; index < length; index += 1) {
    const byte = head[index];
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return length > 0 && control / length > 0.02;
}

export const isZip = (head: Uint8Array): boolean =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
