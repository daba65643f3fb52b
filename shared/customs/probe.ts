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

/** The records that are not blank. */
const nonBlank = (records: readonly RawRecord[]) =>
  records.filter((record) => !isBlankRecord(record.cells));

/** The header's record among `rows` (none blank): the one on `headerLine`, else the one detected. */
function headerRecord(
  fileName: string,
  rows: readonly RawRecord[],
  headerLine: number | undefined,
): RawRecord {
  const header =
    headerLine === undefined
      ? rows[findHeaderIndex(rows)]
      : rows.find((record) => record.line === headerLine);
  if (header) return header;
  throw new UnreadableFileError(
    fileName,
    headerLine === undefined
      ? 'no header row was found'
      : `row ${headerLine} is blank or beyond the rows read`,
  );
}

/** The header's cells as the file's columns are named. */
const headerCells = (header: RawRecord) => header.cells.map((cell) => cell.trim());

/** What the first records of any file say: where the header is, what its columns mean, how values read. */
function describeRecords(
  fileName: string,
  records: readonly RawRecord[],
  complete: boolean,
  headerLine: number | undefined,
): Layout {
  const rows = nonBlank(records);
  const header = headerRecord(fileName, rows, headerLine);
  const body = rows.slice(rows.indexOf(header) + 1);
  if (body.length === 0 && complete) {
    throw new UnreadableFileError(fileName, 'the file has a header but no records', header.line);
  }
  const headers = headerCells(header);
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

/** A delimited file's start decoded, in the encoding and with the delimiter chosen or detected. */
function openHead(
  fileName: string,
  head: Uint8Array,
  wholeFile: boolean,
  overrides: ProbeOverrides,
) {
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
  return { encoding, delimiter, text };
}

/** The last records of a whole file; where a quote opens and never closes, says on which row. */
function finishWhole(fileName: string, reader: DelimitedReader): RawRecord[] {
  try {
    return reader.finish();
  } catch (error) {
    if (error instanceof UnbalancedQuoteError) {
      throw new UnreadableFileError(fileName, 'a quote opens here and never closes', error.line);
    }
    throw error;
  }
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
  const { encoding, delimiter, text } = openHead(fileName, head, wholeFile, overrides);
  const reader = new DelimitedReader(delimiter);
  let records = reader.push(text);
  if (wholeFile) records = records.concat(finishWhole(fileName, reader));
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

/** The first rows of a workbook's sheet (the first sheet unless one is chosen). */
async function sheetStart(fileName: string, bytes: Uint8Array, overrides: ProbeOverrides) {
  const book = openXlsx(fileName, bytes);
  const sheet = overrides.sheet ?? book.sheets[0]?.name ?? '';
  const records: RawRecord[] = [];
  await book.read(sheet, (rows) => void records.push(...rows), { maxRows: PROBE_ROWS });
  if (records.length === 0)
    throw new UnreadableFileError(fileName, `the sheet “${sheet}” is empty`);
  return { sheets: book.sheets.map((candidate) => candidate.name), sheet, records };
}

/** Reads the first rows of a workbook's sheet (the first sheet unless one is chosen). */
export async function probeXlsx(
  fileName: string,
  bytes: Uint8Array,
  overrides: ProbeOverrides = {},
): Promise<FileProbe> {
  const { sheets, sheet, records } = await sheetStart(fileName, bytes, overrides);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets,
    sheet,
    excelDates: true,
    ...describeRecords(fileName, records, records.length < PROBE_ROWS, overrides.headerLine),
  };
}

/**
 * Reads a workbook with `xlsx`, anything else with `delimited` (its start, whole when that is all of
 * it): a zip signature means a workbook.
 */
async function probeEither<T>(
  fileName: string,
  head: Uint8Array,
  size: number,
  wholeBytes: () => Promise<Uint8Array>,
  read: {
    xlsx: (bytes: Uint8Array) => Promise<T>;
    delimited: (head: Uint8Array, wholeFile: boolean) => T;
  },
): Promise<T> {
  if (size === 0) throw new UnreadableFileError(fileName, 'the file is empty');
  if (isZip(head)) {
    try {
      return await read.xlsx(await wholeBytes());
    } catch (error) {
      if (error instanceof UnreadableFileError && !/zip|workbook/.test(error.reason)) throw error;
      throw new UnreadableFileError(
        fileName,
        'this is binary data, not a delimited text file or a workbook',
      );
    }
  }
  return read.delimited(head, size <= head.length);
}

/** Probes any customs file: how to read it, and what the import dialog shows of it. */
export const probeFile = (
  fileName: string,
  head: Uint8Array,
  size: number,
  wholeBytes: () => Promise<Uint8Array>,
  overrides: ProbeOverrides = {},
): Promise<FileProbe> =>
  probeEither(fileName, head, size, wholeBytes, {
    xlsx: (bytes) => probeXlsx(fileName, bytes, overrides),
    delimited: (start, wholeFile) => probeDelimited(fileName, start, wholeFile, overrides),
  });

/** How a file is read once its header row is chosen: what an import needs of its probe. */
export type ReadingProbe = Pick<
  FileProbe,
  'format' | 'encoding' | 'delimiter' | 'sheet' | 'excelDates' | 'headers'
>;

/** Text parsed at a time while looking for a chosen header row, which most files have on top. */
const HEADER_SEARCH_CHARS = 64 * 1024;

/** The record on `headerLine` (not blank), parsed from the start of `text` only as far as it is. */
function headerOnLine(
  fileName: string,
  reader: DelimitedReader,
  text: string,
  wholeFile: boolean,
  headerLine: number,
): RawRecord {
  for (let from = 0; from < text.length;) {
    const lineEnd = text.indexOf('\n', from + HEADER_SEARCH_CHARS);
    const to = lineEnd === -1 ? text.length : lineEnd + 1;
    const records = reader.push(text.slice(from, to));
    from = to;
    if (records.some((record) => record.line >= headerLine))
      return headerRecord(fileName, nonBlank(records), headerLine);
  }
  const last = wholeFile ? finishWhole(fileName, reader) : [];
  return headerRecord(fileName, nonBlank(last), headerLine);
}

/**
 * Decides how to read a file whose header row is chosen (an import's, after its preview), with
 * what it needs only: the preview's column profiles and proposals are not made again (they took
 * 0.15 s of a 200,000-row import), and a delimited file is parsed only as far as its header.
 */
export const probeForReading = (
  fileName: string,
  head: Uint8Array,
  size: number,
  wholeBytes: () => Promise<Uint8Array>,
  overrides: ProbeOverrides & { headerLine: number },
): Promise<ReadingProbe> =>
  probeEither<ReadingProbe>(fileName, head, size, wholeBytes, {
    async xlsx(bytes) {
      const { sheet, records } = await sheetStart(fileName, bytes, overrides);
      const header = headerRecord(fileName, nonBlank(records), overrides.headerLine);
      return {
        format: 'xlsx',
        encoding: null,
        delimiter: null,
        sheet,
        excelDates: true,
        headers: headerCells(header),
      };
    },
    delimited(start, wholeFile) {
      const { encoding, delimiter, text } = openHead(fileName, start, wholeFile, overrides);
      const reader = new DelimitedReader(delimiter);
      const header = headerOnLine(fileName, reader, text, wholeFile, overrides.headerLine);
      return {
        format: 'delimited',
        encoding,
        delimiter,
        sheet: null,
        excelDates: false,
        headers: headerCells(header),
      };
    },
  });
