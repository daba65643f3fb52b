/** The cited shipment rows and their matches in other datasets as CSV, every cell formula-neutralised (see csvSafety). */
import { toCsv } from '../csvSafety';
import type { Dossier } from './model';

export function renderEvidenceCsv(dossier: Dossier): string {
  const citedBy = new Map<string, number[]>();
  for (const claim of dossier.sections.flatMap((section) => section.claims)) {
    for (const citation of claim.citations) {
      const ids = citation.targets.flatMap(
        (target) =>
          dossier.savedFilters.find((filter) => filter.id === target)?.shipments ?? [target],
      );
      for (const id of ids) citedBy.set(id, [...(citedBy.get(id) ?? []), claim.number]);
    }
  }
  return toCsv([
    [
      'id',
      'dataset',
      'vendor',
      'origin',
      'file_sha256',
      'row_number',
      'date',
      'shipper',
      'consignee',
      'origin_country',
      'destination_country',
      'hs_code',
      'description',
      'weight_kg',
      'value',
      'currency',
      'declaration',
      'bill_of_lading',
      'datasets_reporting',
      'cited_by_claims',
      'shipment',
      'cited',
    ],
    ...dossier.shipments.map((row) => [
      row.id,
      row.dataset,
      row.vendor,
      row.origin,
      row.fileSha256,
      String(row.rowNumber),
      row.date,
      row.shipper,
      row.consignee,
      row.originCountry,
      row.destinationCountry,
      row.hsCode,
      row.description,
      row.weightKg === null ? '' : String(row.weightKg),
      row.value === null ? '' : String(row.value),
      row.currency,
      row.declarationId,
      row.billOfLading,
      String(row.reportedBy),
      [...new Set(citedBy.get(row.id) ?? [])].join(' '),
      row.shipment,
      row.cited ? 'yes' : 'no (a match of a cited row)',
    ]),
  ]);
}
