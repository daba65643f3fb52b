/**
 * UTF-8 encoding for the hot paths that turn many strings into stored bytes: packed cells, sealed
 * records and archive entries. Written by hand because Chromium's encoder is slow there: in the
 * Chromium the app is tested in, `TextEncoder.encode` runs at about 57 MB/s on ASCII text (Node's at
 * over 2 GB/s) and each `encodeInto` call costs about 1.3 µs, while this loop does 200–250 MB/s
 * (a block's 2.8 MB of cells: 11–16 ms against 50 ms; tests/unit/utf8.test.ts checks it against
 * TextEncoder). Elsewhere, for a few strings, TextEncoder is the one to use. Stored JSON that is read
 * often is written in ASCII (asciiJson), for the decoder's sake.
 *
 * As TextEncoder does, a lone surrogate becomes U+FFFD.
 */

/** Bytes `text` takes as UTF-8, at most: three per UTF-16 code unit. */
export const maxUtf8Length = (text: string): number => text.length * 3;

/**
 * Writes `text` as UTF-8 into `out` from `at`, and returns where it ended; `out` must have room
 * for `maxUtf8Length(text)` bytes.
 */
export function encodeUtf8Into(text: string, out: Uint8Array, at: number): number {
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = index + 1 < length ? text.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        index += 1;
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        out[at++] = 0xf0 | (code >> 18);
        out[at++] = 0x80 | ((code >> 12) & 0x3f);
        out[at++] = 0x80 | ((code >> 6) & 0x3f);
        out[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/** `text` as UTF-8, in an array of its own. */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(maxUtf8Length(text));
  return out.slice(0, encodeUtf8Into(text, out, 0));
}

/** Any character beyond ASCII, one UTF-16 code unit at a time (a pair becomes two escapes). */
const beyondAscii = /[\u0080-\uffff]/g;
const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON.stringify's JSON with every character beyond ASCII written as a \u escape: the same JSON to
 * any parser, and read back several times faster. Chromium's TextDecoder reads text with a single
 * character beyond ASCII at 60-90 MB/s and pure ASCII at over 300 (a shipment block's 1.1 MB of
 * JSON: 14-25 ms against 3.5). JSON.stringify already escapes lone surrogates.
 */
export const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(beyondAscii, escaped);
