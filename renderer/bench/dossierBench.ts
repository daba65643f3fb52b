/**
 * The dossier benchmark (built only by `npm run bench`): 200 claims citing 5,000 shipment rows (by
 * saved filters and single rows) and 300 excerpts, made up in memory; the Dossier model, its HTML,
 * the whole package and the confidential-name check of its files are timed in the page, beside
 * floors measured on the same data.
 */
import { zipSync } from 'fflate';
import { emptyMapping } from '#shared/customs/fields';
import { emptyShipmentFilter } from '#shared/customs/shipmentFilter';
import { buildDossierAndRecords } from '#shared/dossier/build';
import { dossierFiles, packageDossier } from '#shared/dossier/dossierPackage';
import { renderHtml } from '#shared/dossier/html';
import type { CitedShipmentRow, DossierInput } from '#shared/dossier/input';
import { dossierTexts } from '#shared/dossier/nameCheckTexts';
import { confidentialLabels } from '#shared/dossier/redaction';
import type { EvidenceLink } from '#shared/evidence/link';
import type { Source } from '#shared/notes/source';
import { exportTexts } from '#shared/redaction/exportText';
import { checkedForms, checkNames } from '#shared/redaction/nameCheck';
import { defaultStatuses } from '#shared/statusVocabulary';

const CLAIMS = 200;
const ROWS = 5_000;
const EXCERPTS = 300;
const FILTERS = 40;
const ROWS_PER_FILTER = 100;

