import type { AuditEntry } from '#shared/investigation';

const quote = (value: unknown) =>
  value === undefined || value === null || value === ''
    ? '(none)'
    : `“${typeof value === 'string' ? value : JSON.stringify(value)}”`;
const list = (value: unknown) =>
  Array.isArray(value) && value.length ? value.join(', ') : '(none)';

/** The fields a document's history tells of (its own and its excerpts'). */
const SHOWN = ['title', 'origin', 'comment', 'tags'];

/** One document-history entry in words, one line per change. */
export function describeDocumentChange(entry: AuditEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.table === 'excerpts') {
    if (entry.action === 'create')
      return [`Excerpt added on page ${String(after.page)}: ${quote(after.quote)}`];
    if (entry.action === 'delete')
      return [`Excerpt removed from page ${String(before.page)}: ${quote(before.quote)}`];
    if (after.documentId !== undefined && after.documentId !== before.documentId)
      return [`Excerpt moved to a new version, page ${String(after.page)}: ${quote(after.quote)}`];
    if (after.keptOnVersion === true)
      return ['Excerpt kept on this version: its passage is not in the newer one.'];
  }
  if (typeof after.newVersion === 'string') return [`New version added: ${after.newVersion}`];
  const lines: string[] = [];
  for (const field of Object.keys(after).filter((key) => SHOWN.includes(key))) {
    const label =
      entry.table === 'excerpts' ? `Excerpt ${field}` : field[0].toUpperCase() + field.slice(1);
    const show = field === 'tags' ? list : quote;
    lines.push(`${label}: ${show(before[field])} → ${show(after[field])}`);
  }
  return lines;
}
