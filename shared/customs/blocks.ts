import {
  dictionaryColumns,
  type DictionaryColumn,
  type ShipmentBlock,
  type ShipmentCells,
} from './dataset';
import { narrowIds, narrowNumbers } from './narrowColumns';
import { packCells } from './packedCells';
import { packTexts } from './packedIdentifiers';
import type { Shipment } from './shipment';

/** Rows per stored block: large enough that writes are few, small enough that one is cheap to read. */
export const BLOCK_ROWS = 10_000;

/** One column's values as codes into the distinct values, in order of first appearance. */
function dictionaryEncoded(
  shipments: readonly Shipment[],
  column: DictionaryColumn,
): { values: string[]; codes: Uint32Array } {
  const values: string[] = [];
  const codes = new Uint32Array(shipments.length);
  const codeOf = new Map<string, number>();
  for (let row = 0; row < shipments.length; row += 1) {
    const text = shipments[row][column];
    let code = codeOf.get(text);
    if (code === undefined) {
      code = values.length;
      values.push(text);
      codeOf.set(text, code);
    }
    codes[row] = code;
  }
  return { values, codes };
}

/**
 * Packs shipments into one column block (and their raw cells beside it). Column by column, each
 * with its own map: an import spends this on every row, on the thread that parses.
 */
export function buildBlock(
  datasetId: string,
  blockNo: number,
  shipments: readonly Shipment[],
): { block: ShipmentBlock; cells: ShipmentCells } {
  const count = shipments.length;
  const dict = {} as Record<DictionaryColumn, string[]>;
  const encoded = {} as Record<DictionaryColumn, Uint32Array>;
  for (const column of dictionaryColumns) {
    const { values, codes } = dictionaryEncoded(shipments, column);
    dict[column] = values;
    encoded[column] = codes;
  }
  const rowNumber = new Int32Array(count);
  const date = new Int32Array(count);
  const weightKg = new Float64Array(count);
  const value = new Float64Array(count);
  const duplicateOf = new Int32Array(count);
  const declarationId = new Array<string>(count);
  const billOfLading = new Array<string>(count);
  const cells = new Array<string[]>(count);
  for (let row = 0; row < count; row += 1) {
    const shipment = shipments[row];
    rowNumber[row] = shipment.rowNumber;
    date[row] = shipment.date;
    weightKg[row] = shipment.weightKg;
    value[row] = shipment.value;
    duplicateOf[row] = shipment.duplicateOf;
    declarationId[row] = shipment.declarationId;
    billOfLading[row] = shipment.billOfLading;
    cells[row] = shipment.cells;
  }
  const block = compactBlock({
    datasetId,
    blockNo,
    count,
    rowNumber,
    date,
    weightKg,
    value,
    duplicateOf,
    declarationId,
    billOfLading,
    ...encoded,
    dict,
  });
  return { block, cells: { datasetId, blockNo, packed: packCells(cells) } };
}

/**
 * The block as compact as its values allow: dictionary columns and numbers as narrow as they go,
 * and declaration and bill-of-lading numbers packed. A fifth fewer bytes to seal, store and read at
 * every load of the engine, where dictionaries are small and weights and values whole, and no
 * strings to parse for the numbers. Every column reads back the same. Each dictionary column's
 * numbers must point into its dictionary (as built, or as an archive's block is checked).
 */
export function compactBlock(block: ShipmentBlock): ShipmentBlock {
  const packed = (texts: ShipmentBlock['declarationId']) =>
    Array.isArray(texts) ? packTexts(texts) : texts;
  const compact: ShipmentBlock = {
    ...block,
    weightKg: narrowNumbers(block.weightKg),
    value: narrowNumbers(block.value),
    declarationId: packed(block.declarationId),
    ...(block.billOfLading && { billOfLading: packed(block.billOfLading) }),
  };
  for (const column of dictionaryColumns)
    compact[column] = narrowIds(block[column], block.dict[column].length);
  return compact;
}
