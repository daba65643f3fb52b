/**
 * A per-row identifier column of the shipment engine (declaration or bill-of-lading numbers), held
 * as the packed cells are: every row's text as UTF-8, one after another, with where each row's
 * ends. At 10,000,000 rows the numbers as JS strings took some 40 bytes a row (400 MB) and ten
 * million objects for the collector to trace; packed they take their bytes and four more. A row's
 * text is made only when the row is shown; search and sort work on the bytes.
 */
import { narrowIds, type IdColumn } from './narrowColumns';
import { sortOrder } from './sortOrder';
import { encodeUtf8Into, maxUtf8Length, utf8Bytes } from '../text/utf8';

const decoder = new TextDecoder();

/** Bytes of an identifier one sort key holds: six, each as 1–256 (0 past its end), base 257. */
const KEY_BYTES = 6;
/** Tie ranges shorter than this are finished by comparing bytes rather than by another pass. */
const SMALL_RANGE = 48;

/**
 * A block's identifiers as stored (since schema version 21): every row's text as UTF-8, one after
 * another, with each row's length in bytes (one byte a row while none is longer than 255). The
 * engine's load copies them as they are, where ten thousand strings a block were written as JSON,
 * parsed and encoded again at every load.
 */
export type PackedTexts = { bytes: Uint8Array; lengths: IdColumn };

export function packTexts(texts: readonly string[]): PackedTexts {
  let room = 0;
  for (const text of texts) room += maxUtf8Length(text);
  const bytes = new Uint8Array(room);
  const lengths = new Uint32Array(texts.length);
  let at = 0;
  let longest = 0;
  texts.forEach((text, row) => {
    const end = encodeUtf8Into(text, bytes, at);
    lengths[row] = end - at;
    longest = Math.max(longest, end - at);
    at = end;
  });
  return { bytes: bytes.slice(0, at), lengths: narrowIds(lengths, longest + 1) };
}

/** Whether packed texts are whole: their lengths add up to their bytes. */
function wholeTexts(packed: PackedTexts): boolean {
  let total = 0;
  for (const length of packed.lengths) total += length;
  return total === packed.bytes.length;
}

/** Whether any row has text (an empty string is none). */
export const anyText = (texts: readonly string[] | PackedTexts): boolean =>
  'bytes' in texts ? texts.bytes.length > 0 : texts.some(Boolean);

/** Every row's text, from strings (as given) or packed. */
export const textsOf = (texts: string[] | PackedTexts): string[] =>
  'bytes' in texts ? unpackTexts(texts) : texts;

function unpackTexts({ bytes, lengths }: PackedTexts): string[] {
  const texts = new Array<string>(lengths.length);
  const all = decoder.decode(bytes);
  // All ASCII (the usual case), a character a byte: cut the text once decoded, not row by row.
  const ascii = all.length === bytes.length;
  let at = 0;
  for (let row = 0; row < lengths.length; row += 1) {
    const end = at + lengths[row];
    texts[row] = ascii ? all.slice(at, end) : decoder.decode(bytes.subarray(at, end));
    at = end;
  }
  return texts;
}

export class PackedIdentifiers {
  private bytes: Uint8Array;
  private readonly ends: Uint32Array;
  private length = 0;

  /** Room for `rows` rows; their text gets room as it comes. */
  constructor(rows: number) {
    this.ends = new Uint32Array(rows);
    this.bytes = new Uint8Array(Math.min(64 * 1024, Math.max(64, rows * 16)));
  }

  /** Rows set so far. */
  get count(): number {
    return this.length;
  }

  /** Sets the next rows' texts (rows before them are set, in order), from strings or packed. */
  append(texts: readonly (string | undefined)[] | PackedTexts, count?: number): void {
    if ('bytes' in texts) this.appendPacked(texts, count ?? texts.lengths.length);
    else this.appendStrings(texts, count ?? texts.length);
  }

  private appendStrings(texts: readonly (string | undefined)[], count: number): void {
    let at = this.start(this.length);
    for (let row = 0; row < count; row += 1) {
      const text = texts[row] ?? '';
      if (this.bytes.length - at < maxUtf8Length(text)) this.grow(at + maxUtf8Length(text));
      at = encodeUtf8Into(text, this.bytes, at);
      this.ends[this.length] = at;
      this.length += 1;
    }
  }

  private appendPacked({ bytes, lengths }: PackedTexts, count: number): void {
    if (!wholeTexts({ bytes, lengths }) || count > lengths.length)
      throw new RangeError('The packed identifiers do not add up.');
    let at = this.start(this.length);
    let size = 0;
    for (let row = 0; row < count; row += 1) size += lengths[row];
    if (this.bytes.length - at < size) this.grow(at + size);
    this.bytes.set(bytes.subarray(0, size), at);
    for (let row = 0; row < count; row += 1) {
      at += lengths[row];
      this.ends[this.length] = at;
      this.length += 1;
    }
  }

  /** Sets the next rows to empty ones. */
  appendEmpty(count: number): void {
    const at = this.start(this.length);
    this.ends.fill(at, this.length, this.length + count);
    this.length += count;
  }

