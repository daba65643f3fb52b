import { describe, expect, it } from 'vitest';
import { buildBlock, compactBlock, DatasetDictionaries } from '../../../shared/customs/blocks';
import {
  dictionaryColumns,
  type Dataset,
  type ShipmentBlock,
} from '../../../shared/customs/dataset';
import { shipment } from '../shipmentRows';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { ShipmentIndex } from '../../../shared/customs/shipmentIndex';
import { textsOf } from '../../../shared/customs/packedIdentifiers';

const dataset = (id: string) => ({ id, fileName: `${id}.csv`, importedAt: 0 }) as Dataset;

describe('the shipment index', () => {
  it('keeps every value once a column’s dictionary outgrows two bytes a row', () => {
    // 70,000 distinct descriptions and parties over seven blocks, sharing their dataset's
    // dictionaries as an import stores them: the columns widen in the fourth.
    const dictionaries = new DatasetDictionaries();
    const blocks = Array.from({ length: 7 }, (_, blockNo) =>
      Array.from({ length: 10_000 }, (_, row) => {
        const line = blockNo * 10_000 + row + 2;
        return shipment(line, { description: `item ${line}`, consignee: `Buyer ${line}` });
      }),
    ).map((shipments, blockNo) => buildBlock('a', blockNo, shipments, dictionaries).block);
    expect(blocks[6].description).toBeInstanceOf(Uint32Array);
    expect(blocks[6].dict.shipper).toEqual([]);
    const index = new ShipmentIndex([dataset('a')], blocks, 70_000);
    for (const row of [0, 9_999, 65_535, 65_536, 65_537, 69_999])
      expect(index.row(row)).toMatchObject({
        rowNumber: row + 2,
        description: `item ${row + 2}`,
        consignee: `Buyer ${row + 2}`,
        shipper: 'Alpha LLC',
        blockNo: Math.floor(row / 10_000),
        blockRow: row % 10_000,
      });
    const found = index.query(
      { ...emptyShipmentFilter, words: 'item 69999' },
      { column: 'row', direction: 'asc' },
    );
    expect(Array.from(found.rows)).toEqual([69_997]);
  });

  it('finds the row a citation names in its own dataset, whatever the order of its lines', () => {
    const lines = [2, 3, 5, 9, 40];
    const index = new ShipmentIndex(
      [dataset('a'), dataset('b')],
      [
        buildBlock(
          'a',
          0,
          lines.map((line) => shipment(line)),
        ).block,
        buildBlock('a', 1, [shipment(41), shipment(60)]).block,
        // From elsewhere (an archive): lines out of order are still found, one by one.
        buildBlock('b', 0, [shipment(9), shipment(4), shipment(7)]).block,
        // Consecutive lines, as most blocks' are: their lines are not held, but worked out.
        buildBlock('a', 2, [shipment(70), shipment(71), shipment(72)]).block,
      ],
      13,
    );
    const rowOf = (datasetId: string, rowNumber: number) => index.rowOf({ datasetId, rowNumber });
    expect(lines.map((line) => rowOf('a', line))).toEqual([0, 1, 2, 3, 4]);
    expect([rowOf('a', 41), rowOf('a', 60)]).toEqual([5, 6]);
    expect([rowOf('b', 9), rowOf('b', 4), rowOf('b', 7)]).toEqual([7, 8, 9]);
    expect([rowOf('a', 70), rowOf('a', 71), rowOf('a', 72)]).toEqual([10, 11, 12]);
    expect([10, 11, 12].map((row) => index.row(row).rowNumber)).toEqual([70, 71, 72]);
    for (const [datasetId, line] of [
      ['a', 4],
      ['a', 1],
      ['a', 61],
      ['a', 69],
      ['a', 73],
      ['b', 5],
      ['c', 2],
    ] as const)
      expect([datasetId, line, rowOf(datasetId, line)]).toEqual([datasetId, line, -1]);
    expect(index.row(6)).toMatchObject({ datasetId: 'a', blockNo: 1, blockRow: 1, rowNumber: 60 });
  });

  it('tells which earlier line each duplicate row repeats, and none for the others', () => {
    // Every third row of three blocks repeats an earlier line: more than the first room for them.
    const blocks = Array.from({ length: 3 }, (_, blockNo) =>
      Array.from({ length: 30 }, (_, row) => {
        const line = blockNo * 30 + row + 2;
        return shipment(line, { duplicateOf: row % 3 === 0 ? line - 1 : 0 });
      }),
    ).map((shipments, blockNo) => buildBlock('a', blockNo, shipments).block);
    const index = new ShipmentIndex([dataset('a')], blocks, 90);
    const duplicates = Array.from({ length: 90 }, (_, row) => index.row(row).duplicateOf);
    expect(duplicates).toEqual(
      Array.from({ length: 90 }, (_, row) => ((row % 30) % 3 === 0 ? row + 1 : null)),
    );
  });

  it('gives back every weight and value exactly, in four bytes a row while they allow it', () => {
    // Whole numbers and halves first, as float32 holds them; then cents, which it does not.
    const wholes = Array.from({ length: 300 }, (_, row) =>
      shipment(row + 2, { weightKg: 16_777_216 - row, value: row + 0.5, currency: `C${row}` }),
    );
    const cents = [
      shipment(302, { weightKg: 0.1, value: 1_234_567.89 }),
      shipment(303, { weightKg: Number.NaN, value: Number.NaN }),
    ];
    const index = new ShipmentIndex(
      [dataset('a')],
      [buildBlock('a', 0, wholes).block, buildBlock('a', 1, cents).block],
      302,
    );
    expect(index.view().weightKg).toBeInstanceOf(Float64Array);
    expect(index.view().value).toBeInstanceOf(Float64Array);
    const rows = Array.from({ length: 302 }, (_, row) => index.row(row));
    expect(rows.map(({ weightKg, value }) => [weightKg, value])).toEqual([
      ...wholes.map(({ weightKg, value }) => [weightKg, value]),
      [0.1, 1_234_567.89],
      [null, null],
    ]);
    // 301 currencies: the column widened past one byte a row, every row's still its own.
    expect(rows.slice(0, 300).map((row) => row.currency)).toEqual(
      wholes.map((row) => row.currency),
    );
    expect(index.view().currency).toBeInstanceOf(Uint16Array);
    const { summary } = index.query(emptyShipmentFilter, { column: 'row', direction: 'asc' });
    expect(summary.totalWeightKg).toBe(wholes.reduce((sum, row) => sum + row.weightKg, 0) + 0.1);

    const narrow = new ShipmentIndex([dataset('a')], [buildBlock('a', 0, wholes).block], 300);
    expect(narrow.view().weightKg).toBeInstanceOf(Float32Array);
    expect(narrow.view().value).toBeInstanceOf(Float32Array);
    expect(narrow.view().originCountry).toBeInstanceOf(Uint8Array);
    expect(Array.from({ length: 300 }, (_, row) => narrow.row(row).weightKg)).toEqual(
      wholes.map((row) => row.weightKg),
    );
  });
});

