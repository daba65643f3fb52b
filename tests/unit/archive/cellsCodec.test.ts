import { describe, expect, it } from 'vitest';
import { decodeCells, encodeCells } from '../../../shared/archive/cellsCodec';
import { isUtf8, packCells, rowCells, unpackCells } from '../../../shared/customs/packedCells';

const rows = [
  ['10100037/090321/0000001', 'ООО «Улан-Удэ»', '厦门 龙兴', '"quoted, comma"'],
  [],
  ['', 'ship 🚢', 'x\u00a0y', 'line\nbreak'],
];
const record = { datasetId: 'ds-1', blockNo: 3, packed: packCells(rows) };
const entry = 'cells/ds-1/3.bin';

/** The entry with its header's JSON replaced (the arrays after it moved to stay aligned). */
function withHeader(header: object): Uint8Array {
  const original = encodeCells(record);
  const length = new DataView(original.buffer).getUint32(0, true);
  const start = Math.ceil((4 + length) / 8) * 8;
  const json = new TextEncoder().encode(JSON.stringify(header));
  const newStart = Math.ceil((4 + json.length) / 8) * 8;
  const out = new Uint8Array(newStart + original.length - start);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(original.subarray(start), newStart);
  return out;
}

const header = {
  datasetId: 'ds-1',
  blockNo: 3,
  rows: 3,
  cells: 8,
  textBytes: record.packed.text.length,
};

describe('packed cells', () => {
  it('give back every row as it was written, and nothing for a row not there', () => {
    expect(unpackCells(record.packed)).toEqual(rows);
    expect(rowCells(record.packed, 1)).toEqual([]);
    expect(rowCells(record.packed, -1)).toEqual([]);
    expect(rowCells(record.packed, 3)).toEqual([]);
    expect(unpackCells(packCells([]))).toEqual([]);
  });

  it('round-trip through an archive entry', () => {
    const decoded = decodeCells(encodeCells(record), entry);
    expect(decoded.datasetId).toBe('ds-1');
    expect(decoded.blockNo).toBe(3);
    expect(unpackCells(decoded.packed)).toEqual(rows);
    expect(decodeCells(withHeader(header), entry).packed.text).toEqual(record.packed.text);
  });

  it('refuse an entry cut short, too long, naming another block, or packed unsoundly', () => {
    const bytes = encodeCells(record);
    const refused =
      (input: Uint8Array, name = entry) =>
      () =>
        decodeCells(input, name);
    expect(refused(bytes.subarray(0, 3))).toThrow(/cells\/ds-1\/3\.bin is cut short/);
    expect(refused(bytes.subarray(0, bytes.length - 1))).toThrow(/is cut short/);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(refused(longer)).toThrow(/holds more than its cells/);
    expect(refused(bytes, 'cells/ds-1/4.bin')).toThrow(/says it is another block/);
    expect(refused(withHeader({ ...header, rows: 'x' }))).toThrow(/cells\/ds-1\/3\.bin/);
    // Rows claiming more cells than there are; a cell end past the text.
    const counted = withHeader({ ...header, cells: 7 });
    expect(refused(counted)).toThrow(/holds more than its cells|do not account/);
    const ends = encodeCells({
      ...record,
      packed: { ...record.packed, rowEnds: new Uint32Array([4, 3, 8]) },
    });
    expect(refused(ends)).toThrow(/its rows do not account for its cells/);
    const text = encodeCells({
      ...record,
      packed: { ...record.packed, cellEnds: record.packed.cellEnds.map((end) => end - 1) },
    });
    expect(refused(text)).toThrow(/its cells do not account for its text/);
  });

  it('refuse text that is not UTF-8, and a cell ending inside a character', () => {
    const broken = record.packed.text.slice();
    broken[30] = 0xff;
    expect(() =>
      decodeCells(encodeCells({ ...record, packed: { ...record.packed, text: broken } }), entry),
    ).toThrow(/its text is not UTF-8/);
    // "ООО" starts the second cell: its first end moved one byte into the first "О".
    const cellEnds = record.packed.cellEnds.slice();
    cellEnds[0] += 1;
    expect(() =>
      decodeCells(encodeCells({ ...record, packed: { ...record.packed, cellEnds } }), entry),
    ).toThrow(/a cell ends inside a character/);
  });
});

describe('isUtf8', () => {
  it('agrees with a fatal TextDecoder on well-formed and malformed UTF-8', () => {
    const cases = [
      [0x41],
      [0xd0, 0x9e],
      [0xe5, 0x8e, 0xa6],
      [0xf0, 0x9f, 0x9a, 0xa2],
      [0xef, 0xbf, 0xbf],
      [0xf4, 0x8f, 0xbf, 0xbf],
      [0x80],
      [0xc0, 0xaf],
      [0xc1, 0xbf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x80, 0x80, 0xaf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0xd0],
      [0xe5, 0x8e],
      [0xe5, 0x41, 0xa6],
      [0xff],
    ];
    for (const bytes of cases) {
      const input = new Uint8Array([0x61, ...bytes, 0x62]);
      let decodes = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        decodes = false;
      }
      expect([bytes, isUtf8(input)]).toEqual([bytes, decodes]);
    }
  });
});
