import { countryCode } from './countries';
import { parseDate, type DayMonthOrder } from './dates';
import { fieldLabels, type CanonicalField, type ColumnMapping } from './fields';
import { normaliseHsCode } from './hsCode';
import { parseNumber } from './numbers';
import { partyKey } from './partyKey';
import type { RowProblem, Shipment } from './shipment';

/** How a file's rows are read: decided from the file, shown to the user, and overridable. */
export type RowSettings = {
  mapping: ColumnMapping;
  columnCount: number;
  dayMonthOrder: DayMonthOrder;
  decimalComma: boolean;
  defaultCurrency: string;
  /** The file is a workbook: numbers in the date column are Excel serial dates. */
  excelDates: boolean;
};

const cell = (cells: readonly string[], mapping: ColumnMapping, field: CanonicalField): string => {
  const index = mapping[field];
  return index === null ? '' : (cells[index] ?? '').trim();
};

function readAmount(
  cells: readonly string[],
  settings: RowSettings,
  field: 'weightKg' | 'value',
  problems: RowProblem[],
): number {
  const raw = cell(cells, settings.mapping, field);
  const value = parseNumber(raw, settings.decimalComma);
  if (value === null) return Number.NaN;
  if (Number.isNaN(value)) {
    problems.push({
      field,
      code: 'bad-number',
      message: `${fieldLabels[field]} “${raw.slice(0, 40)}” is not a number`,
    });
  } else if (value < 0) {
    problems.push({
      field,
      code: 'negative-number',
      message: `${fieldLabels[field]} ${raw} is negative`,
    });
  }
  return value;
}

/** ISO 4217's numeric codes, as declarations write box 22 (`840` is US dollars). */
// prettier-ignore
const numericCurrencies: Record<string, string> = {
  '840': 'USD', '978': 'EUR', '643': 'RUB', '810': 'RUB', '156': 'CNY', '826': 'GBP', '392': 'JPY',
  '398': 'KZT', '933': 'BYN', '784': 'AED', '949': 'TRY', '356': 'INR', '344': 'HKD', '756': 'CHF',
};

const currencyCode = (text: string): string => numericCurrencies[text] ?? text;

/** Normalises one record, or says every reason it cannot be accepted. */
export function normaliseRow(
  rowNumber: number,
  cells: string[],
  settings: RowSettings,
): { shipment: Shipment } | { problems: RowProblem[] } {
  if (cells.length !== settings.columnCount) {
    return {
      problems: [
        {
          field: 'row',
          code: 'column-count',
          message: `${cells.length} columns where the header has ${settings.columnCount}`,
        },
      ],
    };
  }
  const { mapping } = settings;
  const problems: RowProblem[] = [];
  const date = parseDate(cell(cells, mapping, 'date'), settings.dayMonthOrder, settings.excelDates);
  if ('error' in date) {
    problems.push({
      field: 'date',
      code: date.error === 'no date' ? 'missing-date' : 'bad-date',
      message: date.error,
    });
  }
  const shipper = cell(cells, mapping, 'shipper');
  const consignee = cell(cells, mapping, 'consignee');
  if (shipper === '' && consignee === '') {
    problems.push({
      field: 'shipper',
      code: 'missing-party',
      message: 'neither a shipper nor a consignee',
    });
  }
  const hs = normaliseHsCode(cell(cells, mapping, 'hsCode'));
  if ('error' in hs) problems.push({ field: 'hsCode', code: 'bad-hs-code', message: hs.error });
  const weightKg = readAmount(cells, settings, 'weightKg', problems);
  const value = readAmount(cells, settings, 'value', problems);
  const currencyCell = currencyCode(cell(cells, mapping, 'currency').toUpperCase());
  if (currencyCell !== '' && !/^[A-Z]{3}$/.test(currencyCell)) {
    problems.push({
      field: 'currency',
      code: 'bad-currency',
      message: `“${currencyCell.slice(0, 20)}” is not a currency code`,
    });
  }
  if (problems.length > 0 || 'error' in date || 'error' in hs) return { problems };
  const origin = cell(cells, mapping, 'originCountry');
  const destination = cell(cells, mapping, 'destinationCountry');
  return {
    shipment: {
      rowNumber,
      declarationId: cell(cells, mapping, 'declarationId'),
      billOfLading: cell(cells, mapping, 'billOfLading'),
      date: date.days,
      shipper,
      consignee,
      shipperKey: partyKey(shipper),
      consigneeKey: partyKey(consignee),
      originCountry: origin === '' ? '' : (countryCode(origin) ?? ''),
      destinationCountry: destination === '' ? '' : (countryCode(destination) ?? ''),
      hsCode: hs.code,
      description: cell(cells, mapping, 'description'),
      weightKg,
      value,
      currency: currencyCell || settings.defaultCurrency,
      duplicateOf: 0,
      cells,
    },
  };
}
