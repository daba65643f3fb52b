import { knownHeaderCount, missingRequiredFields, proposeColumns } from './columnMapping';
import type { DateOrderDecision, DayMonthOrder } from './dates';
import {
  DelimitedReader,
  isBlankRecord,
  UnbalancedQuoteError,
  type RawRecord,
} from './delimitedReader';
import { sniffDelimiter, type Delimiter } from './delimiter';
import {
  ENCODINGS_TRIED,
  isZip,
  looksBinary,
  sniffEncoding,
  type EncodingGuess,
  type TextEncodingName,
} from './encoding';
import type { ColumnMapping } from './fields';
import { usesDecimalComma } from './numbers';
import { UnreadableFileError } from './unreadable';
import { profileColumns, type ColumnProfile } from './unmappedColumns';
import { openXlsx } from './xlsx';

/** How much of a delimited file the probe reads to decide how to read the rest. */
export const PROBE_BYTES = 2 * 1024 * 1024;
/** How many rows of a sheet the probe reads. */
const PROBE_ROWS = 300;

/** How a file will be read: decided from its start, shown to the user, and overridable. */
export type FileProbe = {
  format: 'delimited' | 'xlsx';
  /** Delimited text only. */
  encoding: EncodingGuess | null;
  delimiter: Delimiter | null;
  /** Workbooks only: every sheet, and the one read. */
  sheets: string[];
  sheet: string | null;
  excelDates: boolean;
  /** The row (file line, or sheet row) of the header; title rows above it are skipped. */
  headerLine: number;
  headers: string[];
  mapping: ColumnMapping;
  /** A layout recognised as a whole (the declaration's box codes), said in the dialog. */
  layout: string | null;
  /** What each column's first cells are: for the warnings about unmapped columns and hand mapping. */
  columns: ColumnProfile[];
  missingRequired: string[];
  /** Null when the file's day/month dates cannot decide it: the user must choose. */
  dayMonthOrder: DayMonthOrder | null;
  /** `remembered`: a remembered layout's (set by the import's preview, never by the probe). */
  dayMonthOrderWhy: DateOrderDecision['why'] | 'remembered';
  decimalComma: boolean;
  defaultCurrency: string;
  /** The first records after the header, raw, for the preview. */
  preview: RawRecord[];
};

export type ProbeOverrides = {
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  sheet?: string;
  /** The header's row, where the detection chose wrongly. */
  headerLine?: number;
};

/** Finds the header row: the row naming the most known columns, else the first row of the usual width. */
export function findHeaderIndex(records: readonly RawRecord[]): number {
  let best = -1;
  let bestKnown = 1;
  records.slice(0, 50).forEach((record, index) => {
    const known = knownHeaderCount(record.cells);
    if (known > bestKnown) {
      best = index;
      bestKnown = known;
    }
  });
  if (best >= 0) return best;
  const widths = new Map<number, number>();
  for (const record of records)
    widths.set(record.cells.length, (widths.get(record.cells.length) ?? 0) + 1);
  const modal = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  return records.findIndex((record) => record.cells.length === modal);
}

type Layout = Pick<
  FileProbe,
  | 'headerLine'
  | 'headers'
  | 'mapping'
  | 'layout'
  | 'columns'
  | 'missingRequired'
  | 'dayMonthOrder'
  | 'dayMonthOrderWhy'
  | 'decimalComma'
  | 'defaultCurrency'
  | 'preview'
>;

/** What the first records of any file say: where the header is, what its columns mean, how values read. */
function describeRecords(
  fileName: string,
  records: readonly RawRecord[],
  complete: boolean,
  headerLine: number | undefined,
): Layout {
  const rows = records.filter((record) => !isBlankRecord(record.cells));
  const header =
    headerLine === undefined
      ? rows[findHeaderIndex(rows)]
      : rows.find((record) => record.line === headerLine);
  if (!header) {
    throw new UnreadableFileError(
      fileName,
      headerLine === undefined
        ? 'no header row was found'
        : `row ${headerLine} is blank or beyond the rows read`,
    );
  }
  const body = rows.slice(rows.indexOf(header) + 1);
  if (body.length === 0 && complete) {
    throw new UnreadableFileError(fileName, 'the file has a header but no records', header.line);
  }
  const headers = header.cells.map((cell) => cell.trim());
  const { mapping, layout, defaultCurrency } = proposeColumns(headers);
  const column = (index: number | null) =>
    index === null ? [] : body.slice(0, 2000).map((record) => record.cells[index] ?? '');
  const columns = profileColumns(
    headers.length,
    body.map((record) => record.cells),
  );
  const order: DateOrderDecision =
    mapping.date === null ? { order: 'MDY', why: 'not needed' } : columns[mapping.date].dateOrder;
  return {
    headerLine: header.line,
    headers,
    mapping,
    layout,
    columns,
    missingRequired: missingRequiredFields(mapping),
    dayMonthOrder: order.order,
    dayMonthOrderWhy: order.why,
    decimalComma: usesDecimalComma([...column(mapping.value), ...column(mapping.weightKg)]),
    defaultCurrency,
    preview: body.slice(0, 20),
  };
}

