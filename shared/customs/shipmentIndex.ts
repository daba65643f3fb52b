/**
 * The shipment engine's in-memory index: every loaded dataset's columns side by side, with text
 * columns dictionary-encoded across blocks, so that filters scan typed arrays and match words once
 * per distinct value rather than once per row. Runs in a worker; pure, so it is tested in Node.
 */
import { foldForSearch } from '../claimFilter';
import { countryCode } from './countries';
import { datasetLabels } from './datasetLabel';
import { daysFromParts, isoFromDays } from './dates';
import { linesRunOn } from './blocks';
import {
  dictionaryColumns,
  type Dataset,
  type DictionaryColumn,
  type ShipmentBlock,
} from './dataset';
import { PartyResolution } from '../entities/resolution';
import { matchShipments, type MatchResult } from './matching';
import { allFitFloat32, wideEnough, type IdColumn, type NumberColumn } from './narrowColumns';
import { keepIds, keepMarked, keepPassing, keepRange, type RowMask } from './rowMask';
import { anyText, PackedIdentifiers } from './packedIdentifiers';
import { partyKey, partyKeyMatches, partySearchWords } from './partyKey';
import type { ShipmentFilter, ShipmentSort } from './shipmentFilter';
import { finishOrder, sortOrder, sortOrderSteps } from './sortOrder';
import { periodDays, placeInDays, type Period, type PeriodDays } from '../sanctions/partialDate';

/** The numeric columns whose orders are built in the background once the index is loaded. */
const SORT_COLUMNS = ['date', 'value', 'weightKg'] as const;
type NumericSort = (typeof SORT_COLUMNS)[number];

/** Every row's number in row order (a loop: `Int32Array.from` with a map is ten times slower). */
function everyRow(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let row = 0; row < count; row += 1) rows[row] = row;
  return rows;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Each row's place in the alphabetical order of its text (`values[ids[row]]`), for sortOrder:
 * the distinct values are ordered once (a collator: case and accents aside, numbers by value),
 * then each row takes its value's place; an empty value has none (NaN), so it sorts last.
 */
function placesOf(values: readonly string[], ids: ArrayLike<number>): Float64Array {
  const alphabetical = Array.from(values.keys()).sort(
    (a, b) => collator.compare(values[a], values[b]) || a - b,
  );
  const place = new Float64Array(values.length);
  alphabetical.forEach((id, at) => (place[id] = values[id].trim() === '' ? Number.NaN : at));
  const places = new Float64Array(ids.length);
  for (let row = 0; row < ids.length; row += 1) places[row] = place[ids[row]] ?? Number.NaN;
  return places;
}

/** The rows a mask marks, in row order. */
function rowsOf(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let index = 0; index < mask.length; index += 1) count += mask[index];
  const rows = new Int32Array(count);
  for (let index = 0, found = 0; found < count; index += 1)
    if (mask[index] === 1) rows[found++] = index;
  return rows;
}

export type ShipmentRow = {
  index: number;
  datasetId: string;
  /** The dataset's file name, as citations and the dossier give it. */
  datasetName: string;
  /** What the app calls the dataset (its given name; shared/customs/datasetLabel.ts). */
  datasetLabel: string;
  blockNo: number;
  blockRow: number;
  rowNumber: number;
  declarationId: string;
  billOfLading: string;
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
  /** How many datasets report this shipment (1 when no other dataset's row matches it). */
  reportedBy: number;
  /**
   * Which party was designated on the shipment's date, by a confirmed sanctions match's (or a declared flag's)
   * designation ("consignee: list_a, from 2022-03-15"); "(uncertain)" where a partial date leaves
   * the day open; '' for none.
   */
  designated: string;
};

/** A designation of an entity the case has confirmed, as the engine places rows against it. */
/**
 * A designation the case holds of an entity: its label, its period and the lists it is on (the
 * Shipments tab's "on list" filter; a declared one is on `DECLARED_LIST`).
 */
export type EntityDesignation = {
  entityId: string;
  label: string;
  period: Period;
  lists: readonly string[];
};
type CompiledDesignation = { label: string; days: PeriodDays; lists: readonly string[] };

/** A shipment's citation: its dataset and the line its record starts on. */
export type ShipmentRef = { datasetId: string; rowNumber: number };
export const shipmentRefId = (ref: ShipmentRef): string => `${ref.datasetId}:${ref.rowNumber}`;
export function parseShipmentRefId(id: string): ShipmentRef | null {
  const at = id.lastIndexOf(':');
  const rowNumber = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(rowNumber) ? { datasetId: id.slice(0, at), rowNumber } : null;
}

/** The column with a block's numbers set from row `at`: as it is, or widened to hold them exactly. */
function withNumbers(column: NumberColumn, numbers: NumberColumn, at: number): NumberColumn {
  let target = column;
  if (target instanceof Float32Array && !allFitFloat32(numbers)) {
    target = new Float64Array(column.length);
    target.set(column.subarray(0, at));
  }
  target.set(numbers, at);
  return target;
}

