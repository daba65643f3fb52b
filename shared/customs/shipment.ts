import type { CanonicalField } from './fields';

/** One imported shipment, normalised; its identity is (datasetId, rowNumber). */
export type Shipment = {
  /** The line of the file on which the record starts (XLSX: the sheet's row). */
  rowNumber: number;
  declarationId: string;
  /** A bill-of-lading number, where the file gives one ('' otherwise): never a declaration's. */
  billOfLading: string;
  /** Days since 1970-01-01. */
  date: number;
  shipper: string;
  consignee: string;
  shipperKey: string;
  consigneeKey: string;
  /** ISO alpha-2, or '' when the file's value is empty or unknown (the raw value stays in `cells`). */
  originCountry: string;
  destinationCountry: string;
  hsCode: string;
  description: string;
  /** NaN when the file gives none. */
  weightKg: number;
  value: number;
  /** ISO 4217 code, or '' when neither a column nor the dataset says. */
  currency: string;
  /** The row number of an earlier, identical record, or 0. */
  duplicateOf: number;
  /** Every cell of the record as imported, verbatim. */
  cells: string[];
};

type ProblemCode =
  | 'bad-date'
  | 'missing-date'
  | 'missing-party'
  | 'bad-number'
  | 'negative-number'
  | 'bad-hs-code'
  | 'column-count'
  | 'bad-currency';

export type RowProblem = { field: CanonicalField | 'row'; code: ProblemCode; message: string };

export type RejectedRow = { rowNumber: number; cells: string[]; problems: RowProblem[] };
