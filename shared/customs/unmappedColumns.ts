/**
 * Columns left unmapped while they hold what a field would want: numbers where no weight or value is
 * mapped, dates where no date is, long text where no description is. Said by name in the import
 * dialog and by `npm run inspect`, so that a file never imports with its weights silently empty.
 */
import { decideDayMonthOrder, parseDate, type DateOrderDecision } from './dates';
import type { CanonicalField, ColumnMapping } from './fields';
import { parseNumber, usesDecimalComma } from './numbers';

/** What a column's cells mostly are, from the first records. */
type ColumnKind = 'numbers' | 'dates' | 'long text' | 'other';

/**
 * What a column's first cells say: their kind, and what they decide when the column is the date
 * column (its day/month order, whatever its kind: the probe's decision for the proposed one) or,
 * mapped by hand, a number column (its decimal comma).
 */
export type ColumnProfile = {
  kind: ColumnKind;
  dateOrder: DateOrderDecision;
  decimalComma: boolean;
};

/** As many rows as the probe decides the date order and decimal comma from. */
const SAMPLE_ROWS = 2000;

const isNumber = (text: string) =>
  Number.isFinite(parseNumber(text, true) ?? Number.NaN) ||
  Number.isFinite(parseNumber(text, false) ?? Number.NaN);

const isDate = (text: string) =>
  'days' in parseDate(text, 'DMY') || 'days' in parseDate(text, 'MDY');

/** Each column's kind: most of its non-empty cells (and at least half the rows) read so. */
function columnKind(cells: readonly string[], rows: number): ColumnKind {
  if (cells.length === 0 || cells.length < rows / 2) return 'other';
  const share = (test: (text: string) => boolean) => cells.filter(test).length / cells.length;
  if (share(isDate) >= 0.9) return 'dates';
  if (share(isNumber) >= 0.9) return 'numbers';
  const length = cells.reduce((sum, cell) => sum + [...cell].length, 0) / cells.length;
  return length >= 25 ? 'long text' : 'other';
}

/** Profiles each column from the first records (the probe's rows after the header). */
export function profileColumns(columnCount: number, rows: readonly string[][]): ColumnProfile[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  return Array.from({ length: columnCount }, (_, column) => {
    const cells = sample.map((cells) => (cells[column] ?? '').trim()).filter((cell) => cell !== '');
    const kind = columnKind(cells, sample.length);
    return {
      kind,
      dateOrder: decideDayMonthOrder(cells),
      decimalComma: kind === 'numbers' && usesDecimalComma(cells),
    };
  });
}

const weightHeader = /weight|kg|вес|масс|нетто|брутто|重|千克|公斤/iu;
const valueHeader = /value|amount|price|usd|eur|rub|стоим|сумм|цен|долл|руб|价|金额|美元/iu;

/** One sentence per unmapped column a mapped field would want, naming it. */
export function unmappedColumnWarnings(
  headers: readonly string[],
  columns: readonly Pick<ColumnProfile, 'kind'>[],
  mapping: ColumnMapping,
): string[] {
  const mapped = new Set(Object.values(mapping).filter((column) => column !== null));
  const free = (field: CanonicalField) => mapping[field] === null;
  const warnings: string[] = [];
  headers.forEach((header, column) => {
    if (mapped.has(column)) return;
    const name = header.trim() || `Column ${column + 1}`;
    const kind = columns[column]?.kind;
    let looks: string | null = null;
    if (kind === 'numbers') {
      if (weightHeader.test(header)) looks = free('weightKg') ? 'weights' : null;
      else if (valueHeader.test(header)) looks = free('value') ? 'values' : null;
      else if (free('weightKg') || free('value')) looks = 'numbers';
    } else if (kind === 'dates' && free('date')) looks = 'dates';
    else if (kind === 'long text' && free('description')) looks = 'descriptions';
    if (looks) warnings.push(`“${name}” looks like ${looks} and is not mapped.`);
  });
  return warnings;
}