/** The engine's columns, read-only, for the modules that compute over them (profiles, summaries). */
export type ShipmentColumnsView = {
  count: number;
  datasets: readonly Dataset[];
  dataset: Uint8Array | Uint16Array;
  date: Int32Array;
  weightKg: NumberColumn;
  value: NumberColumn;
  shipper: IdColumn;
  consignee: IdColumn;
  currency: IdColumn;
  currencies: readonly string[];
  hsCode: IdColumn;
  hsCodes: readonly string[];
  originCountry: IdColumn;
  destinationCountry: IdColumn;
  countries: readonly string[];
  parties: readonly string[];
  partyKeys: readonly string[];
  /** The entity number of each party spelling, -1 for an empty one; `entityIds` names them. */
  partyEntity: Int32Array;
  entityIds: readonly string[];
  groupOf: Int32Array;
  /** Rows of group g: `groupRows.subarray(groupStart[g], groupStart[g + 1])`. */
  groupStart: Int32Array;
  groupRows: Int32Array;
};

/**
 * Which shipment a row reports: its matched group's number, or for a row no other matches a key
 * of its own below zero. Rows with one key are one shipment.
 */
export const shipmentKey = (view: Pick<ShipmentColumnsView, 'groupOf'>, row: number): number => {
  const group = view.groupOf[row] ?? -1;
  return group >= 0 ? group : -1 - row;
};

export type QuerySummary = {
  /** Matching rows. */
  count: number;
  /** Total value per currency (never summed across currencies), and how many rows carry a value. */
  valueByCurrency: { currency: string; total: number; rows: number }[];
  totalWeightKg: number;
  /**
   * The distinct shipments those rows are once rows reporting one shipment are matched (as a
   * claim's evidence summary counts them), with their totals: each shipment counted once, by its
   * first matching row.
   */
  shipments: {
    count: number;
    valueByCurrency: { currency: string; total: number }[];
    totalWeightKg: number;
  };
};

export const emptyQuerySummary: QuerySummary = {
  count: 0,
  valueByCurrency: [],
  totalWeightKg: 0,
  shipments: { count: 0, valueByCurrency: [], totalWeightKg: 0 },
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

/** A block's rows in the index, where they start and end, and the lines of the file they hold. */
type Segment = {
  start: number;
  end: number;
  datasetNo: number;
  blockNo: number;
  firstLine: number;
  lastLine: number;
  /** Whether each row's line is above the one before (as a file's rows are). */
  ascending: boolean;
  /**
   * Each row's line, or null where the rows are on consecutive lines from `firstLine` (most
   * blocks: a record on one line, none rejected): 40 MB less at 10,000,000 rows.
   */
  lines: Int32Array | null;
};

/**
 * The rows identical to an earlier row of their file, and which line that is: few or none in most
 * files, so two growing lists rather than a number for every row.
 */
class Duplicates {
  private rows = new Int32Array(16);
  private lines = new Int32Array(16);
  private count = 0;

  /**
   * Adds the duplicates among a block's rows, which start at row `at` (after every row added);
   * `duplicateOf` is empty where none is one.
   */
  append(duplicateOf: Int32Array, count: number, at: number): void {
    for (let row = 0; row < Math.min(count, duplicateOf.length); row += 1) {
      if (duplicateOf[row] === 0) continue;
      if (this.count === this.rows.length) {
        const rows = new Int32Array(this.count * 2);
        const lines = new Int32Array(this.count * 2);
        rows.set(this.rows);
        lines.set(this.lines);
        this.rows = rows;
        this.lines = lines;
      }
      this.rows[this.count] = at + row;
      this.lines[this.count] = duplicateOf[row];
      this.count += 1;
    }
  }

  /** The line a row duplicates, or null. */
  lineOf(row: number): number | null {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.rows[middle] < row) low = middle + 1;
      else if (this.rows[middle] > row) high = middle - 1;
      else return this.lines[middle];
    }
    return null;
  }
}

/** Numbers in the engine's dictionary, a dataset's numbers in order: growing as its blocks load. */
class GrowingIds {
  values = new Uint32Array(64);
  length = 0;

