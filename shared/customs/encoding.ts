/**
 * Which text encoding a customs file is in. Decided from the bytes, never guessed silently: the
 * import shows the result and lets the user override it.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export const textEncodings: readonly TextEncodingName[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
];

export type EncodingGuess = { encoding: TextEncodingName; bom: boolean; why: string };

/** `head` is the start of the file (a few MB is plenty); a multi-byte character cut at its end is fine. */
export function sniffEncoding(head: Uint8Array): EncodingGuess {
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
    return { encoding: 'windows-1251', bom: false, why: 'the bytes are not valid UTF-8' };
  }
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
