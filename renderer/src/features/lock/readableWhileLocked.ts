/**
 * What a locked case's files still say without its passphrase, derived from its database's schema,
 * so that the lock dialog lists exactly that: the fields its indexes keep in the clear, which
 * records share a value stored as a keyed hash (the value itself is not readable), and how many
 * records each part holds. See shared/lock/sealedRecords.ts.
 */
import { tablePlan } from '#shared/lock/sealedRecords';
import { InvestigationDb } from '../../db/schema';

export type ReadablePart = { part: string; clear: string[]; shared: string[] };

const PARTS: Readonly<Record<string, string>> = {
  statuses: 'Statuses',
  sections: 'Sections',
  claims: 'Claims',
  audit: 'History',
  datasets: 'Customs datasets',
  shipmentBlocks: 'Shipments (in blocks of 10,000 rows)',
  shipmentCells: 'Original cells of the shipments (in the same blocks)',
  rowProblems: 'Rejected rows',
  files: 'Original files',
  fileParts: 'Bytes of the original files (in parts of 64 MB)',
  savedFilters: 'Saved filters',
  documents: 'PDF documents',
  pageTexts: 'Page texts',
  excerpts: 'Excerpts',
  notes: 'Source notes',
  sources: 'Sources',
  links: 'Citations',
  entities: 'Entities',
  suggestionDismissals: 'Dismissed merge suggestions',
  sanctionsMatches: 'Sanctions screening decisions',
  sanctionsScreenings: 'Sanctions screenings (candidates found)',
  views: 'What each tab was showing (filters, sort)',
};

/** By `table.field`, or by field for every table. */
const FIELDS: Readonly<Record<string, string>> = {
  id: 'ids',
  order: 'order',
  updatedAt: 'time of the last change',
  statusId: 'status (which of the statuses)',
  sectionId: 'section (which of the sections)',
  'audit.table': 'which part each entry is about',
  recordId: 'which record',
  at: 'time',
  'datasets.status': 'whether its import is complete',
  datasetId: 'which dataset',
  blockNo: 'block number',
  rowNumber: 'row number',
  addedAt: 'time added',
  documentId: 'which document',
  page: 'page number',
  'fileParts.part': 'part number',
  claimId: 'which claim',
  targetType: 'kind of evidence cited',
  'claims.tags': 'tag',
  fileSha256: 'original file',
  signature: 'column layout',
  sha256: 'content',
  'savedFilters.name': 'name',
  targetId: 'cited evidence',
  aliasKeys: 'spelling',
  'entities.name': 'name',
  'suggestionDismissals.id': 'pair of spellings',
};

/** The words for a field of a table; undefined when none are written (the test checks). */
export const fieldLabel = (table: string, field: string): string | undefined =>
  FIELDS[`${table}.${field}`] ?? FIELDS[field];

export const partLabel = (table: string): string | undefined => PARTS[table];

let parts: ReadablePart[] | undefined;

export function readableWhileLocked(): ReadablePart[] {
  if (parts) return parts;
  // The schema only: a database that is declared but never opened.
  const schema = new InvestigationDb({ investigationId: 'schema' });
  parts = schema.tables.map((table) => {
    const plan = tablePlan(
      table.name,
      { keyPath: table.schema.primKey.keyPath ?? null, autoIncrement: table.schema.primKey.auto },
      table.schema.indexes.map((index) => index.keyPath ?? null),
    );
    const label = (field: string) => fieldLabel(table.name, field) ?? field;
    return {
      part: partLabel(table.name) ?? table.name,
      clear: plan.clear.map(label),
      shared: plan.hashed.map(label),
    };
  });
  return parts;
}