  push(id: number): void {
    if (this.length === this.values.length) {
      const values = new Uint32Array(this.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.values[this.length] = id;
    this.length += 1;
  }
}

/** What a query worked out for a filter: its rows (`mask`), totals and each shipment's first row. */
type KnownFilter = {
  key: string;
  mask: Uint8Array | null;
  summary: QuerySummary;
  first: Int32Array;
};

export class ShipmentIndex {
  /** Rows loaded so far (all of them, once the load has appended every block). */
  private loaded = 0;
  private readonly datasets: Dataset[];
  private readonly datasetLabels: Map<string, string>;
  private readonly datasetIndex: Map<string, number>;
  /** Each row's dataset, by its place in `datasets` (one byte a row for up to 256 of them). */
  private readonly dataset: Uint8Array | Uint16Array;
  /** The blocks appended, in order: where each one's rows start, with what finds its rows' lines. */
  private readonly segments: Segment[] = [];
  private readonly date: Int32Array;
  private weightKg: NumberColumn;
  private value: NumberColumn;
  private readonly duplicates = new Duplicates();
  private readonly declarationId: PackedIdentifiers;
  /** Bill-of-lading numbers by row, made only once some block has one (most files have none). */
  private billOfLading: PackedIdentifiers | null = null;
  /** Shipper and consignee share one dictionary of party spellings. */
  private readonly columns: Record<DictionaryColumn, IdColumn>;
  private readonly dicts: Record<
    'party' | 'country' | 'hsCode' | 'description' | 'currency',
    Dictionary
  >;
  /** Each dataset's dictionaries as its blocks share them, in the engine's numbers. */
  private readonly sharedIds = new Map<number, Record<DictionaryColumn, GrowingIds>>();
  private partyKeys: string[] | null = null;
  private resolution = new PartyResolution([]);
  private partyEntity = new Int32Array(0);
  private entityIds: string[] = [];
  private entityNumber = new Map<string, number>();
  private match: MatchResult = { groupOf: new Int32Array(0), groupCount: 0 };
  private designations: readonly EntityDesignation[] = [];
  /** The designations by entity number, for the resolution in force (built when first needed). */
  private designationsOf: Map<number, CompiledDesignation[]> | null = null;
  private groupStart = new Int32Array(1);
  private groupRows = new Int32Array(0);
  private foldedDescriptions: string[] | null = null;
  private readonly orders = new Map<ShipmentSort['column'], Int32Array>();
  /** Each order's inverse, made the first time few rows are sorted by it (placesIn). */
  private readonly places = new WeakMap<Int32Array, Int32Array>();
  /** Orders being built in the background, a slice at a time (prepareOrder). */
  private readonly building = new Map<NumericSort, Generator<void, Int32Array, void>>();
  /**
   * The last query's filter with its rows (`mask`), totals and each shipment's first row: a sort
   * change only reorders them. Dropped when entities or designations change what a filter means.
   */
  private lastFilter: KnownFilter | null = null;
  /** The same for no filter at all, kept beside it: Clear filters finds its totals ready. */
  private unfiltered: KnownFilter | null = null;

  constructor(datasets: Dataset[], blocks: Iterable<ShipmentBlock>, total: number) {
    this.datasets = datasets;
    this.datasetLabels = datasetLabels(datasets);
    this.datasetIndex = new Map(datasets.map((dataset, index) => [dataset.id, index]));
    this.dataset = datasets.length <= 0x100 ? new Uint8Array(total) : new Uint16Array(total);
    this.date = new Int32Array(total);
    this.weightKg = new Float32Array(total);
    this.value = new Float32Array(total);
    this.declarationId = new PackedIdentifiers(total);
    this.columns = Object.fromEntries(
      dictionaryColumns.map((column) => [column, new Uint8Array(total)]),
    ) as Record<DictionaryColumn, IdColumn>;
    this.dicts = {
      party: new Dictionary(),
      country: new Dictionary(),
      hsCode: new Dictionary(),
      description: new Dictionary(),
      currency: new Dictionary(),
    };
    // Before matching, no row is in a group; each append shows the loaded rows' part of this.
    this.match.groupOf = new Int32Array(total).fill(-1).subarray(0, 0);
    for (const block of blocks) this.append(block);
  }

  get count(): number {
    return this.loaded;
  }

  /**
   * Adds a block's rows after those already loaded, before any query. The engine's load hands
   * blocks over a few at a time, each let go once copied here, so that a large dataset's blocks
   * are never in memory all at once beside the index.
   */
  append(block: ShipmentBlock): void {
    const at = this.loaded;
    const datasetNo = this.datasetIndex.get(block.datasetId);
    if (datasetNo === undefined || at + block.count > this.dataset.length) return;
    this.dataset.fill(datasetNo, at, at + block.count);
    // Each row's line is held once a block's rows skip or repeat one; lines that run on are not
    // (a block stored since schema 22 holds only the first of them) and are in order; others are
    // checked.
    const { rowNumber, count } = block;
    const lines =
      rowNumber.length < count || linesRunOn(rowNumber.subarray(0, count))
        ? null
        : rowNumber.slice(0, count);
    let ascending = true;
    for (let row = 1; lines && row < block.count && ascending; row += 1)
      ascending = lines[row - 1] < lines[row];
    this.segments.push({
      start: at,
      end: at + block.count,
      datasetNo,
      blockNo: block.blockNo,
      firstLine: block.rowNumber[0] ?? 0,
      lastLine: lines ? lines[block.count - 1] : (block.rowNumber[0] ?? 0) + block.count - 1,
      ascending,
      lines,
    });
    this.date.set(block.date, at);
    this.weightKg = withNumbers(this.weightKg, block.weightKg.subarray(0, block.count), at);
    this.value = withNumbers(this.value, block.value.subarray(0, block.count), at);
    this.duplicates.append(block.duplicateOf, block.count, at);
    this.declarationId.append(block.declarationId, block.count);
    const billsOfLading = block.billOfLading;
    if (billsOfLading && anyText(billsOfLading) && !this.billOfLading) {
      this.billOfLading = new PackedIdentifiers(this.dataset.length);
      this.billOfLading.appendEmpty(at);
    }
    if (billsOfLading) this.billOfLading?.append(billsOfLading, block.count);
    else this.billOfLading?.appendEmpty(block.count);
    const shared = this.sharedIdsFor(datasetNo, block);
    for (const column of dictionaryColumns) {
      const dictionary = this.dictionaryOf(column);
      const ids = shared[column];
      for (const text of block.dict[column]) ids.push(dictionary.id(text));
      const { values, length } = ids;
      const source = block[column];
      const target = wideEnough(this.columns[column], dictionary.values.length);
      this.columns[column] = target;
      for (let row = 0; row < block.count; row += 1) {
        const code = source[row];
        target[at + row] = code < length ? values[code] : 0;
      }
    }
    this.loaded = at + block.count;
    const { buffer } = this.match.groupOf;
    this.match.groupOf = new Int32Array(buffer, 0, this.loaded);
  }

  /**
   * The dictionaries `block` numbers its rows into, in the engine's numbers: its dataset's so far,
   * or fresh ones where the block starts them afresh. A dataset's blocks come in order, none left
   * out: a block whose dictionaries do not follow on from those before it is refused.
   */
  private sharedIdsFor(
    datasetNo: number,
    block: ShipmentBlock,
  ): Record<DictionaryColumn, GrowingIds> {
    const { dictStart } = block;
    let shared = this.sharedIds.get(datasetNo);
    if (!dictStart || !shared) {
      shared = Object.fromEntries(
        dictionaryColumns.map((column) => [column, new GrowingIds()]),
      ) as Record<DictionaryColumn, GrowingIds>;
      this.sharedIds.set(datasetNo, shared);
    }
    for (const column of dictionaryColumns)
      if ((dictStart?.[column] ?? 0) !== shared[column].length)
        throw new Error(
          `Block ${block.blockNo} of ${this.datasets[datasetNo].fileName} does not follow on from the blocks before it.`,
        );
    return shared;
  }

  private keys(): string[] {
    this.partyKeys ??= this.dicts.party.values.map(partyKey);
    return this.partyKeys;
  }

  /**
   * Resolves every party spelling to its entity after the user's merges and splits, then matches
   * shipments across datasets (matching depends on the resolved parties).
   */
  resolve(resolution: PartyResolution, onProgress?: (done: number, total: number) => void): void {
    this.resolution = resolution;
    this.designationsOf = null;
    // What depends on the entities: who reports a shipment, who was designated.
    this.orders.delete('reportedBy');
    this.orders.delete('designated');
    this.lastFilter = null;
    this.unfiltered = null;
    this.entityIds = [];
    this.entityNumber = new Map();
    this.partyEntity = Int32Array.from(this.keys(), (key) => {
      if (key === '') return -1;
      const id = resolution.entityOf(key);
      let number = this.entityNumber.get(id);
      if (number === undefined) {
        number = this.entityIds.length;
        this.entityIds.push(id);
        this.entityNumber.set(id, number);
      }
      return number;
    });
    const { shipper, consignee, currency, hsCode } = this.columns;
    this.match = matchShipments(
      {
        count: this.count,
        dataset: this.dataset,
        date: this.date,
        shipper,
        consignee,
        partyEntity: this.partyEntity,
        weightKg: this.weightKg,
        value: this.value,
        currency,
        hsCode,
        hsCodes: this.dicts.hsCode.values,
      },
      onProgress,
      // Written over the groups it replaces (40 MB at 10,000,000 rows), made once with the index.
      new Int32Array(this.match.groupOf.buffer),
    );
    const { groupOf, groupCount } = this.match;
    this.groupStart = new Int32Array(groupCount + 1);
    for (const group of groupOf) if (group >= 0) this.groupStart[group + 1] += 1;
    for (let group = 0; group < groupCount; group += 1)
      this.groupStart[group + 1] += this.groupStart[group];
    const filled = this.groupStart.slice(0, groupCount);
    this.groupRows = new Int32Array(this.groupStart[groupCount] ?? 0);
    for (let row = 0; row < groupOf.length; row += 1) {
      const group = groupOf[row];
      if (group >= 0) {
        this.groupRows[filled[group]] = row;
        filled[group] += 1;
      }
    }
  }

  /**
   * The row a citation names, or -1 if no loaded dataset has it: a binary search of the line in
   * the blocks of its dataset that span it (a block's lines run upwards, as a file's do; one that
   * does not, from elsewhere, is searched row by row). A Map of every row's citation cost some 100
   * bytes a row: a gigabyte at 10,000,000 rows, for the first claim that cites one.
   */
  rowOf(ref: ShipmentRef): number {
    const datasetNo = this.datasetIndex.get(ref.datasetId);
    const line = ref.rowNumber;
    for (const { datasetNo: holder, start, end, firstLine, lastLine, ascending, lines } of this
      .segments) {
      if (holder !== datasetNo) continue;
      if (!lines) {
        if (line >= firstLine && line < firstLine + end - start) return start + line - firstLine;
        continue;
      }
      if (!ascending) {
        const at = lines.indexOf(line);
        if (at >= 0) return start + at;
        continue;
      }
      if (line < firstLine || line > lastLine) continue;
      let low = 0;
      let high = end - start - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        if (lines[middle] < line) low = middle + 1;
        else if (lines[middle] > line) high = middle - 1;
        else return start + middle;
      }
    }
    return -1;
  }

  /** The line a row of a segment starts on. */
  private lineIn(segment: Segment, index: number): number {
    const at = index - segment.start;
    return segment.lines ? (segment.lines[at] ?? 0) : segment.firstLine + at;
  }

  /** The block a row was appended with. */
  private segmentOf(index: number): Segment | undefined {
    const { segments } = this;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (segments[middle].start <= index) low = middle;
      else high = middle - 1;
    }
    return segments[low];
  }

