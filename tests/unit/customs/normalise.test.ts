import { describe, expect, it } from 'vitest';
import { countryCode } from '../../../shared/customs/countries';
import {
  daysFromExcelSerial,
  decideDayMonthOrder,
  isoFromDays,
  parseDate,
} from '../../../shared/customs/dates';
import { normaliseHsCode } from '../../../shared/customs/hsCode';
import { parseNumber, usesDecimalComma } from '../../../shared/customs/numbers';
import { partyKey, partyKeyMatches, partySearchWords } from '../../../shared/customs/partyKey';

const iso = (raw: string, order: 'MDY' | 'DMY') => {
  const result = parseDate(raw, order);
  return 'days' in result ? isoFromDays(result.days) : result.error;
};

describe('dates', () => {
  it.each([
    ['07/18/2022', 'MDY', '2022-07-18'],
    ['7/8/2022', 'MDY', '2022-07-08'],
    ['18.07.2022', 'DMY', '2022-07-18'],
    ['03.04.2022', 'DMY', '2022-04-03'],
    ['03/04/2022', 'MDY', '2022-03-04'],
    ['2022-03-07', 'MDY', '2022-03-07'],
    ['2023-07-13 00:00:00', 'MDY', '2023-07-13'],
    ['2023-07-13T23:59:59Z', 'DMY', '2023-07-13'],
    ['2024-02-29', 'MDY', '2024-02-29'],
  ] as const)('%s (%s) is %s', (raw, order, expected) => {
    expect(iso(raw, order)).toBe(expected);
  });

  it.each([
    ['02/31/2022', 'MDY', '“02/31/2022” is not a real date (month/day order)'],
    ['2023-02-29', 'MDY', '“2023-02-29” is not a real date'],
    ['13/01/2022', 'MDY', '“13/01/2022” is not a real date (month/day order)'],
    ['n/a', 'MDY', '“n/a” is not a date'],
    ['', 'MDY', 'no date'],
  ] as const)('%s (%s) is refused: %s', (raw, order, message) => {
    expect(iso(raw, order)).toBe(message);
  });

  it('decides day/month order per file from its data, and never guesses when it cannot', () => {
    const fromData = (order: string) => ({ order, why: 'from the data' });
    expect(decideDayMonthOrder(['07/18/2022', '02/10/2022'])).toEqual(fromData('MDY'));
    expect(decideDayMonthOrder(['18.07.2022', '10.02.2022'])).toEqual(fromData('DMY'));
    expect(decideDayMonthOrder(['18/07/2022', '01/02/2022'])).toEqual(fromData('DMY'));
    expect(decideDayMonthOrder(['2022/07/18', '2022.2.1', '20220301'])).toEqual(fromData('YMD'));
    const undecidable = { order: null, why: 'undecidable' };
    expect(decideDayMonthOrder(['01/02/2022'])).toEqual(undecidable);
    expect(decideDayMonthOrder(['01.02.2022', '12.11.2022'])).toEqual(undecidable);
    expect(decideDayMonthOrder(['2022-01-02', ''])).toEqual({ order: 'MDY', why: 'not needed' });
  });

  it('reads year-first dates as year, month, day in any order, and no day/month date as year-first', () => {
    expect(parseDate('2022/07/08', 'MDY')).toEqual(parseDate('2022-07-08', 'DMY'));
    expect(parseDate('20220708', 'DMY')).toEqual(parseDate('2022-07-08', 'DMY'));
    expect(parseDate('2022.7.8', 'YMD')).toEqual(parseDate('2022-07-08', 'DMY'));
    expect(parseDate('08.07.2022', 'YMD')).toEqual({
      error: '“08.07.2022” is not a year-first date',
    });
    expect(parseDate('20221308', 'DMY')).toEqual({ error: '“20221308” is not a real date' });
  });

  it('reads Excel serial dates', () => {
    expect(isoFromDays(daysFromExcelSerial(44760))).toBe('2022-07-18');
    expect(isoFromDays(daysFromExcelSerial(44760.75))).toBe('2022-07-18');
  });
});

