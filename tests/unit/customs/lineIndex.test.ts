import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DelimitedReader, type RawRecord } from '../../../shared/customs/delimitedReader';
import type { TextEncodingName } from '../../../shared/customs/encoding';
import {
  LineIndexBuilder,
  recordsOnLines,
  type LineIndex,
} from '../../../shared/customs/lineIndex';
import { seededRandom } from '../../../scripts/seededRandom';

const words: Record<TextEncodingName, string[]> = {
  'utf-8': ['Poly Tech', 'Ростех', '直升机', 'rotor ✈', 'a"b', '𝔘'],
  'utf-16le': ['Poly Tech', 'Ростех', '直升机', 'rotor', '𝔘'],
  'utf-16be': ['Poly Tech', 'Ростех', '直升机', 'rotor', '𝔘'],
  'windows-1251': ['Poly Tech', 'Ростех', 'Ёлка', 'rotor'],
  gb18030: ['Poly Tech', '直升机', '中文', 'rotor'],
};
const breaks = ['\n', '\r\n', '\r'];

/** A delimited file of `rows` records: quoted cells across lines, blank lines, mixed line ends. */
function randomText(encoding: TextEncodingName, rows: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const lineEnd = () => (random() < 0.8 ? pick(breaks.slice(0, 2)) : pick(breaks));
  let text = '';
  for (let row = 0; row < rows; row += 1) {
    const cells = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const word = pick(words[encoding]);
      const quoted = word.replaceAll('"', '""');
      if (random() < 0.2) return `"${quoted}${lineEnd()}${quoted}"`;
      if (word.includes('"')) return `"${quoted}"`;
      return word;
    });
    text += cells.join(';') + lineEnd();
    if (random() < 0.05) text += lineEnd();
  }
  return text;
}

const encode = (text: string, encoding: TextEncodingName, bom: boolean): Uint8Array => {
  if (encoding === 'utf-8') return new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
};

/** Every record with the line it starts on, as the import reads them. */
function allRecords(bytes: Uint8Array, encoding: TextEncodingName): RawRecord[] {
  const reader = new DelimitedReader(';');
  const text = new TextDecoder(encoding).decode(bytes);
  return [...reader.push(text), ...reader.finish()];
}

function indexOf(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  chunk: number,
  step: number,
): LineIndex {
  const builder = new LineIndexBuilder(encoding, step);
  for (let at = 0; at < bytes.length; at += chunk) builder.push(bytes.subarray(at, at + chunk));
  return builder.finish();
}

const sourceOf = (bytes: Uint8Array, encoding: TextEncodingName, index: LineIndex) => ({
  read: (start: number, end: number) => Promise.resolve(bytes.slice(start, end)),
  size: bytes.length,
  encoding,
  delimiter: ';',
  index,
});

describe('a delimited file’s line index', () => {
  for (const encoding of Object.keys(words) as TextEncodingName[]) {
    it(`finds every record again by its line, in ${encoding}, whatever the chunks`, async () => {
      const bom = encoding.startsWith('utf');
      const bytes = encode(randomText(encoding, 400, encoding.length), encoding, bom);
      const records = allRecords(bytes, encoding);
      expect(records.length).toBeGreaterThan(400);
      for (const chunk of [1, 7, 64, 4096, bytes.length]) {
        const index = indexOf(bytes, encoding, chunk, 97);
        expect(index.at.length).toBeGreaterThan(20);
        // Each indexed line starts right after a line break, and the index's lines increase.
        index.at.forEach((at, place) => {
          expect(index.line[place]).toBeGreaterThan(place === 0 ? 1 : index.line[place - 1]);
          expect([10, 13]).toContain(bytes[encoding === 'utf-16le' ? at - 2 : at - 1]);
        });
        const found = await recordsOnLines(
          sourceOf(bytes, encoding, index),
          records.map((record) => record.line),
        );
        for (const record of records) expect(found.get(record.line)).toEqual(record.cells);
      }
    });
  }

  it('indexes lines as the reader counts them, a lone CR and a CR LF across chunks included', () => {
    const bytes = new TextEncoder().encode('a\r\nb\rc\nd\r\r\ne');
    for (let split = 1; split < bytes.length; split += 1) {
      const builder = new LineIndexBuilder('utf-8', 1);
      builder.push(bytes.subarray(0, split));
      builder.push(bytes.subarray(split));
      expect(builder.finish()).toEqual({ at: [3, 5, 7, 9, 11], line: [2, 3, 4, 5, 6] });
    }
  });

  it('reads a record from the indexed line before it, and records close together at once', async () => {
    const bytes = encode(randomText('utf-8', 3000, 7), 'utf-8', false);
    const records = allRecords(bytes, 'utf-8');
    const source = sourceOf(bytes, 'utf-8', indexOf(bytes, 'utf-8', 65_536, 1024));
    const reads: number[][] = [];
    const counted = {
      ...source,
      read: (start: number, end: number) => {
        reads.push([start, end]);
        return source.read(start, end);
      },
    };
    const last = records.at(-1)!;
    expect((await recordsOnLines(counted, [last.line])).get(last.line)).toEqual(last.cells);
    expect(reads).toHaveLength(1);
    expect(reads[0][0]).toBeGreaterThan(bytes.length - 2048);

    const chosen = [records[5], records[1500], records[2900]];
    const found = await recordsOnLines(
      counted,
      chosen.map((record) => record.line),
    );
    expect(chosen.map((record) => found.get(record.line))).toEqual(
      chosen.map((record) => record.cells),
    );
    expect(reads).toHaveLength(2);
  });

  it('gives nothing for a line past the end, and stops at a line inside a broken quote', async () => {
    const bytes = new TextEncoder().encode('a;b\n"c;d\ne;f\n');
    const found = await recordsOnLines(
      sourceOf(bytes, 'utf-8', { at: [], line: [] }),
      [1, 2, 3, 40],
    );
    expect(found.get(1)).toEqual(['a', 'b']);
    expect(found.has(2)).toBe(false);
    expect(found.get(3)).toEqual(['e', 'f']);
    expect(found.has(40)).toBe(false);
  });
});