  view(): ShipmentColumnsView {
    return {
      count: this.count,
      datasets: this.datasets,
      dataset: this.dataset,
      date: this.date,
      weightKg: this.weightKg,
      value: this.value,
      shipper: this.columns.shipper,
      consignee: this.columns.consignee,
      currency: this.columns.currency,
      currencies: this.dicts.currency.values,
      hsCode: this.columns.hsCode,
      hsCodes: this.dicts.hsCode.values,
      originCountry: this.columns.originCountry,
      destinationCountry: this.columns.destinationCountry,
      countries: this.dicts.country.values,
      parties: this.dicts.party.values,
      partyKeys: this.keys(),
      partyEntity: this.partyEntity,
      entityIds: this.entityIds,
      groupOf: this.match.groupOf,
      groupStart: this.groupStart,
      groupRows: this.groupRows,
    };
  }

  /** The case's confirmed designations: what the `designated` filter and row field place rows in. */
  setDesignations(designations: readonly EntityDesignation[]): void {
    this.designations = designations;
    this.designationsOf = null;
    this.orders.delete('designated');
    this.lastFilter = null;
    this.unfiltered = null;
  }

  /** The designations by entity number, each period's days worked out once. */
  private entityDesignations(): Map<number, CompiledDesignation[]> {
    if (!this.designationsOf) {
      this.designationsOf = new Map();
      for (const { entityId, label, period, lists } of this.designations) {
        const entity = this.entityNumberOf(entityId);
        if (entity < 0) continue;
        this.designationsOf.set(entity, [
          ...(this.designationsOf.get(entity) ?? []),
          { label, days: periodDays(period), lists },
        ]);
      }
    }
    return this.designationsOf;
  }

