/** The dossier as Markdown for an editor's CMS: data escaped so that it stays text. */
import { formatAmount, profileTitle, summaryLines } from './format';
import type { Dossier } from './model';
import { showBidiControls } from '../text/bidi';

/** Backslash-escapes what Markdown (and the HTML it may carry) would read as markup. */
const escapeMarkdown = (text: string): string =>
  showBidiControls(text)
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, '  \n');
const m = escapeMarkdown;

export function renderMarkdown(dossier: Dossier): string {
  const out: string[] = [];
  out.push(`# ${m(dossier.title)}`, '');
  out.push(`**${profileTitle(dossier)}** · exported ${m(dossier.exportedAt)}`, '');
  if (dossier.notice) out.push(`> ${m(dossier.notice)}`, '');
  out.push(
    `${m(String(dossier.cover.claims))} claims, ${m(String(dossier.cover.citations))} citations. ${dossier.cover.byStatus
      .map((entry) => `${m(entry.status)}: ${m(String(entry.count))}`)
      .join(' · ')}`,
    '',
  );
  for (const section of dossier.sections) {
    out.push(`## ${m(section.name)}`, '');
    for (const claim of section.claims) {
      out.push(`### Claim ${claim.number}\\. ${m(claim.text)}`, '');
      out.push(`**${m(claim.status)}** — ${m(claim.statusMeaning)}`, '');
      if (claim.reason) out.push(`Reason for the status: ${m(claim.reason)}`, '');
      for (const [label, value] of summaryLines(claim.summary))
        out.push(`- ${m(label)}: ${m(value)}`);
      out.push('');
      for (const citation of claim.citations) {
        out.push(
          `${m(String(citation.number))}\\. \\[${m(String(citation.number))}\\] **${m(citation.relation)}** · ${m(citation.label)}${
            citation.targets.length > 0 ? ` (see ${m(citation.targets.join(', '))})` : ''
          }${citation.comment ? ` — _${m(citation.comment)}_` : ''}`,
        );
      }
      out.push('');
    }
  }
  if (dossier.savedFilters.length > 0) {
    out.push('## Appendix: saved filters, as matched at export', '');
    for (const filter of dossier.savedFilters) {
      out.push(`### ${filter.id}\\. ${m(filter.name)}`, '');
      for (const line of filter.definition) out.push(`- ${m(line)}`);
      out.push(
        '',
        `Matched ${m(String(filter.shipments.length))} rows at ${m(filter.frozenAt)}: ${m(filter.shipments.join(', '))}`,
        '',
      );
    }
  }
  if (dossier.shipments.length > 0) {
    out.push('## Appendix: cited shipment rows', '');
    for (const row of dossier.shipments) {
      out.push(
        `- **${row.id}** ${m(row.dataset)} row ${m(String(row.rowNumber))} (${m(row.vendor)}; ${m(row.origin)}; SHA-256 ${m(row.fileSha256)}): ${m(row.date)}, ${m(row.shipper)} → ${m(row.consignee)}, HS ${m(row.hsCode)}, ${m(row.description)}, ${formatAmount(row.weightKg)} kg, ${formatAmount(row.value)} ${m(row.currency)}; reported by ${m(String(row.reportedBy))} dataset(s)`,
      );
    }
    out.push('');
  }
  if (dossier.excerpts.length > 0) {
    out.push('## Appendix: excerpts', '');
    for (const excerpt of dossier.excerpts) {
      out.push(
        `- **${excerpt.id}** ${m(excerpt.document)}, page ${m(String(excerpt.page))} (SHA-256 ${m(excerpt.documentSha256)})`,
        `  > ${m(excerpt.quote)}`,
      );
      if (excerpt.comment) out.push(`  ${m(excerpt.comment)}`);
    }
    out.push('');
  }
  if (dossier.redactions.length > 0) {
    out.push('## Appendix: redacted in cited evidence', '');
    for (const entry of dossier.redactions)
      out.push(`- ${m(entry.evidence)}, ${m(entry.field)}: ${m(entry.replacedBy)}`);
    out.push('');
  }
  if (dossier.notes.length > 0) {
    out.push('## Appendix: source notes', '');
    for (const note of dossier.notes) {
      out.push(
        `- **${note.id}** ${m(note.title)} — ${m(note.kind)}, ${m(note.source)}${note.role ? `, ${m(note.role)}` : ''}${note.date ? `, ${m(note.date)}` : ''} (${m(note.confidentiality)})`,
      );
      if (note.body) out.push(`  > ${m(note.body)}`);
      if (note.request)
        out.push(
          `  Request to ${m(note.request.to)}: **${m(note.request.outcome)}**${note.request.answer ? ` — ${m(note.request.answer)}` : ''}`,
        );
    }
    out.push('');
  }
  if (dossier.entities.length > 0) {
    out.push('## Appendix: entities', '');
    for (const entity of dossier.entities)
      out.push(
        `- **${entity.id}** ${m(entity.name)} ${m(entity.country)} ${m(entity.identifiers.join('; '))} ${m(entity.flags.join('; '))}`,
      );
    out.push('');
  }
  out.push('## Manifest of source files', '');
  for (const source of dossier.sources)
    out.push(`- ${m(source.kind)}: ${m(source.name)} — SHA-256 ${m(source.sha256)}`);
  out.push('');
  return out.join('\n');
}