  /**
   * Makes room for `needed` bytes and, judging by the rows so far, for every row to come: the text
   * is copied a few times as the column fills, not at every doubling (at 10,000,000 rows a copy
   * holds some 200 MB twice for a moment). It grows at most eightfold at a time, so that a few
   * long numbers first (a crafted file's) cannot make it ask for what the rows will never need.
   */
  private grow(needed: number): void {
    // The rows' ends are 32-bit: beyond that, the numbers could not be told apart again.
    if (needed > 0xffffffff) throw new RangeError('The identifiers are too long to hold.');
    const rows = Math.max(1, this.length);
    const expected = Math.min(
      Math.ceil((needed / rows) * this.ends.length * 1.05),
      this.bytes.length * 8,
      0xffffffff,
    );
    const grown = new Uint8Array(Math.max(needed, expected, Math.ceil(this.bytes.length * 1.25)));
    grown.set(this.bytes.subarray(0, this.start(this.length)));
    this.bytes = grown;
  }

  /** Where a row's text starts (and the row before it ends); of `length`, where the text ends. */
  private start(row: number): number {
    return row === 0 ? 0 : this.ends[row - 1];
  }

  /** A row's text ('' for a row not set). */
  text(row: number): string {
    if (!(row >= 0 && row < this.length)) return '';
    return decoder.decode(this.bytes.subarray(this.start(row), this.ends[row]));
  }

  /**
   * Marks (1) in `into` the rows whose text contains `needle`, case as written: each place the
   * needle's first byte occurs is tried, and a match must lie within one row. UTF-8 keeps a
   * character's bytes apart from every other's, so a byte match is a character match.
   */
  markContaining(needle: string, into: Uint8Array): void {
    const wanted = utf8Bytes(needle);
    const size = wanted.length;
    const total = this.start(this.length);
    if (size === 0) {
      into.fill(1, 0, this.length);
      return;
    }
    const { bytes, ends } = this;
    const text = bytes.subarray(0, total);
    let row = 0;
    for (let at = text.indexOf(wanted[0]); at >= 0 && at + size <= total;) {
      let same = true;
      for (let next = 1; next < size && same; next += 1) same = bytes[at + next] === wanted[next];
      while (ends[row] <= at) row += 1;
      if (same && at + size <= ends[row]) {
        into[row] = 1;
        // The rest of this row need not be searched.
        at = text.indexOf(wanted[0], ends[row]);
      } else at = text.indexOf(wanted[0], at + 1);
    }
  }

  /** Whether a row's text is empty or only spaces (it sorts last, as an empty value does). */
  private blank(row: number): boolean {
    const { bytes } = this;
    for (let at = this.start(row); at < this.ends[row]; at += 1) {
      const byte = bytes[at];
      if (byte >= 0x80) return this.text(row).trim() === '';
      if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return false;
    }
    return true;
  }

  /** Six bytes of a row's text from `offset` as one number, ordered as the bytes are. */
  private key(row: number, offset: number): number {
    const from = this.start(row) + offset;
    const end = this.ends[row];
    let key = 0;
    for (let at = from; at < from + KEY_BYTES; at += 1)
      key = key * 257 + (at < end ? this.bytes[at] + 1 : 0);
    return key;
  }

  /** Byte order of two rows' texts from `offset` (negative, zero or positive). */
  private compare(a: number, b: number, offset: number): number {
    const { bytes } = this;
    const [fromA, endA] = [this.start(a) + offset, this.ends[a]];
    const [fromB, endB] = [this.start(b) + offset, this.ends[b]];
    for (let step = 0; fromA + step < endA && fromB + step < endB; step += 1) {
      const difference = bytes[fromA + step] - bytes[fromB + step];
      if (difference !== 0) return difference;
    }
    return endA - fromA - (endB - fromB);
  }

  /**
   * Rows in the order of their texts: by UTF-8 byte, which is by code point (identifiers are codes,
   * not words: a collator took 3.6 s over a million distinct ones), ties in row order, blank ones
   * last. Sorted six bytes at a time, most significant first: the whole column by its first six,
   * then each run of rows that tie there by the next six, small runs by comparing their bytes.
   */
  order(): Int32Array {
    const count = this.length;
    const blank = new Uint8Array(count);
    let filled = 0;
    for (let row = 0; row < count; row += 1) {
      blank[row] = this.blank(row) ? 1 : 0;
      filled += 1 - blank[row];
    }
    const order = new Int32Array(count);
    for (let row = 0, text = 0, empty = filled; row < count; row += 1)
      order[blank[row] === 1 ? empty++ : text++] = row;
    const pending: [from: number, to: number, offset: number][] = [[0, filled, 0]];
    for (let range = pending.pop(); range; range = pending.pop()) {
      const [from, to, offset] = range;
      const rows = order.subarray(from, to);
      if (rows.length < SMALL_RANGE) {
        // Array.prototype.sort is stable, and the rows are in row order within a tie.
        const sorted = Array.from(rows).sort((a, b) => this.compare(a, b, offset) || a - b);
        rows.set(sorted);
        continue;
      }
      const keys = new Float64Array(rows.length);
      for (let at = 0; at < rows.length; at += 1) keys[at] = this.key(rows[at], offset);
      const byKey = sortOrder(keys);
      const moved = new Int32Array(rows.length);
      for (let at = 0; at < rows.length; at += 1) moved[at] = rows[byKey[at]];
      rows.set(moved);
      // Rows whose six bytes tie, all of them there (the last is not past the end), may differ
      // after them: they are ordered by what follows.
      for (let at = 0; at < rows.length;) {
        const key = keys[byKey[at]];
        let tie = at + 1;
        while (tie < rows.length && keys[byKey[tie]] === key) tie += 1;
        if (tie - at > 1 && key % 257 !== 0)
          pending.push([from + at, from + tie, offset + KEY_BYTES]);
        at = tie;
      }
    }
    return order;
  }
}
