/**
 * The shipment half of a claim's evidence summary: how many distinct shipments its linked rows
 * describe once matching rows count once, which datasets report them, and how many independent
 * origins stand behind those datasets (two vendors reselling one country's customs data are one
 * origin).
 */
import type { Dataset } from './dataset';
import { foldName } from '../text/nameMatching';
import { isoFromDays } from './dates';
import { shipmentKey, type ShipmentColumnsView } from './shipmentIndex';

export type ShipmentEvidenceSummary = {
  /** Rows the links name, directly or through saved filters. */
  sourceRows: number;
  distinctShipments: number;
  dateFrom: string | null;
  dateTo: string | null;
  /** Per currency, counting each distinct shipment once; never summed across currencies. */
  valueByCurrency: { currency: string; total: number; shipments: number }[];
  totalWeightKg: number;
  /** Every dataset reporting one of the shipments, including matched rows the links do not name. */
  datasets: { id: string; fileName: string; vendor: string; origin: string; rows: number }[];
  /** The independent origins stated for those datasets; a dataset with none is not one. */
  origins: string[];
  /** Rows from datasets whose origin nobody stated: they count towards no origin. */
  unknownOriginRows: number;
  /** How many shipments are reported by how many datasets, most datasets first. */
  reportedBy: { datasets: number; shipments: number }[];
};

/**
 * A dataset's origin as shown. One nobody stated is unknown, and never counts as an independent
 * origin: corroboration must not be raised by a form field left blank.
 */
export const originLabel = (dataset: Pick<Dataset, 'origin'>): string =>
  dataset.origin.trim() || 'origin unknown';
/** An origin as typed, its spacing tidied. */
const spacedOrigin = (origin: string): string => origin.trim().replace(/\s+/gu, ' ');
/**
 * Origins stated alike are one: in case or spacing, and in what a reader cannot see or tell apart
 * (a zero-width space, a soft hyphen, a full-width letter, a Cyrillic look-alike), folded as names
 * are (foldName): an invisible difference must not make a second independent origin.
 */
const originKey = (origin: string): string => foldName(origin);

/**
 * The origins an investigation keeps: each stated once, as first written, in alphabetical order.
 * The import and provenance forms offer them, so that an origin is typed once and picked after.
 */
export function knownOrigins(datasets: readonly Pick<Dataset, 'origin'>[]): string[] {
  const byKey = new Map<string, string>();
  for (const { origin } of datasets) {
    const key = originKey(origin);
    if (key && !byKey.has(key)) byKey.set(key, spacedOrigin(origin));
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** A typed origin as the investigation already writes it, when it is one of `known`. */
export function canonicalOrigin(typed: string, known: readonly string[]): string {
  const key = originKey(typed);
  return known.find((origin) => originKey(origin) === key) ?? spacedOrigin(typed);
}

export function summariseShipments(
  view: ShipmentColumnsView,
  rows: Iterable<number>,
): ShipmentEvidenceSummary {
  const shipments = new Map<number, { representative: number; datasets: Set<number> }>();
  const datasetRows = new Map<number, Set<number>>();
  const see = (datasetNo: number, row: number) => {
    const seen = datasetRows.get(datasetNo);
    if (seen) seen.add(row);
    else datasetRows.set(datasetNo, new Set([row]));
  };
  let sourceRows = 0;
  for (const row of rows) {
    sourceRows += 1;
    const key = shipmentKey(view, row);
    if (shipments.has(key)) continue;
    const group = view.groupOf[row] ?? -1;
    const members =
      group >= 0
        ? view.groupRows.subarray(view.groupStart[group], view.groupStart[group + 1])
        : [row];
    const datasets = new Set<number>();
    for (const member of members) {
      datasets.add(view.dataset[member]);
      see(view.dataset[member], member);
    }
    shipments.set(key, { representative: row, datasets });
  }

  let first = Infinity;
  let last = -Infinity;
  let totalWeightKg = 0;
  const values = new Map<string, { total: number; shipments: number }>();
  const reportedBy = new Map<number, number>();
  for (const { representative: row, datasets } of shipments.values()) {
    first = Math.min(first, view.date[row]);
    last = Math.max(last, view.date[row]);
    if (!Number.isNaN(view.weightKg[row])) totalWeightKg += view.weightKg[row];
    if (!Number.isNaN(view.value[row])) {
      const currency = view.currencies[view.currency[row]] ?? '';
      const entry = values.get(currency) ?? { total: 0, shipments: 0 };
      entry.total += view.value[row];
      entry.shipments += 1;
      values.set(currency, entry);
    }
    reportedBy.set(datasets.size, (reportedBy.get(datasets.size) ?? 0) + 1);
  }

  const datasets = [...datasetRows.entries()]
    .map(([datasetNo, members]) => ({ dataset: view.datasets[datasetNo], rows: members.size }))
    .filter((entry): entry is { dataset: Dataset; rows: number } => entry.dataset !== undefined)
    .sort((a, b) => a.dataset.fileName.localeCompare(b.dataset.fileName));
  // Each origin once, as the first dataset (by file name) states it.
  const origins = new Map<string, string>();
  for (const { dataset } of datasets) {
    const key = originKey(dataset.origin);
    if (key && !origins.has(key)) origins.set(key, originLabel(dataset));
  }
  const unknownOriginRows = datasets
    .filter(({ dataset }) => originKey(dataset.origin) === '')
    .reduce((sum, entry) => sum + entry.rows, 0);
  return {
    sourceRows,
    distinctShipments: shipments.size,
    dateFrom: shipments.size > 0 ? isoFromDays(first) : null,
    dateTo: shipments.size > 0 ? isoFromDays(last) : null,
    valueByCurrency: [...values.entries()]
      .map(([currency, entry]) => ({ currency, ...entry }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    totalWeightKg,
    datasets: datasets.map(({ dataset, rows: count }) => ({
      id: dataset.id,
      fileName: dataset.fileName,
      vendor: dataset.vendor,
      origin: originLabel(dataset),
      rows: count,
    })),
    origins: [...origins.values()].sort((a, b) => a.localeCompare(b)),
    unknownOriginRows,
    reportedBy: [...reportedBy.entries()]
      .map(([count, shipmentCount]) => ({ datasets: count, shipments: shipmentCount }))
      .sort((a, b) => b.datasets - a.datasets),
  };
}
