import type { AuditEntry } from '../investigation';

const quote = (value: unknown): string => `“${String(value)}”`;

/** One human sentence per audit entry of a claim, e.g. `Status: Draft → Verified`. */
export function describeClaimChange(entry: AuditEntry): string[] {
  switch (entry.action) {
    case 'create':
      return ['Created'];
    case 'delete':
      return ['Deleted'];
    case 'restore':
      return ['Restored after deletion'];
    case 'update':
      break;
  }
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const lines: string[] = [];
  if ('statusId' in after)
    lines.push(`Status: ${String(before.statusName)} → ${String(after.statusName)}`);
  if ('text' in after)
    lines.push(`Text changed from ${quote(before.text)} to ${quote(after.text)}`);
  if ('tags' in after) {
    const old = new Set(before.tags as string[]);
    const now = new Set(after.tags as string[]);
    const added = [...now].filter((tag) => !old.has(tag));
    const removed = [...old].filter((tag) => !now.has(tag));
    if (added.length) lines.push(`Tagged ${added.map(quote).join(', ')}`);
    if (removed.length) lines.push(`Untagged ${removed.map(quote).join(', ')}`);
  }
  if ('evidence' in after) lines.push(`Cited ${String(after.evidence)}`);
  if ('evidence' in before && !('evidence' in after))
    lines.push(`No longer cites ${String(before.evidence)}`);
  if ('sectionId' in after) lines.push('Moved to another section');
  else if ('order' in after) lines.push('Reordered');
  return lines;
}
