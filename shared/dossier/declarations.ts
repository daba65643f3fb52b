/**
 * When, and by whom where the user gave their name, a source file's origin was declared: at
 * import, and at its last change (from the audit log). An origin is the researcher's statement,
 * and the dossier says so.
 */
import type { AuditEntry } from '../investigation';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const by = (entry: AuditEntry | undefined): string => (entry?.by ? ` by ${entry.by}` : '');

export function originDeclaration(
  record: { id: string; addedAt: number },
  entries: readonly AuditEntry[],
): string {
  const own = entries.filter((entry) => entry.recordId === record.id).sort((a, b) => a.at - b.at);
  const created = own.find((entry) => entry.action === 'create');
  const changed = own
    .filter((entry) => entry.action === 'update' && entry.after && 'origin' in entry.after)
    .at(-1);
  const atImport = `declared at import on ${day(record.addedAt)}${by(created)}`;
  return changed ? `${atImport}; changed on ${day(changed.at)}${by(changed)}` : atImport;
}
