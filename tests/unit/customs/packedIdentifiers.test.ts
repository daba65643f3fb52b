import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/seededRandom';
import {
  anyText,
  PackedIdentifiers,
  packTexts,
  textsOf,
} from '../../../shared/customs/packedIdentifiers';

/** Identifiers as files give them: shared prefixes, ties, blanks, other scripts, long ones. */
function identifiers(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const digits = (length: number) => Array.from({ length }, () => Math.floor(next() * 10)).join('');
  return Array.from({ length: count }, () => {
    const kind = next();
    if (kind < 0.08) return pick(['', ' ', '\t', '\u00a0', '  \u3000 ']);
    if (kind < 0.2) return `DEC-2024-${digits(2)}`; // many ties
    if (kind < 0.3) return pick(['10702010/', 'ДТ-', 'Ü', '报关', '😀', 'z']) + digits(3);
    if (kind < 0.4) return `SAME-PREFIX-RUNS-LONG-${digits(1)}${pick(['', 'a', 'ab', '\u0000'])}`;
    return `${pick(['DEC', 'DEC-', 'BL', 'COSU', 'dec'])}${digits(Math.floor(next() * 14))}`;
  });
}

const utf8 = new TextEncoder();
/** The order by UTF-8 bytes (code points), ties in row order, blank last: written plainly. */
function referenceOrder(texts: readonly string[]): number[] {
  const bytes = texts.map((text) => utf8.encode(text));
  const blank = texts.map((text) => text.trim() === '');
  return texts
    .map((_, row) => row)
    .sort((a, b) => {
      if (blank[a] !== blank[b]) return blank[a] ? 1 : -1;
      if (blank[a]) return a - b;
      return Buffer.compare(bytes[a], bytes[b]) || a - b;
    });
}

function packed(texts: readonly string[]): PackedIdentifiers {
  const column = new PackedIdentifiers(texts.length);
  // Appended in pieces, as blocks are, growing its text where the guess was short.
  for (let from = 0; from < texts.length; from += 997) column.append(texts.slice(from, from + 997));
  return column;
}

describe('packed identifiers', () => {
  it('gives back every row’s text as appended, empty rows and other scripts too', () => {
    // Many more bytes than the column makes room for at first: it grows as they come.
    const texts = identifiers(20_000, 3);
    const column = packed(texts);
    expect(column.count).toBe(texts.length);
    expect(texts.map((_, row) => column.text(row))).toEqual(texts);
    expect(column.text(-1)).toBe('');
    expect(column.text(texts.length)).toBe('');
    const padded = new PackedIdentifiers(5);
    padded.appendEmpty(2);
    padded.append(['A1', undefined]);
    padded.appendEmpty(1);
    expect([0, 1, 2, 3, 4].map((row) => padded.text(row))).toEqual(['', '', 'A1', '', '']);
  });

  it('makes room as rows come, whatever the first ones are like', () => {
    // Room for ten million rows, the first hundred with numbers of 2,000 characters, three bytes
    // each: judged by those alone, the column would ask for 63 GB and fail.
    const column = new PackedIdentifiers(10_000_000);
    const long = Array.from({ length: 100 }, (_, row) => `${'Ж'.repeat(1_999)}${row % 10}`);
    column.append(long);
    const short = Array.from({ length: 50_000 }, (_, row) => `DEC-${row}`);
    column.append(short);
    expect(column.count).toBe(50_100);
    expect([column.text(0), column.text(99), column.text(100), column.text(50_099)]).toEqual([
      long[0],
      long[99],
      'DEC-0',
      'DEC-49999',
    ]);
  });

  it('orders rows by their bytes, ties in row order and blank ones last, as a plain sort does', () => {
    // Large enough that ties are split by further passes of the radix sort, not only by comparing.
    const texts = identifiers(30_000, 5);
    expect(Array.from(packed(texts).order())).toEqual(referenceOrder(texts));
    const few = identifiers(40, 9);
    expect(Array.from(packed(few).order())).toEqual(referenceOrder(few));
    expect(Array.from(packed([]).order())).toEqual([]);
  });

  it('finds the rows that contain a number, never across two rows', () => {
    const texts = identifiers(20_000, 7);
    const column = packed(texts);
    for (const needle of [
      'DEC-2024-1',
      '0',
      '99',
      'ДТ-1',
      '报',
      '😀',
      'dec0',
      '-PREFIX-RUNS-LONG-3a',
      '24-0',
    ]) {
      const found = new Uint8Array(texts.length);
      column.markContaining(needle, found);
      const expected = texts.map((text) => (text.includes(needle) ? 1 : 0));
      expect([needle, Array.from(found)]).toEqual([needle, expected]);
    }
    // "A" ends one row and "B" starts the next: "AB" is in neither.
    const across = packed(['xA', 'By', 'AB']);
    const found = new Uint8Array(3);
    across.markContaining('AB', found);
    expect(Array.from(found)).toEqual([0, 0, 1]);
  });

  it('are stored packed in a block, and come back and load as they were', () => {
    const texts = identifiers(10_000, 5);
    const stored = packTexts(texts);
    expect(textsOf(stored)).toEqual(texts);
    // A row's length in one byte while none is longer than 255; two beyond.
    expect(stored.lengths).toBeInstanceOf(Uint8Array);
    const long = packTexts(['', `${'Ж'.repeat(200)}`, 'A']);
    expect(long.lengths).toEqual(Uint16Array.of(0, 400, 1));
    expect(textsOf(long)).toEqual(['', 'Ж'.repeat(200), 'A']);
    expect(textsOf(packTexts(['DEC-1', '', 'BL 2']))).toEqual(['DEC-1', '', 'BL 2']);
    // Appended packed, a column holds what appending the strings gives.
    const fromPacked = new PackedIdentifiers(texts.length + 2);
    fromPacked.append(['first']);
    fromPacked.append(stored);
    fromPacked.append(packTexts(['last']));
    expect(Array.from({ length: texts.length + 2 }, (_, row) => fromPacked.text(row))).toEqual([
      'first',
      ...texts,
      'last',
    ]);
    expect([
      anyText(packTexts(['', ''])),
      anyText(packTexts(['', 'B'])),
      anyText(['', '']),
    ]).toEqual([false, true, false]);
    // Lengths that do not add up to the bytes are refused, not read across rows.
    const cut = { bytes: stored.bytes.subarray(1), lengths: stored.lengths };
    expect(() => new PackedIdentifiers(texts.length).append(cut)).toThrow(/do not add up/);
  });
});