describe('numbers', () => {
  it.each([
    ['12,500.00', false, 12500],
    ['15,549,554.00', false, 15549554],
    ['338751,00', true, 338751],
    ['338751.00', false, 338751],
    ['1 234 567,5', true, 1234567.5],
    ['1\u00a0234\u00a0567,50', true, 1234567.5],
    ['1\u202f234', false, 1234],
    ['1.234.567,50', false, 1234567.5],
    ['1.500', true, 1500],
    ['1,5', false, 1.5],
    ['8405', false, 8405],
    ['-40', false, -40],
    ['(12.5)', false, -12.5],
  ] as const)('%j (decimal comma: %s) is %d', (raw, decimalComma, expected) => {
    expect(parseNumber(raw, decimalComma)).toBe(expected);
  });

  it('gives null for an empty cell and NaN for what is not a number', () => {
    expect(parseNumber('  ', false)).toBeNull();
    expect(parseNumber('about 500', false)).toBeNaN();
    expect(parseNumber('1,2,3.4.5', false)).toBeNaN();
    expect(parseNumber('12kg', false)).toBeNaN();
  });

  it('decides decimal commas per file', () => {
    expect(usesDecimalComma(['338751,00', '15549554,00', '8405'])).toBe(true);
    expect(usesDecimalComma(['12,500.00', '338,751.00'])).toBe(false);
  });
});

describe('HS codes', () => {
  it.each([
    ['8807.30', '880730'],
    ['8802 12 0000', '8802120000'],
    ['88073000', '88073000'],
    ['0101', '0101'],
    ['', ''],
  ])('%j is %j', (raw, code) => {
    expect(normaliseHsCode(raw)).toEqual({ code });
  });

  it('refuses letters and impossible lengths', () => {
    expect(normaliseHsCode('88AB')).toHaveProperty('error');
    expect(normaliseHsCode('8')).toHaveProperty('error');
  });
});

describe('countries', () => {
  it.each([
    ['CHINA', 'CN'],
    ['China', 'CN'],
    ['КИТАЙ', 'CN'],
    ['РОССИЯ', 'RU'],
    ['Russian Federation', 'RU'],
    ['RU', 'RU'],
    ['CHN', 'CN'],
    ['Казахстан', 'KZ'],
    ['United Arab Emirates', 'AE'],
    ['ОАЭ', 'AE'],
    ['Hong Kong', 'HK'],
  ])('%s is %s', (raw, code) => {
    expect(countryCode(raw)).toBe(code);
  });

  it('is null for what is no country', () => {
    expect(countryCode('ATLANTIS')).toBeNull();
    expect(countryCode('XX')).toBeNull();
    expect(countryCode('')).toBeNull();
  });
});

describe('party keys', () => {
  it.each([
    ['POLY TECHNOLOGIES INC', 'POLY TECHNOLOGIES'],
    ['Poly Technologies, Inc.', 'POLY TECHNOLOGIES'],
    ['POLY TECHNOLOGIES INCORPORATED', 'POLY TECHNOLOGIES'],
    ['POLY TECHNOLOGY INC.', 'POLY TECHNOLOGY'],
    ['АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"', 'ULAN UDENSKIY AVIATSIONNYY ZAVOD'],
    ['JSC ULAN-UDE AVIATION PLANT', 'ULAN UDE AVIATION PLANT'],
    ['ООО «Восток-Импорт»', 'VOSTOK IMPORT'],
    ['OOO "TEKHNOSTROY"', 'TEKHNOSTROY'],
    ['NINGBO ORIENT MACHINERY CO., LTD.', 'NINGBO ORIENT MACHINERY'],
    ['AVIC INTL HOLDING CORP', 'AVIC INTL HOLDING'],
  ])('%s → %s', (raw, key) => {
    expect(partyKey(raw)).toBe(key);
  });

  it('meet a Latin spelling of a Russian name and its Cyrillic form', () => {
    expect(partyKey('ООО "ТЕХНОСТРОЙ"')).toBe(partyKey('OOO TEKHNOSTROY'));
  });

  it('are searched by every word, as parts of words', () => {
    const words = partySearchWords('poly tech');
    expect(words).toEqual(['POLY', 'TECH']);
    expect(partyKeyMatches(partyKey('POLY TECHNOLOGY INC.'), words)).toBe(true);
    expect(partyKeyMatches(partyKey('OOO MEGAPOLIS-ELEKTRO'), words)).toBe(false);
    expect(partyKeyMatches(partyKey('ООО «Поли»'), partySearchWords('Поли'))).toBe(true);
  });
});
