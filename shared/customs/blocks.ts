import {
  dictionaryColumns,
  type DictionaryColumn,
  type ShipmentBlock,
  type ShipmentCells,
} from './dataset';
import { packCells } from './packedCells';
import type { Shipment } from './shipment';

/** Rows per stored block: large enough that writes are few, small enough that one is cheap to read. */
export const BLOCK_ROWS = 10_000;

/** Packs shipments into one column block (and their raw cells beside it). */
export function buildBlock(
  datasetId: string,
  blockNo: number,
  shipments: readonly Shipment[],
): { block: ShipmentBlock; cells: ShipmentCells } {
  const count = shipments.length;
  const dict = Object.fromEntries(
    dictionaryColumns.map((column) => [column, [] as string[]]),
  ) as Record<DictionaryColumn, string[]>;
  const indexes = Object.fromEntries(
    dictionaryColumns.map((column) => [column, new Map<string, number>()]),
  ) as Record<DictionaryColumn, Map<string, number>>;
  const encoded = Object.fromEntries(
    dictionaryColumns.map((column) => [column, new Uint32Array(count)]),
  ) as Record<DictionaryColumn, Uint32Array>;
  const billOfLading = new Array<string>(count);
  const block: ShipmentBlock = {
    datasetId,
    blockNo,
    count,
    rowNumber: new Int32Array(count),
    date: new Int32Array(count),
    weightKg: new Float64Array(count),
    value: new Float64Array(count),
    duplicateOf: new Int32Array(count),
    declarationId: new Array<string>(count),
    billOfLading,
    ...encoded,
    dict,
  };
  const cells: string[][] = new Array<string[]>(count);
  shipments.forEach((shipment, row) => {
    block.rowNumber[row] = shipment.rowNumber;
    block.date[row] = shipment.date;
    block.weightKg[row] = shipment.weightKg;
    block.value[row] = shipment.value;
    block.duplicateOf[row] = shipment.duplicateOf;
    block.declarationId[row] = shipment.declarationId;
    billOfLading[row] = shipment.billOfLading;
    for (const column of dictionaryColumns) {
      const text = shipment[column];
      let index = indexes[column].get(text);
      if (index === undefined) {
        index = dict[column].length;
        dict[column].push(text);
        indexes[column].set(text, index);
      }
      encoded[column][row] = index;
    }
    cells[row] = shipment.cells;
  });
  return { block, cells: { datasetId, blockNo, packed: packCells(cells) } };
}
