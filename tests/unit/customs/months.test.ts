import { describe, expect, it } from 'vitest';
import { isoFromDays, isoMonth, monthFromDays } from '../../../shared/customs/dates';

describe('the month of a day, by integer arithmetic', () => {
  it('agrees with the calendar on every day from 1887 to 2189', () => {
    // The days that disagree, checked once at the end: two expect() calls a day took 3.8 s of the
    // test's 5 s limit under load.
    const wrong: string[] = [];
    for (let days = -30_000; days <= 80_000; days += 1) {
      const iso = isoFromDays(days);
      const date = new Date(iso);
      const month = monthFromDays(days);
      if (month !== date.getUTCFullYear() * 12 + date.getUTCMonth()) wrong.push(`${iso}: ${month}`);
      if (isoMonth(month) !== iso.slice(0, 7)) wrong.push(`${iso}: ${isoMonth(month)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('places leap days and the turn of a year', () => {
    expect(isoMonth(monthFromDays(Date.UTC(2024, 1, 29) / 86_400_000))).toBe('2024-02');
    expect(isoMonth(monthFromDays(Date.UTC(2000, 2, 1) / 86_400_000))).toBe('2000-03');
    expect(isoMonth(monthFromDays(Date.UTC(2022, 11, 31) / 86_400_000))).toBe('2022-12');
    expect(isoMonth(monthFromDays(Date.UTC(2023, 0, 1) / 86_400_000))).toBe('2023-01');
    expect(isoMonth(monthFromDays(-1))).toBe('1969-12');
  });
});
