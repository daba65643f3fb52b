import type { DayMonthOrder } from '#shared/customs/dates';
import type { ColumnMapping } from '#shared/customs/fields';
import type { FileProbe, ProbeOverrides } from '#shared/customs/probe';
import type { RowProblem, Shipment } from '#shared/customs/shipment';

/** What the import dialog shows before an import: how the file will be read, and its first rows. */
export type ImportPreview = FileProbe & {
  /** When the layout whose decisions the preview took was remembered, or null. */
  rememberedAt: number | null;
  fileName: string;
  size: number;
  /** The first rows normalised with the proposed settings. */
  rows: ({ rowNumber: number } & ({ shipment: Shipment } | { problems: RowProblem[] }))[];
  /** A dataset already imported from the same bytes, if any. */
  sameBytesAs: string | null;
};

export type ImportChoices = ProbeOverrides & {
  mapping: ColumnMapping;
  headerLine: number;
  dayMonthOrder: DayMonthOrder;
  decimalComma: boolean;
  defaultCurrency: string;
  vendor: string;
  origin: string;
};

export type ImportProgress = {
  bytesRead: number;
  totalBytes: number;
  records: number;
  rowsPerSecond: number;
};