  /** The lists the case's designations are on, in order, for the filter's choice. */
  designationLists(): string[] {
    return [...new Set(this.designations.flatMap((designation) => designation.lists))].sort();
  }

  /** The `designated` field of a row, in words. */
  private designatedText(index: number): string {
    const byEntity = this.entityDesignations();
    if (byEntity.size === 0) return '';
    return (['shipper', 'consignee'] as const)
      .flatMap((role) =>
        (byEntity.get(this.partyEntity[this.columns[role][index]] ?? -1) ?? []).flatMap(
          ({ label, days }) => {
            const place = placeInDays(this.date[index], days);
            if (place === 'outside') return [];
            return [`${role}: ${label}${place === 'uncertain' ? ' (uncertain)' : ''}`];
          },
        ),
      )
      .join('; ');
  }

  /** The number of the entity an id names now (following merges), or -1 if it is gone. */
  entityNumberOf(id: string): number {
    const current = this.resolution.currentId(id);
    return current === null ? -1 : (this.entityNumber.get(current) ?? -1);
  }

  /** How many datasets report the shipment of a row. */
  private reportedBy(index: number): number {
    const group = this.match.groupOf[index] ?? -1;
    if (group < 0) return 1;
    const members = this.groupRows.subarray(this.groupStart[group], this.groupStart[group + 1]);
    return new Set(Array.from(members, (row) => this.dataset[row])).size;
  }

