/**
 * Shipment dates. Stored as days since 1970-01-01 (UTC), shown as ISO dates. Whether `03/04/2022` is
 * March or April is decided per file from its data and shown to the user; where the data cannot
 * decide (every day 12 or less), the user decides: it is never guessed.
 */
export type DayMonthOrder = 'MDY' | 'DMY' | 'YMD';

export const dayMonthOrders: readonly DayMonthOrder[] = ['DMY', 'MDY', 'YMD'];

export const dayMonthOrderNames: Record<DayMonthOrder, string> = {
  DMY: 'Day first (03.04.2022 is 3 April)',
  MDY: 'Month first (03/04/2022 is 4 March)',
  YMD: 'Year first (2022/04/03 is 3 April)',
};

const MS_PER_DAY = 86_400_000;
const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
/** `2022/03/15`, `2022.3.15`, `20220315`: year first is read as year, month, day whatever the order. */
const yearFirst = /^(\d{4})(?:[./](\d{1,2})[./](\d{1,2})|(\d{2})(\d{2}))$/;
const iso =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function daysFromParts(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 31 February over into March: a real date round-trips.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return time / MS_PER_DAY;
}

export const isoFromDays = (days: number): string =>
  new Date(days * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * The month a day falls in, as `year * 12 + month - 1`, by integer arithmetic (no Date object: this
 * runs once per row). Howard Hinnant's days-to-civil algorithm.
 */
export function monthFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month numbered as `monthFromDays` numbers them. */
export const isoMonth = (month: number): string =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;

/** A `YYYY-MM-DD` date as days since 1970 (NaN for anything else). */
export const daysFromIso = (date: string): number =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(date) / MS_PER_DAY : Number.NaN;

/** Excel's serial day numbers (1900 date system) to days since 1970. */
export const daysFromExcelSerial = (serial: number): number => Math.floor(serial) - 25_569;

/**
 * How a file's day/month order was decided: `from the data` (a first number above 12 means day
 * first, a second above 12 month first; year-first dates are year, month, day), `not needed` (no
 * day/month dates: ISO dates, Excel dates, none), or `undecidable` (every day/month date has both
 * numbers at most 12: the user must choose).
 */
export type DateOrderDecision =
  | { order: DayMonthOrder; why: 'from the data' | 'not needed' }
  | { order: null; why: 'undecidable' };

export function decideDayMonthOrder(samples: Iterable<string>): DateOrderDecision {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  let yearFirstDates = 0;
  for (const sample of samples) {
    const text = sample.trim();
    if (yearFirst.test(text)) yearFirstDates += 1;
    const match = numeric.exec(text);
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) dayFirst += 1;
    else if (second > 12 && first <= 12) monthFirst += 1;
    else ambiguous += 1;
  }
  if (dayFirst > monthFirst) return { order: 'DMY', why: 'from the data' };
  if (monthFirst > dayFirst) return { order: 'MDY', why: 'from the data' };
  if (ambiguous > 0) return { order: null, why: 'undecidable' };
  if (yearFirstDates > 0) return { order: 'YMD', why: 'from the data' };
  return { order: 'MDY', why: 'not needed' };
}

export type DateResult = { days: number } | { error: string };

/**
 * `excelDates`: the file is a workbook, whose date cells hold Excel serial day numbers.
 */
export function parseDate(raw: string, order: DayMonthOrder, excelDates = false): DateResult {
  const text = raw.trim();
  if (text === '') return { error: 'no date' };
  if (excelDates && /^\d{1,7}(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    // 1 is 1900-01-01 and 2958465 is 9999-12-31, Excel's own range.
    return serial >= 1 && serial <= 2_958_465
      ? { days: daysFromExcelSerial(serial) }
      : { error: `“${text}” is not a date` };
  }
  const isoMatch = iso.exec(text);
  if (isoMatch) {
    const days = daysFromParts(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return days === null ? { error: `“${text}” is not a real date` } : { days };
  }
  const yearMatch = yearFirst.exec(text);
  if (yearMatch) {
    const [, year, month = yearMatch[4], day = yearMatch[5]] = yearMatch;
    const days = daysFromParts(Number(year), Number(month), Number(day));
    return days === null ? { error: `“${text}” is not a real date` } : { days };
  }
  const match = numeric.exec(text);
  if (match) {
    if (order === 'YMD') return { error: `“${text}” is not a year-first date` };
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const days =
      order === 'MDY' ? daysFromParts(year, first, second) : daysFromParts(year, second, first);
    return days === null
      ? {
          error: `“${text}” is not a real date (${order === 'MDY' ? 'month/day' : 'day.month'} order)`,
        }
      : { days };
  }
  return { error: `“${text.slice(0, 40)}” is not a date` };
}
