/**
 * The shipment engine's in-memory index: every loaded dataset's columns side by side, with text
 * columns dictionary-encoded across blocks, so that filters scan typed arrays and match words once
 * per distinct value rather than once per row. Runs in a worker; pure, so it is tested in Node.
 */
import { foldForSearch } from '../claimFilter';
import { countryCode } from './countries';
import { daysFromParts, isoFromDays } from './dates';
import {
  dictionaryColumns,
  type Dataset,
  type DictionaryColumn,
  type ShipmentBlock,
} from './dataset';
import { partyKey, partyKeyMatches, partySearchWords } from './partyKey';
import type { ShipmentFilter, ShipmentSort } from './shipmentFilter';

export type ShipmentRow = {
  index: number;
  datasetId: string;
  datasetName: string;
  blockNo: number;
  blockRow: number;
  rowNumber: number;
  declarationId: string;
  date: string;
  shipper: string;
  consignee: string;
  originCountry: string;
  destinationCountry: string;
  hsCode: string;
  description: string;
  weightKg: number | null;
  value: number | null;
  currency: string;
  duplicateOf: number | null;
};

export type QuerySummary = {
  count: number;
  /** Total value per currency (never summed across currencies), and how many rows carry a value. */
  valueByCurrency: { currency: string; total: number; rows: number }[];
  totalWeightKg: number;
};

class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }
}

const isoDay = (text: string): number | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? daysFromParts(Number(match[1]), Number(match[2]), Number(match[3])) : null;
};
const numberOrNull = (text: string): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text.replace(/[\s,]/g, ''));
  return Number.isFinite(value) ? value : null;
};

export class ShipmentIndex {
  readonly count: number;
  private readonly datasets: Dataset[];
  private readonly dataset: Uint16Array;
  private readonly blockNo: Int32Array;
  private readonly blockRow: Int32Array;
  private readonly rowNumber: Int32Array;
  private readonly date: Int32Array;
  private readonly weightKg: Float64Array;
  private readonly value: Float64Array;
  private readonly duplicateOf: Int32Array;
  private readonly declarationId: string[];
  /** Shipper and consignee share one dictionary of party spellings. */
  private readonly columns: Record<DictionaryColumn, Uint32Array>;
  private readonly dicts: Record<
    'party' | 'country' | 'hsCode' | 'description' | 'currency',
    Dictionary
  >;
  private partyKeys: string[] | null = null;
  private foldedDescriptions: string[] | null = null;
  private readonly orders = new Map<ShipmentSort['column'], Int32Array>();

  constructor(datasets: Dataset[], blocks: Iterable<ShipmentBlock>, total: number) {
    this.datasets = datasets;
    const datasetIndex = new Map(datasets.map((dataset, index) => [dataset.id, index]));
    this.dataset = new Uint16Array(total);
    this.blockNo = new Int32Array(total);
    this.blockRow = new Int32Array(total);
    this.rowNumber = new Int32Array(total);
    this.date = new Int32Array(total);
    this.weightKg = new Float64Array(total);
    this.value = new Float64Array(total);
    this.duplicateOf = new Int32Array(total);
    this.declarationId = new Array<string>(total);
    this.columns = Object.fromEntries(
      dictionaryColumns.map((column) => [column, new Uint32Array(total)]),
    ) as Record<DictionaryColumn, Uint32Array>;
    this.dicts = {
      party: new Dictionary(),
      country: new Dictionary(),
      hsCode: new Dictionary(),
      description: new Dictionary(),
      currency: new Dictionary(),
    };
    const dictOf: Record<DictionaryColumn, Dictionary> = {
      shipper: this.dicts.party,
      consignee: this.dicts.party,
      originCountry: this.dicts.country,
      destinationCountry: this.dicts.country,
      hsCode: this.dicts.hsCode,
      description: this.dicts.description,
      currency: this.dicts.currency,
    };
    let at = 0;
    for (const block of blocks) {
      const datasetNo = datasetIndex.get(block.datasetId);
      if (datasetNo === undefined || at + block.count > total) continue;
      this.dataset.fill(datasetNo, at, at + block.count);
      this.blockNo.fill(block.blockNo, at, at + block.count);
      for (let row = 0; row < block.count; row += 1) this.blockRow[at + row] = row;
      this.rowNumber.set(block.rowNumber, at);
      this.date.set(block.date, at);
      this.weightKg.set(block.weightKg, at);
      this.value.set(block.value, at);
      this.duplicateOf.set(block.duplicateOf, at);
      for (let row = 0; row < block.count; row += 1)
        this.declarationId[at + row] = block.declarationId[row] ?? '';
      for (const column of dictionaryColumns) {
        const globalIds = block.dict[column].map((text) => dictOf[column].id(text));
        const source = block[column];
        const target = this.columns[column];
        for (let row = 0; row < block.count; row += 1)
          target[at + row] = globalIds[source[row] ?? 0] ?? 0;
      }
      at += block.count;
    }
    this.count = at;
  }

