import type { DayMonthOrder } from './dates';
import type { Delimiter } from './delimiter';
import type { TextEncodingName } from './encoding';
import type { ColumnMapping } from './fields';
import type { LineIndex } from './lineIndex';
import type { IdColumn, NumberColumn } from './narrowColumns';
import type { PackedTexts } from './packedIdentifiers';
import type { RowProblem } from './shipment';
import type { PackedCells } from './packedCells';

/** One imported customs file and everything needed to cite and re-read it. */
export type Dataset = {
  id: string;
  fileName: string;
  fileSha256: string;
  size: number;
  /** Who sold or compiled the file. */
  vendor: string;
  /** The underlying source, e.g. a country's customs declarations: two vendors of one origin are not independent. */
  origin: string;
  /**
   * Since schema 19: the name the user gave it, shown in the app in place of the file's name
   * (shared/customs/datasetLabel.ts). Citations and the dossier keep the file's name.
   */
  displayName?: string;
  importedAt: number;
  /** Written first as `importing`; flipped to `complete` by the import's last step. */
  status: 'importing' | 'complete';
  format: 'delimited' | 'xlsx';
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  headerLine: number;
  headers: string[];
  mapping: ColumnMapping;
  dayMonthOrder: DayMonthOrder;
  decimalComma: boolean;
  defaultCurrency: string;
  counts: {
    records: number;
    accepted: number;
    rejected: number;
    blank: number;
    duplicates: number;
  };
  blockCount: number;
  /**
   * Since schema 23, a delimited file's: where some of its lines start, to read a row's raw cells
   * again from the stored original (lineIndex.ts), which its blocks then keep none of.
   */
  lineIndex?: LineIndex;
};

/** Where a shipment's raw cells are: its dataset, block and row there, and the line it starts on. */
export type CellsOf = { datasetId: string; blockNo: number; blockRow: number; rowNumber: number };

/**
 * Shipments stored by column, a block of rows per record (see the handbook's storage section).
 * Repetitive text columns are dictionary-encoded into dictionaries a dataset's blocks share (since
 * schema version 22): each block holds the values it adds (`dict`) after the `dictStart` values of
 * the blocks before it, and `shipper[i]` numbers a value of the whole: the `dictStart.shipper`
 * values before, then `dict.shipper`. A block without `dictStart` starts the dataset's
 * dictionaries afresh, as every block did before (each held its own).
 * Dictionary and number columns are as narrow as the block's values allow, and identifiers packed
 * (`compactBlock` in blocks.ts); blocks stored before December 2026 have them at four and eight
 * bytes a row, and their identifiers as strings.
 */
export type ShipmentBlock = {
  datasetId: string;
  blockNo: number;
  count: number;
  /**
   * Each row's line; since schema version 22 only the first where the lines run on, one after
   * another (`blockLines` gives them all).
   */
  rowNumber: Int32Array;
  date: Int32Array;
  weightKg: NumberColumn;
  value: NumberColumn;
  /**
   * Each row's earlier line it repeats, 0 for none; since schema version 22 empty where no row
   * repeats one (`blockDuplicates`).
   */
  duplicateOf: Int32Array;
  /** Packed since schema version 21 (`compactBlock`); a string a row in blocks stored before. */
  declarationId: PackedTexts | string[];
  /** Since schema version 13; absent from older blocks, whose rows have none. Packed likewise. */
  billOfLading?: PackedTexts | string[];
  shipper: IdColumn;
  consignee: IdColumn;
  originCountry: IdColumn;
  destinationCountry: IdColumn;
  hsCode: IdColumn;
  description: IdColumn;
  currency: IdColumn;
  dict: Record<DictionaryColumn, string[]>;
  dictStart?: Record<DictionaryColumn, number>;
};

export const dictionaryColumns = [
  'shipper',
  'consignee',
  'originCountry',
  'destinationCountry',
  'hsCode',
  'description',
  'currency',
] as const;
export type DictionaryColumn = (typeof dictionaryColumns)[number];

/** How many values a block's numbers in `column` may point to: those before it and its own. */
export const dictionarySize = (block: ShipmentBlock, column: DictionaryColumn): number =>
  (block.dictStart?.[column] ?? 0) + block.dict[column].length;

/** The raw cells of a block's rows, apart from the block so that browsing never loads them. */
/** A block's raw cells, as the file wrote them (packed since schema 16: see packedCells.ts). */
export type ShipmentCells = { datasetId: string; blockNo: number; packed: PackedCells };

export type StoredRowProblem = {
  id?: number;
  datasetId: string;
  rowNumber: number;
  cells: string[];
  problems: RowProblem[];
};