describe('a stored block', () => {
  it('stores only the values it adds to its dataset’s dictionaries, and loads as a block of its own', () => {
    const lines = (from: number, shippers: string[]) =>
      shippers.map((shipper, row) => shipment(from + row, { shipper, description: shipper }));
    const parts = [lines(2, ['A', 'B', 'A']), lines(5, ['B', 'C']), lines(7, ['D', 'A'])];
    const dictionaries = new DatasetDictionaries();
    const shared = parts.map((rows, blockNo) => buildBlock('a', blockNo, rows, dictionaries).block);
    expect(shared.map((block) => [block.dictStart?.shipper, block.dict.shipper])).toEqual([
      [undefined, ['A', 'B']],
      [2, ['C']],
      [3, ['D']],
    ]);
    expect(Array.from(shared[1].shipper)).toEqual([1, 2]);
    expect(shared[1].dict.consignee).toEqual([]);
    const rows = (blocks: ShipmentBlock[]) => {
      const index = new ShipmentIndex([dataset('a')], blocks, 7);
      return Array.from({ length: 7 }, (_, row) => index.row(row));
    };
    const ownDictionaries = parts.map((rows, blockNo) => buildBlock('a', blockNo, rows).block);
    expect(rows(shared)).toEqual(rows(ownDictionaries));
    expect(rows(shared).map((row) => row.shipper)).toEqual(['A', 'B', 'A', 'B', 'C', 'D', 'A']);
    // Past its limit (9 values after the first block, all columns together; 11 after the second),
    // the next block starts the dictionaries afresh, and loads the same.
    const limited = new DatasetDictionaries(10);
    const afresh = parts.map((rows, blockNo) => buildBlock('a', blockNo, rows, limited).block);
    expect(afresh.map((block) => block.dictStart?.shipper)).toEqual([undefined, 2, undefined]);
    expect(rows(afresh)).toEqual(rows(shared));
    // Blocks left out or out of order do not follow on from the blocks before them.
    const refused = 'of a.csv does not follow on from the blocks before it.';
    expect(() => rows([shared[0], shared[2]])).toThrow(`Block 2 ${refused}`);
    expect(() => rows([shared[1], shared[0]])).toThrow(`Block 1 ${refused}`);
  });

  it('holds its dictionary numbers and its numbers as narrow as its values allow', () => {
    const wholes = Array.from({ length: 300 }, (_, row) =>
      shipment(row + 2, { weightKg: row === 0 ? -0 : 16_777_216 - row, currency: `C${row}` }),
    );
    wholes[1].value = Number.NaN;
    const { block } = buildBlock('a', 0, wholes);
    expect(block.shipper).toBeInstanceOf(Uint8Array);
    expect(block.currency).toBeInstanceOf(Uint16Array);
    expect(block.weightKg).toBeInstanceOf(Float32Array);
    expect(block.value).toBeInstanceOf(Float32Array);
    expect(Array.from(block.weightKg)).toEqual(wholes.map((row) => row.weightKg));
    expect(Object.is(block.weightKg[0], -0)).toBe(true);
    expect(block.value[1]).toBeNaN();
    expect(Array.from(block.currency, (id) => block.dict.currency[id])).toEqual(
      wholes.map((row) => row.currency),
    );
    // Lines that run on are held as their first; no duplicates, as none.
    expect([Array.from(block.rowNumber), block.duplicateOf.length]).toEqual([[2], 0]);
    const skipping = buildBlock('a', 1, [shipment(2), shipment(4, { duplicateOf: 2 })]).block;
    expect([Array.from(skipping.rowNumber), Array.from(skipping.duplicateOf)]).toEqual([
      [2, 4],
      [0, 2],
    ]);
    // One value a 32-bit float does not hold keeps its column at eight bytes a row.
    const cents = buildBlock('a', 1, [shipment(2), shipment(3, { value: 1_234_567.89 })]).block;
    expect(cents.weightKg).toBeInstanceOf(Float32Array);
    expect(cents.value).toBeInstanceOf(Float64Array);
    expect(Array.from(cents.value)).toEqual([100, 1_234_567.89]);
  });

  it('widens past 65,536 values, and a block stored at full width loads as its narrow form', () => {
    const ids = Uint32Array.from({ length: 70_000 }, (_, row) => row);
    const wide = buildBlock('a', 0, [shipment(2), shipment(3, { shipper: 'Gamma' })]).block;
    const large = compactBlock({
      ...wide,
      count: ids.length,
      shipper: ids,
      dict: { ...wide.dict, shipper: Array.from(ids, String) },
    });
    expect(large.shipper).toBe(ids);
    const at65536 = compactBlock({
      ...wide,
      shipper: Uint32Array.of(0, 65_535),
      dict: { ...wide.dict, shipper: Array.from({ length: 65_536 }, String) },
    });
    expect(at65536.shipper).toEqual(Uint16Array.of(0, 65_535));
    // As a block imported before December 2026 is stored: four and eight bytes a row, and its
    // declaration and bill-of-lading numbers as strings.
    const old: ShipmentBlock = {
      ...wide,
      weightKg: Float64Array.from(wide.weightKg),
      value: Float64Array.from(wide.value),
      declarationId: textsOf(wide.declarationId),
      billOfLading: textsOf(wide.billOfLading!),
    };
    for (const column of dictionaryColumns) old[column] = Uint32Array.from(wide[column]);
    const rows = (block: ShipmentBlock) => {
      const index = new ShipmentIndex([dataset('a')], [block], block.count);
      return Array.from({ length: block.count }, (_, row) => index.row(row));
    };
    expect(rows(old)).toEqual(rows(wide));
    expect(rows(old).map((row) => row.shipper)).toEqual(['Alpha LLC', 'Gamma']);
    expect(rows(old).map((row) => row.declarationId)).toEqual(['D-2', 'D-3']);
  });
});
