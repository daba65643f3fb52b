import type { AuditEntry } from '../../../../shared/investigation';

const quote = (value: unknown) =>
  value === undefined || value === null || value === ''
    ? '(none)'
    : `“${typeof value === 'string' ? value : JSON.stringify(value)}”`;
const list = (value: unknown) =>
  Array.isArray(value) && value.length ? value.join(', ') : '(none)';

/** One document-history entry in words, one line per change. */
export function describeDocumentChange(entry: AuditEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.table === 'excerpts') {
    if (entry.action === 'create')
      return [`Excerpt added on page ${String(after.page)}: ${quote(after.quote)}`];
    if (entry.action === 'delete')
      return [`Excerpt removed from page ${String(before.page)}: ${quote(before.quote)}`];
  }
  const subject = entry.table === 'excerpts' ? 'Excerpt ' : '';
  const lines: string[] = [];
  for (const field of Object.keys(after)) {
    const label = { title: 'title', origin: 'origin', comment: 'comment', tags: 'tags' }[field];
    if (!label) continue;
    const show = field === 'tags' ? list : quote;
    const text = `${subject}${label}: ${show(before[field])} → ${show(after[field])}`;
    lines.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  return lines;
}