  /** Row indexes in the order of a sort column (computed once per column, then reused). */
  private order(column: ShipmentSort['column']): Int32Array {
    let order = this.orders.get(column);
    if (!order) {
      const building = this.building.get(column as NumericSort);
      if (building) {
        // Begun in the background: what is left of it is done now.
        order = finishOrder(building);
        this.building.delete(column as NumericSort);
      } else if (column === 'row') order = everyRow(this.count);
      else if (column === 'date') order = sortOrder(this.date, this.count);
      else if (column === 'value') order = sortOrder(this.value, this.count);
      else if (column === 'weightKg') order = sortOrder(this.weightKg, this.count);
      else if (column === 'declarationId' || column === 'billOfLading')
        // Without a bill-of-lading number anywhere, every row's is empty: row order.
        order = this[column]?.order() ?? everyRow(this.count);
      else if (column === 'reportedBy') {
        const reportedBy = new Float64Array(this.count);
        for (let index = 0; index < this.count; index += 1)
          reportedBy[index] = this.reportedBy(index);
        order = sortOrder(reportedBy, this.count);
      } else if (column === 'designated') {
        const texts = new Map<string, number>();
        const ids = new Int32Array(this.count);
        for (let index = 0; index < this.count; index += 1) {
          const text = this.designatedText(index);
          let id = texts.get(text);
          if (id === undefined) texts.set(text, (id = texts.size));
          ids[index] = id;
        }
        order = sortOrder(placesOf([...texts.keys()], ids), this.count);
      } else if (column === 'dataset')
        order = sortOrder(
          placesOf(
            this.datasets.map((dataset) => this.datasetLabels.get(dataset.id) ?? ''),
            this.dataset,
          ),
          this.count,
        );
      else
        order = sortOrder(
          placesOf(this.dictionaryOf(column).values, this.columns[column]),
          this.count,
        );
      this.orders.set(column, order);
    }
    return order;
  }

  private dictionaryOf(column: DictionaryColumn): Dictionary {
    if (column === 'shipper' || column === 'consignee') return this.dicts.party;
    if (column === 'originCountry' || column === 'destinationCountry') return this.dicts.country;
    return this.dicts[column];
  }