/**
 * Reads the start of a delimited file (`head`, at most PROBE_BYTES; `wholeFile` when that is all of
 * it) and decides how to read it. Throws UnreadableFileError for a file that cannot be imported.
 */
export function probeDelimited(
  fileName: string,
  head: Uint8Array,
  wholeFile: boolean,
  overrides: ProbeOverrides = {},
): FileProbe {
  if (head.length === 0) throw new UnreadableFileError(fileName, 'the file is empty');
  const sniffed = sniffEncoding(head);
  if (looksBinary(head, overrides.encoding ?? sniffed?.encoding ?? 'utf-8')) {
    throw new UnreadableFileError(
      fileName,
      'this is binary data, not a delimited text file or a workbook',
    );
  }
  const encoding: EncodingGuess | null = overrides.encoding
    ? { encoding: overrides.encoding, bom: sniffed?.bom ?? false, why: 'chosen by you' }
    : sniffed;
  if (!encoding) {
    throw new UnreadableFileError(
      fileName,
      `its text encoding could not be told: ${ENCODINGS_TRIED}. If you know its encoding, choose it`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder(encoding.encoding, { fatal: true }).decode(head, { stream: !wholeFile });
  } catch {
    throw new UnreadableFileError(
      fileName,
      `the bytes are not valid ${encoding.encoding}: choose another encoding`,
    );
  }
  const delimiter = overrides.delimiter ?? sniffDelimiter(text);
  const reader = new DelimitedReader(delimiter);
  let records = reader.push(text);
  if (wholeFile) {
    try {
      records = records.concat(reader.finish());
    } catch (error) {
      if (error instanceof UnbalancedQuoteError) {
        throw new UnreadableFileError(fileName, 'a quote opens here and never closes', error.line);
      }
      throw error;
    }
  }
  return {
    format: 'delimited',
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    excelDates: false,
    ...describeRecords(fileName, records, wholeFile, overrides.headerLine),
  };
}

/** Reads the first rows of a workbook's sheet (the first sheet unless one is chosen). */
export async function probeXlsx(
  fileName: string,
  bytes: Uint8Array,
  overrides: ProbeOverrides = {},
): Promise<FileProbe> {
  const book = openXlsx(fileName, bytes);
  const sheet = overrides.sheet ?? book.sheets[0]?.name ?? '';
  const records: RawRecord[] = [];
  await book.read(sheet, (rows) => void records.push(...rows), { maxRows: PROBE_ROWS });
  if (records.length === 0)
    throw new UnreadableFileError(fileName, `the sheet “${sheet}” is empty`);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets: book.sheets.map((candidate) => candidate.name),
    sheet,
    excelDates: true,
    ...describeRecords(fileName, records, records.length < PROBE_ROWS, overrides.headerLine),
  };
}

/** Probes any customs file: a zip signature means a workbook, anything else delimited text. */
export async function probeFile(
  fileName: string,
  head: Uint8Array,
  size: number,
  wholeBytes: () => Promise<Uint8Array>,
  overrides: ProbeOverrides = {},
): Promise<FileProbe> {
  if (size === 0) throw new UnreadableFileError(fileName, 'the file is empty');
  if (isZip(head)) {
    try {
      return await probeXlsx(fileName, await wholeBytes(), overrides);
    } catch (error) {
      if (error instanceof UnreadableFileError && !/zip|workbook/.test(error.reason)) throw error;
      throw new UnreadableFileError(
        fileName,
        'this is binary data, not a delimited text file or a workbook',
      );
    }
  }
  return probeDelimited(fileName, head, size <= head.length, overrides);
}