  /** Row indexes in the order of a sort column (computed once per column, then reused). */
  private order(column: ShipmentSort['column']): Int32Array {
    const cached = this.orders.get(column);
    if (cached) return cached;
    const order = new Int32Array(this.count);
    for (let index = 0; index < this.count; index += 1) order[index] = index;
    if (column !== 'row') {
      const key = column === 'date' ? this.date : column === 'value' ? this.value : this.weightKg;
      // Empty values (NaN) sort last; ties keep file order.
      order.sort((a, b) => {
        const ka = key[a] ?? 0;
        const kb = key[b] ?? 0;
        if (Number.isNaN(ka)) return Number.isNaN(kb) ? a - b : 1;
        if (Number.isNaN(kb)) return -1;
        return ka - kb || a - b;
      });
    }
    this.orders.set(column, order);
    return order;
  }

  /**
   * Marks the rows that pass the filter, one tight pass over a typed column per condition (much
   * faster than a closure per row); null when nothing is filtered.
   */
  private mask(filter: ShipmentFilter): Uint8Array | null {
    const count = this.count;
    let mask: Uint8Array | null = null;
    const keep = (passes: (index: number) => boolean) => {
      if (!mask) {
        mask = new Uint8Array(count);
        for (let index = 0; index < count; index += 1) mask[index] = passes(index) ? 1 : 0;
      } else {
        for (let index = 0; index < count; index += 1)
          if (mask[index] === 1 && !passes(index)) mask[index] = 0;
      }
    };
    /** Keeps the rows whose dictionary id in `column` is marked in `hits`. */
    const keepIds = (column: Uint32Array, hits: Uint8Array) =>
      keep((index) => hits[column[index]] === 1);

    const words = partySearchWords(filter.party);
    if (words.length > 0) {
      this.partyKeys ??= this.dicts.party.values.map(partyKey);
      const hits = Uint8Array.from(this.partyKeys, (key) => (partyKeyMatches(key, words) ? 1 : 0));
      const { shipper, consignee } = this.columns;
      if (filter.partyRole === 'shipper') keepIds(shipper, hits);
      else if (filter.partyRole === 'consignee') keepIds(consignee, hits);
      else keep((index) => hits[shipper[index]] === 1 || hits[consignee[index]] === 1);
    }
    const from = isoDay(filter.dateFrom);
    const to = isoDay(filter.dateTo);
    if (from !== null || to !== null) {
      const low = from ?? -Infinity;
      const high = to ?? Infinity;
      const dates = this.date;
      keep((index) => dates[index] >= low && dates[index] <= high);
    }
    const hsPrefix = filter.hsPrefix.replace(/\D/g, '');
    if (hsPrefix) {
      keepIds(
        this.columns.hsCode,
        Uint8Array.from(this.dicts.hsCode.values, (code) => (code.startsWith(hsPrefix) ? 1 : 0)),
      );
    }
    for (const [field, column] of [
      [filter.originCountry, this.columns.originCountry],
      [filter.destinationCountry, this.columns.destinationCountry],
    ] as const) {
      if (!field.trim()) continue;
      const code = countryCode(field) ?? field.trim().toUpperCase();
      keepIds(
        column,
        Uint8Array.from(this.dicts.country.values, (value) => (value === code ? 1 : 0)),
      );
    }
    if (filter.datasetIds.length > 0) {
      const wanted = Uint8Array.from(this.datasets, (dataset) =>
        filter.datasetIds.includes(dataset.id) ? 1 : 0,
      );
      const datasetOf = this.dataset;
      keep((index) => wanted[datasetOf[index]] === 1);
    }
    const descriptionWords = foldForSearch(filter.words).split(/\s+/).filter(Boolean);
    if (descriptionWords.length > 0) {
      this.foldedDescriptions ??= this.dicts.description.values.map(foldForSearch);
      const hits = Uint8Array.from(this.foldedDescriptions, (text) =>
        descriptionWords.every((word) => text.includes(word)) ? 1 : 0,
      );
      keepIds(this.columns.description, hits);
    }
    for (const [min, max, column] of [
      [numberOrNull(filter.valueMin), numberOrNull(filter.valueMax), this.value],
      [numberOrNull(filter.weightMin), numberOrNull(filter.weightMax), this.weightKg],
    ] as const) {
      if (min === null && max === null) continue;
      const low = min ?? -Infinity;
      const high = max ?? Infinity;
      keep((index) => column[index] >= low && column[index] <= high);
    }
    return mask;
  }

