import {
  dictionaryColumns,
  dictionarySize,
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

/**
 * Values a dataset's dictionaries may hold before its next block starts them afresh: a file of
 * mostly distinct descriptions would otherwise keep every one of them in the importing thread.
 */
const DICTIONARY_LIMIT = 1 << 20;

/**
 * The dictionaries a dataset's blocks share as an import stores them, in order of first appearance:
 * each block stores only the values it adds, where every block used to store its own dictionaries
 * whole (some 8,000 strings a block on a typical file, parsed and looked up at every load of the
 * engine). A block numbers its rows into the dictionaries as they stand after it.
 */
export class DatasetDictionaries {
  private codes = new Map<DictionaryColumn, Map<string, number>>();
  /** How many values the dictionaries hold, all columns together. */
  private size = 0;

  constructor(private readonly limit = DICTIONARY_LIMIT) {}

  /**
   * Numbers `shipments` into the dictionaries; what the block stores: each column's codes, the
   * values added, and how many each dictionary held before (null where the block starts afresh).
   */
  encode(shipments: readonly Shipment[]): {
    codes: Record<DictionaryColumn, Uint32Array>;
    dict: Record<DictionaryColumn, string[]>;
    dictStart: Record<DictionaryColumn, number> | null;
  } {
    const fresh = this.size === 0 || this.size > this.limit;
    if (fresh) {
      this.codes = new Map(dictionaryColumns.map((column) => [column, new Map<string, number>()]));
      this.size = 0;
    }
    const codes = {} as Record<DictionaryColumn, Uint32Array>;
    const dict = {} as Record<DictionaryColumn, string[]>;
    const dictStart = {} as Record<DictionaryColumn, number>;
    for (const column of dictionaryColumns) {
      const codeOf = this.codes.get(column)!;
      const added: string[] = [];
      const columnCodes = new Uint32Array(shipments.length);
      dictStart[column] = codeOf.size;
      for (let row = 0; row < shipments.length; row += 1) {
        const text = shipments[row][column];
        let code = codeOf.get(text);
        if (code === undefined) {
          code = codeOf.size;
          added.push(text);
          codeOf.set(text, code);
        }
        columnCodes[row] = code;
      }
      this.size += added.length;
      codes[column] = columnCodes;
      dict[column] = added;
    }
    return { codes, dict, dictStart: fresh ? null : dictStart };
  }
}

/**
 * Packs shipments into one column block (and, with `keepCells`, their raw cells beside it),
 * numbering each column into `dictionaries`: an import spends this on every row, on the thread that
 * parses. A dataset's blocks are built in order with the same dictionaries; a block built with
 * fresh ones holds its own. A delimited file's cells are read again from its stored original
 * (lineIndex.ts); a workbook's are kept.
 */
export function buildBlock(
  datasetId: string,
  blockNo: number,
  shipments: readonly Shipment[],
  dictionaries = new DatasetDictionaries(),
  keepCells = true,
): { block: ShipmentBlock; cells: ShipmentCells | null } {
  const count = shipments.length;
  const { codes, dict, dictStart } = dictionaries.encode(shipments);
  const rowNumber = new Int32Array(count);
  const date = new Int32Array(count);
  const weightKg = new Float64Array(count);
  const value = new Float64Array(count);
  const duplicateOf = new Int32Array(count);
  const declarationId = new Array<string>(count);
  const billOfLading = new Array<string>(count);
  const cells = keepCells ? new Array<string[]>(count) : null;
  for (let row = 0; row < count; row += 1) {
    const shipment = shipments[row];
    rowNumber[row] = shipment.rowNumber;
    date[row] = shipment.date;
    weightKg[row] = shipment.weightKg;
    value[row] = shipment.value;
    duplicateOf[row] = shipment.duplicateOf;
    declarationId[row] = shipment.declarationId;
    billOfLading[row] = shipment.billOfLading;
    if (cells) cells[row] = shipment.cells;
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
    ...codes,
    dict,
    ...(dictStart && { dictStart }),
  });
  return { block, cells: cells && { datasetId, blockNo, packed: packCells(cells) } };
}

/** Whether rows are on lines one after another, from the first. */
export function linesRunOn(rowNumber: Int32Array): boolean {
  for (let row = 1; row < rowNumber.length; row += 1)
    if (rowNumber[row] !== rowNumber[0] + row) return false;
  return true;
}

/** Every row's line (a block holds only its first where they run on). */
export function blockLines({ rowNumber, count }: ShipmentBlock): Int32Array {
  return rowNumber.length >= count
    ? rowNumber
    : Int32Array.from({ length: count }, (_, row) => rowNumber[0] + row);
}

/** Every row's earlier line it repeats, 0 for none (a block holds none where no row repeats one). */
export function blockDuplicates({ duplicateOf, count }: ShipmentBlock): Int32Array {
  if (duplicateOf.length >= count) return duplicateOf;
  const every = new Int32Array(count);
  every.set(duplicateOf);
  return every;
}

/**
 * The block as compact as its values allow: dictionary columns and numbers as narrow as they go,
 * declaration and bill-of-lading numbers packed, and only the first line where the rows' lines run
 * on (most blocks), no duplicates' lines where none repeats another: fewer bytes to seal, store
 * and read at every load of the engine, and no strings to parse for the numbers. Every column
 * reads back the same. Each dictionary column's numbers must point into its dictionary (as built,
 * or as an archive's block is checked).
 */
export function compactBlock(block: ShipmentBlock): ShipmentBlock {
  const packed = (texts: ShipmentBlock['declarationId']) =>
    Array.isArray(texts) ? packTexts(texts) : texts;
  const { rowNumber, duplicateOf, count } = block;
  const compact: ShipmentBlock = {
    ...block,
    rowNumber:
      rowNumber.length === count && linesRunOn(rowNumber) ? rowNumber.slice(0, 1) : rowNumber,
    duplicateOf: duplicateOf.some((line) => line !== 0) ? duplicateOf : new Int32Array(0),
    weightKg: narrowNumbers(block.weightKg),
    value: narrowNumbers(block.value),
    declarationId: packed(block.declarationId),
    ...(block.billOfLading && { billOfLading: packed(block.billOfLading) }),
  };
  for (const column of dictionaryColumns)
    compact[column] = narrowIds(block[column], dictionarySize(block, column));
  return compact;
}