  /**
   * Builds the numeric columns' sort orders not built yet, a slice at a time while `timeLeft` says
   * so (at least one slice a call): false once all are built.
   */
  prepareOrder(timeLeft: () => boolean = () => true): boolean {
    for (const column of SORT_COLUMNS) {
      if (this.orders.has(column)) continue;
      let steps = this.building.get(column);
      if (!steps) {
        steps = sortOrderSteps(this[column], this.count);
        this.building.set(column, steps);
      }
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          this.orders.set(column, step.value);
          this.building.delete(column);
          break;
        }
        if (!timeLeft()) return true;
      }
    }
    return false;
  }

  /**
   * Marks the rows that pass the filter, one tight pass over typed columns per condition
   * (rowMask.ts); null when nothing is filtered.
   */
  private mask(filter: ShipmentFilter): Uint8Array | null {
    const count = this.count;
    let mask: RowMask = null;
    const words = partySearchWords(filter.party);
    if (words.length > 0) {
      const hits = Uint8Array.from(this.keys(), (key) => (partyKeyMatches(key, words) ? 1 : 0));
      const { shipper, consignee } = this.columns;
      mask =
        filter.partyRole === 'shipper'
          ? keepIds(mask, count, hits, shipper)
          : filter.partyRole === 'consignee'
            ? keepIds(mask, count, hits, consignee)
            : keepIds(mask, count, hits, shipper, consignee);
    }
    for (const [id, column] of [
      [filter.shipperEntity, this.columns.shipper],
      [filter.consigneeEntity, this.columns.consignee],
    ] as const) {
      if (!id) continue;
      const wanted = this.entityNumberOf(id);
      const hits = Uint8Array.from(this.partyEntity, (entity) =>
        wanted >= 0 && entity === wanted ? 1 : 0,
      );
      mask = keepIds(mask, count, hits, column);
    }
    if (filter.designated) {
      const { shipper, consignee } = this.columns;
      const role = filter.designated;
      const byEntity = this.entityDesignations();
      const dates = this.date;
      const list = filter.designatedList;
      const since = isoDay(filter.designatedSince);
      /** On the list asked for, and certainly begun on or after the day asked for. */
      const wanted = ({ lists, days }: CompiledDesignation) =>
        (!list || lists.includes(list)) &&
        (since === null || (days.start !== null && days.start.first >= since));
      /** Whether the party of a row's column was certainly designated on the row's date. */
      const designatedOn = (column: IdColumn, index: number) =>
        byEntity
          .get(this.partyEntity[column[index]] ?? -1)
          ?.some(
            (designation) =>
              wanted(designation) && placeInDays(dates[index], designation.days) === 'inside',
          ) ?? false;
      mask = keepPassing(
        mask,
        count,
        (index) =>
          (role !== 'consignee' && designatedOn(shipper, index)) ||
          (role !== 'shipper' && designatedOn(consignee, index)),
      );
    }
    const from = isoDay(filter.dateFrom);
    const to = isoDay(filter.dateTo);
    if (from !== null || to !== null)
      mask = keepRange(mask, count, this.date, from ?? -Infinity, to ?? Infinity);
    const hsPrefix = filter.hsPrefix.replace(/\D/g, '');
    if (hsPrefix) {
      const hits = Uint8Array.from(this.dicts.hsCode.values, (code) =>
        code.startsWith(hsPrefix) ? 1 : 0,
      );
      mask = keepIds(mask, count, hits, this.columns.hsCode);
    }
    for (const [field, column] of [
      [filter.originCountry, this.columns.originCountry],
      [filter.destinationCountry, this.columns.destinationCountry],
    ] as const) {
      if (!field.trim()) continue;
      const code = countryCode(field) ?? field.trim().toUpperCase();
      const hits = Uint8Array.from(this.dicts.country.values, (value) => (value === code ? 1 : 0));
      mask = keepIds(mask, count, hits, column);
    }
    if (filter.datasetIds.length > 0) {
      const wanted = Uint8Array.from(this.datasets, (dataset) =>
        filter.datasetIds.includes(dataset.id) ? 1 : 0,
      );
      mask = keepIds(mask, count, wanted, this.dataset);
    }
    const descriptionWords = foldForSearch(filter.words).split(/\s+/).filter(Boolean);
    if (descriptionWords.length > 0) {
      this.foldedDescriptions ??= this.dicts.description.values.map(foldForSearch);
      const hits = Uint8Array.from(this.foldedDescriptions, (text) =>
        descriptionWords.every((word) => text.includes(word)) ? 1 : 0,
      );
      mask = keepIds(mask, count, hits, this.columns.description);
    }
    const declaration = filter.declaration.trim();
    if (declaration) {
      const found = new Uint8Array(count);
      this.declarationId.markContaining(declaration, found);
      this.billOfLading?.markContaining(declaration, found);
      mask = keepMarked(mask, found);
    }
    for (const [min, max, column] of [
      [numberOrNull(filter.valueMin), numberOrNull(filter.valueMax), this.value],
      [numberOrNull(filter.weightMin), numberOrNull(filter.weightMax), this.weightKg],
    ] as const) {
      if (min === null && max === null) continue;
      mask = keepRange(mask, count, column, min ?? -Infinity, max ?? Infinity);
    }
    return mask;
  }

  /**
   * The filter's key and mask, with what the last query (or the last unfiltered one) worked out
   * when it was this filter (a sort change, the pivot that follows a query, Clear filters): then
   * its mask is that query's.
   */
  private masked(filter: ShipmentFilter) {
    const key = JSON.stringify(filter);
    const known =
      [this.lastFilter, this.unfiltered].find((candidate) => candidate?.key === key) ?? null;
    return { key, known, mask: known ? known.mask : this.mask(filter) };
  }

  /** The rows that pass the filter, in row order (for the pivot and the network). */
  matching(filter: ShipmentFilter): Int32Array {
    const { mask } = this.masked(filter);
    if (!mask) return everyRow(this.count);
    return rowsOf(mask);
  }

  /** The rows that pass the filter with the entity on either side (the filter's own entities aside). */
  matchingEitherSide(filter: ShipmentFilter, entityId: string): Int32Array {
    const shipped = this.matching({ ...filter, shipperEntity: entityId, consigneeEntity: '' });
    const received = this.matching({ ...filter, shipperEntity: '', consigneeEntity: entityId });
    const rows = new Int32Array(shipped.length + received.length);
    let found = 0;
    for (let a = 0, b = 0; a < shipped.length || b < received.length;) {
      const next =
        b >= received.length || (a < shipped.length && shipped[a] <= received[b])
          ? shipped[a++]
          : received[b++];
      // A row where the entity ships to itself is in both.
      if (found === 0 || rows[found - 1] !== next) rows[found++] = next;
    }
    return rows.subarray(0, found);
  }

  /**
   * The party spellings a filter is about: its shipper and consignee entities' spellings, or those
   * its party words find; null when it names no party (the counterparty grouping needs one).
   */
  focus(filter: ShipmentFilter): Uint8Array | null {
    const words = partySearchWords(filter.party);
    const entities = [filter.shipperEntity, filter.consigneeEntity]
      .filter(Boolean)
      .map((id) => this.entityNumberOf(id))
      .filter((entity) => entity >= 0);
    if (words.length === 0 && entities.length === 0) return null;
    return Uint8Array.from(this.keys(), (key, party) =>
      (words.length > 0 && partyKeyMatches(key, words)) ||
      entities.includes(this.partyEntity[party] ?? -1)
        ? 1
        : 0,
    );
  }

  /**
   * The matching rows in sort order, with their count and totals; `distinct`: one row a shipment
   * (the first of the matching rows reporting it), in the same order.
   */
  query(
    filter: ShipmentFilter,
    sort: ShipmentSort,
    distinct = false,
  ): { rows: Int32Array; summary: QuerySummary } {
    const { key, known, mask } = this.masked(filter);
    const rows = this.sorted(mask, sort);
    if (known) {
      // The same filter in another order: the same rows and totals, only reordered.
      return {
        rows: distinct ? this.firstOfEach(rows, known.first) : rows,
        summary: known.summary,
      };
    }
    const currencies = this.columns.currency;
    const totals = new Float64Array(this.dicts.currency.values.length);
    const valued = new Int32Array(this.dicts.currency.values.length);
    const found = rows.length;
    let totalWeightKg = 0;
    for (const index of rows) {
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
    const shipments = this.distinct(rows);
    const summary: QuerySummary = {
      count: found,
      valueByCurrency,
      totalWeightKg,
      shipments: {
        count: shipments.count,
        valueByCurrency: shipments.valueByCurrency,
        totalWeightKg: shipments.totalWeightKg,
      },
    };
    this.lastFilter = { key, mask, summary, first: shipments.first };
    if (!mask) this.unfiltered = this.lastFilter;
    return { rows: distinct ? this.firstOfEach(rows, shipments.first) : rows, summary };
  }

  /**
   * The rows that pass (`mask`; null: every row) in the sort's order. Few rows (under one in 16)
   * are found in row order, then sorted by their values (a numeric column) or their places in the
   * column's order, without a walk through the whole order for a handful of rows; more
   * are picked out of the whole order.
   */
  private sorted(mask: Uint8Array | null, sort: ShipmentSort): Int32Array {
    const { column } = sort;
    const count = this.count;
    const ascending = sort.direction === 'asc';
    const matching = mask ? rowsOf(mask) : null;
    if (matching && matching.length * 16 < count) {
      // Stable, as the whole order is: ties stay in row order.
      const keys =
        column === 'date' || column === 'value' || column === 'weightKg'
          ? this[column]
          : this.placesIn(column);
      const byKey = sortOrder(
        Float64Array.from(matching, (row) => keys[row]),
        matching.length,
      );
      const last = matching.length - 1;
      return Int32Array.from(byKey, (_, at) => matching[byKey[ascending ? at : last - at]]);
    }
    const order = this.order(column);
    const rows = new Int32Array(matching ? matching.length : count);
    let found = 0;
    for (let step = 0; step < count; step += 1) {
      const index = order[ascending ? step : count - 1 - step];
      if (!mask || mask[index] === 1) rows[found++] = index;
    }
    return rows;
  }

  /** Each row's place in a column's sort order (its order inverted; made once per order). */
  private placesIn(column: ShipmentSort['column']): Int32Array {
    const order = this.order(column);
    let places = this.places.get(order);
    if (!places) {
      places = new Int32Array(order.length);
      for (let at = 0; at < order.length; at += 1) places[order[at]] = at;
      this.places.set(order, places);
    }
    return places;
  }

  /** The rows standing for a shipment each: unmatched ones, and each group's first. */
  private firstOfEach(rows: Int32Array, first: Int32Array): Int32Array {
    const { groupOf } = this.match;
    const kept = new Int32Array(rows.length);
    let count = 0;
    for (const row of rows) {
      const group = groupOf[row] ?? -1;
      if (group < 0 || first[group] === row) kept[count++] = row;
    }
    return kept.subarray(0, count);
  }

  /**
   * The distinct shipments among `rows`: a matched group once, by its first row; others each. With
   * each group's first row among them (-1 for a group none of them reports).
   */
  private distinct(rows: Int32Array): QuerySummary['shipments'] & { first: Int32Array } {
    const { groupOf, groupCount } = this.match;
    const first = new Int32Array(groupCount).fill(-1);
    const totals = new Float64Array(this.dicts.currency.values.length);
    const valued = new Uint8Array(totals.length);
    let count = 0;
    let totalWeightKg = 0;
    const add = (row: number) => {
      count += 1;
      const value = this.value[row];
      if (!Number.isNaN(value)) {
        totals[this.columns.currency[row]] += value;
        valued[this.columns.currency[row]] = 1;
      }
      if (!Number.isNaN(this.weightKg[row])) totalWeightKg += this.weightKg[row];
    };
    for (const row of rows) {
      const group = groupOf[row] ?? -1;
      if (group < 0) add(row);
      else if (first[group] < 0 || row < first[group]) first[group] = row;
    }
    for (const row of first) if (row >= 0) add(row);
    const valueByCurrency: QuerySummary['shipments']['valueByCurrency'] = [];
    valued.forEach((has, currency) => {
      if (has) {
        valueByCurrency.push({
          currency: this.dicts.currency.values[currency] ?? '',
          total: totals[currency],
        });
      }
    });
    return { count, valueByCurrency, totalWeightKg, first };
  }

  row(index: number): ShipmentRow {
    const dataset = this.datasets[this.dataset[index] ?? 0];
    const segment = this.segmentOf(index);
    const text = (column: DictionaryColumn, dict: Dictionary) =>
      dict.values[this.columns[column][index] ?? 0] ?? '';
    const weight = this.weightKg[index] ?? Number.NaN;
    const value = this.value[index] ?? Number.NaN;
    return {
      index,
      datasetId: dataset?.id ?? '',
      datasetName: dataset?.fileName ?? '',
      datasetLabel: this.datasetLabels.get(dataset?.id ?? '') ?? '',
      blockNo: segment?.blockNo ?? 0,
      blockRow: index - (segment?.start ?? 0),
      rowNumber: segment ? this.lineIn(segment, index) : 0,
      declarationId: this.declarationId.text(index),
      billOfLading: this.billOfLading?.text(index) ?? '',
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
      duplicateOf: this.duplicates.lineOf(index),
      designated: this.designatedText(index),
      reportedBy: this.reportedBy(index),
    };
  }
}
