/**
 * Dates as sanctions lists give them: a day (`2022-03-15`), a month (`2022-03`) or a year
 * (`2013`). They are kept as given and compared honestly: a designation "from March 2022" certainly
 * covers a shipment of 20 April 2022, certainly not one of 20 February, and may or may not cover
 * one of 10 March; that last case is said to be uncertain, never counted as inside.
 */
import { daysFromParts } from '../customs/dates';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the list gave it (a timestamp is cut to its day). */
export type PartialDate = string;

const shape = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A list's date, tidied to one of the three forms; null when it is not a date. */
export function parsePartialDate(raw: string): PartialDate | null {
  const match = shape.exec(raw.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  const days = daysFromParts(Number(year), Number(month ?? 1), Number(day ?? 1));
  if (days === null) return null;
  return day ? `${year}-${month}-${day}` : month ? `${year}-${month}` : year;
}

/** The first and last day (days since 1970) a partial date can mean. */
export function dayRange(date: PartialDate): { first: number; last: number } {
  const [year, month, day] = date.split('-').map(Number);
  if (day) {
    const days = daysFromParts(year, month, day)!;
    return { first: days, last: days };
  }
  if (month) {
    const first = daysFromParts(year, month, 1)!;
    const next = month === 12 ? daysFromParts(year + 1, 1, 1)! : daysFromParts(year, month + 1, 1)!;
    return { first, last: next - 1 };
  }
  return { first: daysFromParts(year, 1, 1)!, last: daysFromParts(year, 12, 31)! };
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2022-03-15`, `March 2022`, `2013`: a partial date in words that say how precise it is. */
function partialDateText(date: PartialDate): string {
  const [year, month, day] = date.split('-');
  if (day) return date;
  if (month) return `${monthNames[Number(month) - 1]} ${year}`;
  return year;
}

/** A designation's period: from its start, to its end where it was delisted. */
export type Period = { start: PartialDate | null; end: PartialDate | null };

/**
 * Where a day falls against a period: `inside` (certainly on or after its start and, where it has
 * an end, on or before it), `outside` (certainly not), or `uncertain` (within the month or year a
 * partial start or end leaves open). A period with no known start is uncertain before its end.
 */
export type PeriodPlace = 'inside' | 'outside' | 'uncertain';

export function placeInPeriod(day: number, period: Period): PeriodPlace {
  return placeInDays(day, periodDays(period));
}

/** A period's start and end as the days they can mean: worked out once, for many days to place. */
export type PeriodDays = {
  start: { first: number; last: number } | null;
  end: { first: number; last: number } | null;
};

export const periodDays = (period: Period): PeriodDays => ({
  start: period.start ? dayRange(period.start) : null,
  end: period.end ? dayRange(period.end) : null,
});

/** placeInPeriod, for a period whose days are already worked out. */
export function placeInDays(day: number, { start, end }: PeriodDays): PeriodPlace {
  if (start && day < start.first) return 'outside';
  if (end && day > end.last) return 'outside';
  if (!start || day < start.last) return 'uncertain';
  if (end && day > end.first) return 'uncertain';
  return 'inside';
}

/** `from 2022-03-15`, `in or after March 2022`, `from 2016-04-01 to 2019-12-31`. */
export function periodText(period: Period): string {
  const start = period.start
    ? period.start.length === 10
      ? `from ${period.start}`
      : `in or after ${partialDateText(period.start)}`
    : 'from an unknown date';
  if (!period.end) return start;
  const end =
    period.end.length === 10
      ? `to ${period.end}`
      : `until some time in ${partialDateText(period.end)}`;
  return `${start} ${end}`;
}

/** Whether a period is over as of a day (a snapshot's date): delisted, to be shown as past. */
export const periodEndedBy = (period: Period, day: number): boolean =>
  period.end !== null && dayRange(period.end).last < day;