  /** The matching rows in sort order, with their count and totals. */
  query(filter: ShipmentFilter, sort: ShipmentSort): { rows: Int32Array; summary: QuerySummary } {
    const mask = this.mask(filter);
    const order = this.order(sort.column);
    const count = this.count;
    const rows = new Int32Array(mask ? mask.reduce((sum, bit) => sum + bit, 0) : count);
    const currencies = this.columns.currency;
    const totals = new Float64Array(this.dicts.currency.values.length);
    const valued = new Int32Array(this.dicts.currency.values.length);
    let found = 0;
    let totalWeightKg = 0;
    const ascending = sort.direction === 'asc';
    for (let step = 0; step < count; step += 1) {
      const index = order[ascending ? step : count - 1 - step];
      if (mask && mask[index] === 0) continue;
      rows[found] = index;
      found += 1;
      const value = this.value[index];
      if (!Number.isNaN(value)) {
        const currency = currencies[index];
        totals[currency] += value;
        valued[currency] += 1;
      }
      const weight = this.weightKg[index];
      if (!Number.isNaN(weight)) totalWeightKg += weight;
    }
    const valueByCurrency: QuerySummary['valueByCurrency'] = [];
    valued.forEach((rowsWithValue, currency) => {
      if (rowsWithValue > 0) {
        valueByCurrency.push({
          currency: this.dicts.currency.values[currency] ?? '',
          total: totals[currency],
          rows: rowsWithValue,
        });
      }
    });
    return { rows, summary: { count: found, valueByCurrency, totalWeightKg } };
  }

  row(index: number): ShipmentRow {
    const dataset = this.datasets[this.dataset[index] ?? 0];
    const text = (column: DictionaryColumn, dict: Dictionary) =>
      dict.values[this.columns[column][index] ?? 0] ?? '';
    const weight = this.weightKg[index] ?? Number.NaN;
    const value = this.value[index] ?? Number.NaN;
    return {
      index,
      datasetId: dataset?.id ?? '',
      datasetName: dataset?.fileName ?? '',
      blockNo: this.blockNo[index] ?? 0,
      blockRow: this.blockRow[index] ?? 0,
      rowNumber: this.rowNumber[index] ?? 0,
      declarationId: this.declarationId[index] ?? '',
      date: isoFromDays(this.date[index] ?? 0),
      shipper: text('shipper', this.dicts.party),
      consignee: text('consignee', this.dicts.party),
      originCountry: text('originCountry', this.dicts.country),
      destinationCountry: text('destinationCountry', this.dicts.country),
      hsCode: text('hsCode', this.dicts.hsCode),
      description: text('description', this.dicts.description),
      weightKg: Number.isNaN(weight) ? null : weight,
      value: Number.isNaN(value) ? null : value,
      currency: text('currency', this.dicts.currency),
      duplicateOf: this.duplicateOf[index] || null,
    };
  }
}
