/**
 * The investigation's audit log, readable: each entry as a row of words (when, what kind of record,
 * which, what changed, why), filtered by kind, claim and date, and written as CSV or JSON.
 */
import { toCsv } from '../csvSafety';
import type { AuditEntry } from '../investigation';
import { describeClaimChange } from './claimChange';

export type AuditKind = AuditEntry['table'];

export const auditKindLabels: Record<AuditKind, string> = {
  claims: 'Claim',
  statuses: 'Status',
  sections: 'Section',
  notes: 'Source note',
  sources: 'Source',
  entities: 'Entity',
  exports: 'Export',
  nameChecks: 'Name check',
  excerpts: 'Excerpt',
  documents: 'Document',
  datasets: 'Dataset',
  savedFilters: 'Saved filter',
  links: 'Evidence link',
  sanctionsMatches: 'Sanctions match',
  sanctionsScreenings: 'Sanctions screening',
};

const actionWords: Record<AuditEntry['action'], string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  restore: 'restored',
};

export type AuditRow = {
  id: number;
  /** When, as an ISO 8601 instant (UTC). */
  time: string;
  kind: AuditKind;
  recordId: string;
  /** The record as the user knows it (a claim's text, a file's name), or its id once it is gone. */
  record: string;
  action: string;
  change: string;
  reason: string;
  /** Who made the change (the “Your name” setting of the time), or ''. */
  by: string;
};

const MAX_VALUE = 200;

/** A stored value in a line of text: strings quoted (and cut), anything else as JSON. */
function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const cut = [...text].length > MAX_VALUE ? `${[...text].slice(0, MAX_VALUE).join('')}…` : text;
  return typeof value === 'string' ? `“${cut}”` : cut;
}

/** What one entry changed, in one line. */
function describeChange(entry: AuditEntry): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.table === 'claims') return describeClaimChange(entry).join('; ');
  if (entry.table === 'exports') {
    const check = after.confidentialNameCheck as
      { hits: number; files: number; clearedByUser: number } | undefined;
    return [
      `${String(after.format)} (${String(after.profile)} profile), ${String(after.claims)} claims`,
      `SHA-256 ${String(after.sha256)}`,
      ...(check
        ? [
            `confidential-name check: ${check.hits} hits in ${check.files} files, ${check.clearedByUser} cleared by the user`,
          ]
        : []),
    ].join('; ');
  }
  if (entry.table === 'nameChecks')
    return `“Not this person” for ${String(after.source)} at ${String(after.where)}`;
  if (entry.action === 'delete') return 'Deleted';
  if (entry.action === 'restore') return 'Restored after deletion';
  const fields = Object.keys(after).filter((key) => key !== 'id');
  if (entry.action === 'create')
    return fields.map((key) => `${key}: ${valueText(after[key])}`).join('; ') || 'Created';
  return fields
    .map((key) => `${key}: ${valueText(before[key])} → ${valueText(after[key])}`)
    .join('; ');
}

export function auditRow(
  entry: AuditEntry,
  recordLabel: (kind: AuditKind, id: string) => string | undefined,
): AuditRow {
  return {
    id: entry.id ?? 0,
    time: new Date(entry.at).toISOString(),
    kind: entry.table,
    recordId: entry.recordId,
    record: recordLabel(entry.table, entry.recordId) ?? entry.recordId,
    action: actionWords[entry.action],
    change: describeChange(entry),
    reason: entry.reason ?? '',
    by: entry.by ?? '',
  };
}

export type AuditFilter = {
  kind: AuditKind | '';
  /** A claim's id: its own entries (its text, status, citations…). */
  claimId: string;
  /** Local calendar days, `YYYY-MM-DD`, both included; '' for no bound. */
  from: string;
  to: string;
};

export const emptyAuditFilter: AuditFilter = { kind: '', claimId: '', from: '', to: '' };

/** Midnight of a local calendar day, in ms; the day after for an upper bound. */
const dayStart = (day: string, next = false): number => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + (next ? 1 : 0)).getTime();
};

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const from = filter.from ? dayStart(filter.from) : -Infinity;
  const to = filter.to ? dayStart(filter.to, true) : Infinity;
  return entries.filter(
    (entry) =>
      (!filter.kind || entry.table === filter.kind) &&
      (!filter.claimId || (entry.table === 'claims' && entry.recordId === filter.claimId)) &&
      entry.at >= from &&
      entry.at < to,
  );
}

const COLUMNS = ['time', 'kind', 'record', 'action', 'change', 'reason', 'by', 'recordId'] as const;

/** The rows as CSV: a header, then one line each, every cell formula-neutralised. */
export function auditCsv(rows: readonly AuditRow[]): string {
  return toCsv([
    [...COLUMNS],
    ...rows.map((row) =>
      COLUMNS.map((column) => (column === 'kind' ? auditKindLabels[row.kind] : row[column])),
    ),
  ]);
}

/** The rows as JSON, each with the stored entry's fields before and after, for whoever checks. */
export function auditJson(
  rows: readonly AuditRow[],
  entries: ReadonlyMap<number, AuditEntry>,
): string {
  return `${JSON.stringify(
    {
      format: 'waybill-audit-log',
      version: 1,
      entries: rows.map((row) => ({
        ...row,
        before: entries.get(row.id)?.before ?? null,
        after: entries.get(row.id)?.after ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