function syntheticInput(): DossierInput {
  const statuses = defaultStatuses.map((status, index) => ({
    ...status,
    id: `status-${index + 1}`,
    order: index + 1,
  }));
  const sections = Array.from({ length: 10 }, (_, index) => ({
    id: `section-${index}`,
    name: `Section ${index + 1}`,
    order: index,
  }));
  const claims = Array.from({ length: CLAIMS }, (_, index) => ({
    id: `claim-${index}`,
    text: `Claim ${index}: the exporter shipped helicopter parts to the plant in 2022, batch ${index}.`,
    statusId: statuses[index % statuses.length].id,
    tags: ['customs'],
    sectionId: sections[index % sections.length].id,
    order: index,
    createdAt: index,
    updatedAt: index,
  }));
  const rows: Record<string, CitedShipmentRow> = {};
  for (let row = 0; row < ROWS; row += 1) {
    const ref = `dataset-${row % 2}:${row + 2}`;
    rows[ref] = {
      index: row,
      datasetId: `dataset-${row % 2}`,
      datasetName: `vendor-${row % 2 === 0 ? 'a' : 'b'}-2022.csv`,
      blockNo: 0,
      blockRow: row,
      rowNumber: row + 2,
      declarationId: `10100074/100222/${String(row).padStart(7, '0')}`,
      billOfLading: '',
      date: `2022-${String(1 + (row % 12)).padStart(2, '0')}-15`,
      shipper: 'POLY TECHNOLOGIES INC',
      consignee: 'JSC ULAN-UDE AVIATION PLANT',
      originCountry: 'CN',
      destinationCountry: 'RU',
      hsCode: '8807300000',
      description: `PARTS FOR MI-171E HELICOPTER: MAIN ROTOR BLADE, LOT ${row}`,
      weightKg: 600 + (row % 50),
      value: 180_000 + row,
      currency: 'USD',
      duplicateOf: null,
      reportedBy: 2,
      designated: '',
      cells: Array.from({ length: 10 }, (_, cell) => `cell ${cell} of row ${row}`),
      // Rows reported by both vendors, in pairs.
      shipment: Math.floor(row / 2),
      shipperParty: 'entity-poly',
      consigneeParty: 'entity-plant',
    };
  }
  const refs = Object.keys(rows);
  const savedFilters = Array.from({ length: FILTERS }, (_, index) => ({
    id: `filter-${index}`,
    name: `Filter ${index}`,
    filter: { ...emptyShipmentFilter, party: 'poly', dateFrom: '2022-01-01' },
    createdAt: index,
  }));
  const filterRows = Object.fromEntries(
    savedFilters.map((filter, index) => [
      filter.id,
      refs.slice(index * ROWS_PER_FILTER, (index + 1) * ROWS_PER_FILTER),
    ]),
  );
  const excerpts = Array.from({ length: EXCERPTS }, (_, index) => ({
    id: `excerpt-${index}`,
    documentId: `document-${index % 5}`,
    fileSha256: 'b'.repeat(64),
    page: 1 + (index % 300),
    quote: { exact: `passage ${index} of the report`, prefix: 'before ', suffix: ' after' },
    reading: `passage ${index} of the report`,
    position: { start: 0, end: 10 },
    rects: [],
    comment: 'checked',
    tags: [],
    createdAt: index,
  }));
  const links: EvidenceLink[] = [];
  const link = (claim: number, targetType: EvidenceLink['targetType'], targetId: string) =>
    links.push({
      id: `link-${links.length}`,
      claimId: `claim-${claim}`,
      targetType,
      targetId,
      relation: 'supports',
      comment: '',
      createdAt: links.length,
    });
  // 40 filters cover the first 4,000 rows; single rows cite the other 1,000; 300 excerpts.
  savedFilters.forEach((filter, index) => link(index, 'savedFilter', filter.id));
  refs
    .slice(FILTERS * ROWS_PER_FILTER)
    .forEach((ref, index) => link(40 + (index % 160), 'shipment', ref));
  excerpts.forEach((excerpt, index) => link(index % CLAIMS, 'excerpt', excerpt.id));
  const summary = {
    sourceRows: 100,
    distinctShipments: 50,
    dateFrom: '2022-01-15',
    dateTo: '2022-12-15',
    valueByCurrency: [{ currency: 'USD', total: 9_000_000, shipments: 50 }],
    totalWeightKg: 30_000,
    datasets: [],
    origins: ['RU customs'],
    unknownOriginRows: 0,
    reportedBy: [{ datasets: 2, shipments: 50 }],
  };
  return {
    investigation: { name: 'Dossier benchmark', synthetic: true, notice: 'Synthetic.' },
    designations: {},
    exportedAt: '2026-11-28T12:00:00.000Z',
    statuses,
    sections,
    claims,
    links,
    datasets: [0, 1].map((number) => ({
      id: `dataset-${number}`,
      fileName: `vendor-${number === 0 ? 'a' : 'b'}-2022.csv`,
      fileSha256: String(number).repeat(64),
      size: 0,
      vendor: `Vendor ${number}`,
      origin: 'RU customs',
      importedAt: number,
      status: 'complete' as const,
      format: 'delimited' as const,
      encoding: 'utf-8' as const,
      delimiter: ',' as const,
      sheet: null,
      headerLine: 1,
      headers: Array.from({ length: 10 }, (_, cell) => `HEADER ${cell}`),
      mapping: emptyMapping(),
      dayMonthOrder: 'MDY' as const,
      decimalComma: false,
      defaultCurrency: 'USD',
      counts: { records: 0, accepted: 0, rejected: 0, blank: 0, duplicates: 0 },
      blockCount: 1,
    })),
    documents: Array.from({ length: 5 }, (_, index) => ({
      id: `document-${index}`,
      sha256: 'b'.repeat(64),
      fileName: `report-${index}.pdf`,
      title: `Report ${index}`,
      origin: '',
      pageCount: 300,
      addedAt: 0,
      encrypted: false,
      textStatus: 'complete' as const,
      pagesExtracted: 300,
    })),
    excerpts,
    notes: [],
    provenance: [],
    sources: [],
    savedFilters,
    entities: {},
    rows,
    filterRows,
    summaries: Object.fromEntries(claims.map((claim) => [claim.id, summary])),
    derivations: {},
  };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

export function dossier() {
  const input = syntheticInput();
  const inputJson = timed(() => JSON.stringify(input).length);
  const built = timed(() =>
    buildDossierAndRecords(input, { profile: 'full', selection: { kind: 'all' } }),
  );
  const model = { value: built.value.dossier, ms: built.ms };
  const modelJson = timed(() => JSON.stringify(model.value).length);
  const html = timed(() => renderHtml(model.value));
  const files = dossierFiles(model.value, null);
  const zipOnly = timed(() =>
    zipSync(Object.fromEntries(files.map((file) => [file.name, file.bytes])), { level: 6 }),
  );
  const pack = timed(() =>
    packageDossier(model.value, dossierFiles(model.value, null), {
      pdfMissingBecause: 'benchmark',
    }),
  );
  // Two confidential sources whose names occur nowhere: every string and file is searched in full.
  const sources = ['Irina Zaslonova', 'Pavel Kuznetsov'].map((name, index): Source => ({
    id: `source-${index}`,
    name,
    affiliation: '',
    confidentiality: 'confidential',
    attribution: '',
    aliases: [],
    createdAt: index,
    updatedAt: index,
  }));
  const forms = checkedForms(sources, 'full', confidentialLabels(sources));
  const check = timed(() =>
    checkNames(
      dossierTexts(model.value, built.value.records),
      files.flatMap((file) => exportTexts(file.name, file.bytes)),
      forms,
      new Set(),
    ),
  );
  return {
    nameCheckMs: check.ms,
    nameCheckHits: check.value.blocking.length,
    claims: model.value.cover.claims,
    citations: model.value.cover.citations,
    shipments: model.value.shipments.length,
    excerpts: model.value.excerpts.length,
    modelMs: model.ms,
    inputJsonMs: inputJson.ms,
    htmlMs: html.ms,
    htmlBytes: html.value.length,
    modelJsonMs: modelJson.ms,
    packageMs: pack.ms,
    packageBytes: pack.value.length,
    zipOnlyMs: zipOnly.ms,
  };
}
