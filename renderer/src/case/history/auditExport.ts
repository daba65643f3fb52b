/**
 * The audit log as a file the user exports: confidential sources' declared names replaced by their
 * labels, as in a full dossier, then checked for what redaction missed like every other export.
 */
import { auditCsv, auditJson, auditKindLabels, type AuditRow } from '#shared/audit/auditLog';
import { confidentialLabels, redactStrings, replacements } from '#shared/dossier/redaction';
import type { AuditEntry } from '#shared/investigation';
import type { NameCheckResult } from '#shared/redaction/nameCheck';
import { fileStem } from '#shared/text/fileStem';
import type { InvestigationDb } from '../../db/schema';
import { checkFileForNames } from '../exports/nameClearances';

export type AuditFormat = 'csv' | 'json';

export type AuditFile = { name: string; bytes: Uint8Array; check: NameCheckResult };

export async function auditFile(
  db: InvestigationDb,
  investigationName: string,
  rows: readonly AuditRow[],
  entries: readonly AuditEntry[],
  format: AuditFormat,
): Promise<AuditFile> {
  const sources = await db.sources.toArray();
  const hidden = replacements(sources, 'full', confidentialLabels(sources));
  const redactedRows = redactStrings([...rows], hidden);
  const text =
    format === 'csv'
      ? auditCsv(redactedRows)
      : auditJson(
          redactedRows,
          new Map(
            redactStrings([...entries], hidden).map((entry) => [entry.id ?? 0, entry] as const),
          ),
        );
  const name = `${fileStem(investigationName)}-audit-log.${format}`;
  const bytes = new TextEncoder().encode(text);
  const located = redactedRows.map((row) => ({
    where: `History, ${auditKindLabels[row.kind].toLowerCase()} “${row.record.slice(0, 60)}” at ${row.time}`,
    text: [row.record, row.change, row.reason].join('\n'),
  }));
  return { name, bytes, check: await checkFileForNames(db, { name, bytes }, located) };
}
