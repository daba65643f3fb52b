import { describe, expect, it } from 'vitest';
import { buildBlock } from '../../../shared/customs/blocks';
import type { Dataset } from '../../../shared/customs/dataset';
import type { Shipment } from '../../../shared/customs/shipment';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { ShipmentIndex } from '../../../shared/customs/shipmentIndex';

const dataset = (id: string) => ({ id, fileName: `${id}.csv`, importedAt: 0 }) as Dataset;

function shipment(rowNumber: number, changes: Partial<Shipment> = {}): Shipment {
  return {
    rowNumber,
    declarationId: `D-${rowNumber}`,
    billOfLading: '',
    date: 19_000 + (rowNumber % 30),
    shipper: 'Alpha LLC',
    consignee: 'Beta JSC',
    shipperKey: 'alpha',
    consigneeKey: 'beta',
    originCountry: 'CN',
    destinationCountry: 'RU',
    hsCode: '880730',
    description: 'parts',
    weightKg: 10,
    value: 100,
    currency: 'USD',
    duplicateOf: 0,
    cells: [],
    ...changes,
  };
}

describe('the shipment index', () => {
  it('keeps every value once a column’s dictionary outgrows two bytes a row', () => {
    // 70,000 distinct descriptions and parties over seven blocks: the columns widen in the fourth.
    const blocks = Array.from({ length: 7 }, (_, blockNo) =>
      Array.from({ length: 10_000 }, (_, row) => {
        const line = blockNo * 10_000 + row + 2;
        return shipment(line, { description: `item ${line}`, consignee: `Buyer ${line}` });
      }),
    ).map((shipments, blockNo) => buildBlock('a', blockNo, shipments).block);
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
      ],
      10,
    );
    const rowOf = (datasetId: string, rowNumber: number) => index.rowOf({ datasetId, rowNumber });
    expect(lines.map((line) => rowOf('a', line))).toEqual([0, 1, 2, 3, 4]);
    expect([rowOf('a', 41), rowOf('a', 60)]).toEqual([5, 6]);
    expect([rowOf('b', 9), rowOf('b', 4), rowOf('b', 7)]).toEqual([7, 8, 9]);
    for (const [datasetId, line] of [
      ['a', 4],
      ['a', 1],
      ['a', 61],
      ['b', 5],
      ['c', 2],
    ] as const)
      expect([datasetId, line, rowOf(datasetId, line)]).toEqual([datasetId, line, -1]);
    expect(index.row(6)).toMatchObject({ datasetId: 'a', blockNo: 1, blockRow: 1, rowNumber: 60 });
  });
});
