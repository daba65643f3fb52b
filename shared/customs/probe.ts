import {
  knownHeaderCount,
  missingRequiredFields,
  proposeMapping,
  currencyFromHeader,
} from './columnMapping';
import { decideDayMonthOrder, type DayMonthOrder } from './dates';
import {
  DelimitedReader,
  isBlankRecord,
  UnbalancedQuoteError,
  type RawRecord,
} from './delimitedReader';
import { sniffDelimiter, type Delimiter } from './delimiter';
import {
  isZip,
  looksBinary,
  sniffEncoding,
  type EncodingGuess,
  type TextEncodingName,
} from './encoding';
import type { ColumnMapping } from './fields';
import { usesDecimalComma } from './numbers';
import { UnreadableFileError } from './unreadable';

/** How much of a file the probe reads to decide how to read the rest. */
export const PROBE_BYTES = 2 * 1024 * 1024;

export type DelimitedProbe = {
  format: 'delimited';
  encoding: EncodingGuess;
  delimiter: Delimiter;
  /** The file line of the header row (title rows above it are skipped). */
  headerLine: number;
  headers: string[];
  mapping: ColumnMapping;
  missingRequired: string[];
  dayMonthOrder: DayMonthOrder;
  dayMonthOrderDecided: boolean;
  decimalComma: boolean;
  defaultCurrency: string;
  /** The first records after the header, raw, for the preview. */
  preview: RawRecord[];
};

export type ProbeOverrides = { encoding?: TextEncodingName; delimiter?: Delimiter };

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

/**
 * Reads the start of a delimited file (`head`, at most PROBE_BYTES; `wholeFile` when that is all of
 * it) and decides how to read it. Throws UnreadableFileError for a file that cannot be imported.
 */
export function probeDelimited(
  fileName: string,
  head: Uint8Array,
  wholeFile: boolean,
  overrides: ProbeOverrides = {},
): DelimitedProbe {
  if (head.length === 0) throw new UnreadableFileError(fileName, 'the file is empty');
  const sniffed = sniffEncoding(head);
  const encoding: EncodingGuess = overrides.encoding
    ? { encoding: overrides.encoding, bom: sniffed.bom, why: 'chosen by you' }
    : sniffed;
  if (isZip(head) || looksBinary(head, encoding.encoding)) {
    throw new UnreadableFileError(
      fileName,
      'this is binary data, not a delimited text file or a workbook',
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
  const rows = records.filter((record) => !isBlankRecord(record.cells));
  const headerIndex = findHeaderIndex(rows);
  const header = rows[headerIndex];
  if (!header) throw new UnreadableFileError(fileName, 'no header row was found');
  const body = rows.slice(headerIndex + 1);
  if (body.length === 0 && wholeFile) {
    throw new UnreadableFileError(fileName, 'the file has a header but no records', header.line);
  }
  const headers = header.cells.map((cell) => cell.trim());
  const mapping = proposeMapping(headers);
  const column = (index: number | null) =>
    index === null ? [] : body.slice(0, 2000).map((record) => record.cells[index] ?? '');
  const order = decideDayMonthOrder(column(mapping.date));
  return {
    format: 'delimited',
    encoding,
    delimiter,
    headerLine: header.line,
    headers,
    mapping,
    missingRequired: missingRequiredFields(mapping),
    dayMonthOrder: order.order,
    dayMonthOrderDecided: order.decided,
    decimalComma: usesDecimalComma([...column(mapping.value), ...column(mapping.weightKg)]),
    defaultCurrency:
      currencyFromHeader(mapping.value === null ? undefined : headers[mapping.value]) ?? '',
    preview: body.slice(0, 20),
  };
}
