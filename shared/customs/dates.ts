/**
 * Shipment dates. Stored as days since 1970-01-01 (UTC), shown as ISO dates. Whether `03/04/2022` is
 * March or April is decided per file from its data, and shown to the user.
 */
export type DayMonthOrder = 'MDY' | 'DMY';

const MS_PER_DAY = 86_400_000;
const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
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

/** Excel's serial day numbers (1900 date system) to days since 1970. */
export const daysFromExcelSerial = (serial: number): number => Math.floor(serial) - 25_569;

/**
 * Decides day/month order from a file's dates: a first number above 12 means day first, a second
 * above 12 means month first. Undecided, slashes read month first (US exports) and dots day first.
 */
export function decideDayMonthOrder(samples: Iterable<string>): {
  order: DayMonthOrder;
  decided: boolean;
} {
  let dayFirst = 0;
  let monthFirst = 0;
  let dotted = 0;
  let slashed = 0;
  for (const sample of samples) {
    const match = numeric.exec(sample.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (sample.includes('.')) dotted += 1;
    else slashed += 1;
    if (first > 12 && second <= 12) dayFirst += 1;
    if (second > 12 && first <= 12) monthFirst += 1;
  }
  if (dayFirst > monthFirst) return { order: 'DMY', decided: true };
  if (monthFirst > dayFirst) return { order: 'MDY', decided: true };
  return { order: dotted > slashed ? 'DMY' : 'MDY', decided: false };
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
  const match = numeric.exec(text);
  if (match) {
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
