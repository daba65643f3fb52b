/**
 * The dossier as one self-contained HTML file: inline CSS, no script, no external resource, and a
 * CSP that forbids both. Every string from the data is escaped, so imported text stays text.
 */
import { ocrMark } from '../documents/ocr';
import { sha256 } from '@noble/hashes/sha2.js';
import { strToU8 } from 'fflate';
import {
  designationLines,
  extractedIfChanged,
  formatAmount,
  profileTitle,
  summaryLines,
  shownShipments,
} from './format';
import type { Dossier } from './model';
import { parseNoteBody, type NoteBlock, type NoteInline } from '../notes/markdownSubset';
import { showBidiControls } from '../text/bidi';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
/**
 * A string of the data as element content: escaped, its bidi controls shown, and isolated, so that
 * right-to-left text in it cannot reorder what is around it.
 */
const e = (text: string): string => `<bdi>${escapeHtml(showBidiControls(text))}</bdi>`;

/** An excerpt's text as extracted, line ends kept, where its reading changed more than spacing. */
const extracted = (excerpt: Dossier['excerpts'][number]): string => {
  const text = extractedIfChanged(excerpt);
  return text === null
    ? ''
    : `\n<p class="small">As extracted, line ends kept:</p><pre>${e(text)}</pre>`;
};
/** A number, a date, an amount or an id: short, of digits and their separators (and a few letters). */
const NUMERIC_TOKEN = /^(?=.*\d)[\p{L}\p{N}.,:/\-+%]{1,32}$/u;

/**
 * A string of the data in a table cell: as `e`, and each number, date or id in it kept on one line,
 * so that no hyphen or slash inside one becomes a line break.
 */
const eCell = (text: string): string =>
  `<bdi>${showBidiControls(text)
    .split(/(\s+)/u)
    .map((part) =>
      NUMERIC_TOKEN.test(part) ? `<span class="nw">${escapeHtml(part)}</span>` : escapeHtml(part),
    )
    .join('')}</bdi>`;
/** A string in an attribute or the title, where no element may stand. */
const attr = escapeHtml;

/** The dossier's one style sheet. The app's CSP allows it by hash, for the in-app preview. */
const DOSSIER_STYLE = `
body { font: 11pt/1.45 system-ui, 'Segoe UI', 'Noto Sans', sans-serif; color: #1f2328; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; } h3 { font-size: 1.05rem; }
.notice { background: #fff8e1; border-left: 4px solid #f0b400; padding: .5rem .75rem; }
.warning { background: #fdecea; border-left: 4px solid #b91c1c; padding: .5rem .75rem; }
.claim { margin: 1rem 0 1.5rem; page-break-inside: avoid; }
.status { font-weight: 600; } .meaning, .small { color: #57606a; font-size: .9em; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
dl.summary dt { color: #57606a; } dl.summary dd { margin: 0; }
ol.citations { list-style: none; padding-left: 0; } ol.citations li { margin: .15rem 0; } .relation-contradicts { color: #b91c1c; }
table { border-collapse: collapse; width: 100%; font-size: .85em; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .2rem .35rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th, td.text { overflow-wrap: anywhere; } .nw { white-space: nowrap; }
blockquote { border-left: 3px solid #d0d7de; margin: .25rem 0; padding-left: .75rem; }
.hash { font-family: ui-monospace, monospace; font-size: .8em; white-space: nowrap; }
pre { white-space: pre-wrap; font: inherit; margin: 0; }
@page { margin: 18mm 16mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #57606a; } }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

/** The CSP source that allows exactly the dossier's style sheet: `'sha256-…'`. */
export function dossierStyleSource(): string {
  const digest = sha256(strToU8(DOSSIER_STYLE));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/**
 * A note's body as the app shows it: the Markdown subset (shared/notes/markdownSubset.ts) as
 * paragraphs, lists, quotes and code, each text escaped like any other string of the data.
 */
function noteBody(body: string): string {
  const inline = (nodes: readonly NoteInline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return e(node.text);
          case 'code':
            return `<code>${e(node.text)}</code>`;
          case 'break':
            return '<br>';
          case 'emphasis':
            return `<em>${inline(node.children)}</em>`;
          case 'strong':
            return `<strong>${inline(node.children)}</strong>`;
        }
      })
      .join('');
  const blocks = (list: readonly NoteBlock[]): string =>
    list
      .map((block) => {
        switch (block.type) {
          case 'paragraph':
            return `<p>${inline(block.children)}</p>`;
          case 'list': {
            const tag = block.ordered ? 'ol' : 'ul';
            return `<${tag}>${block.items.map((item) => `<li>${blocks(item)}</li>`).join('')}</${tag}>`;
          }
          case 'quote':
            return `<blockquote>${blocks(block.children)}</blockquote>`;
          case 'code':
            return `<pre>${e(block.text)}</pre>`;
        }
      })
      .join('\n');
  return `<blockquote>${blocks(parseNoteBody(body))}</blockquote>`;
}

/**
 * Table rows of data. In a cell a word breaks only where it could not fit a line of its own, and a
 * number, date or id never, so a column is never squeezed narrower than them; headings and `text`
 * columns (names, descriptions) give way instead: they may break anywhere but inside a number.
 */
const rows = (cells: string[][], kinds: readonly ('text' | '')[] = []) =>
  cells
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => `<td${kinds[index] ? ` class="${kinds[index]}"` : ''}>${eCell(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');

export function renderHtml(dossier: Dossier): string {
  const parts: string[] = [];
  const push = (html: string) => parts.push(html);
  push(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<title>${attr(showBidiControls(dossier.title))} — ${attr(profileTitle(dossier))}</title>
<style>${DOSSIER_STYLE}</style>
</head>
<body>
<header>
<h1>${e(dossier.title)}</h1>
<p><strong>${e(profileTitle(dossier))}</strong> · exported ${e(dossier.exportedAt)} · Waybill dossier format ${e(String(dossier.version))}</p>`);
  if (dossier.notice) push(`<p class="notice">${e(dossier.notice)}</p>`);
  push(
    `<p>${e(String(dossier.cover.claims))} claims, ${e(String(dossier.cover.citations))} citations. ${dossier.cover.byStatus
      .map((entry) => `${e(entry.status)}: ${e(String(entry.count))}`)
      .join(' · ')}</p>`,
  );
  push('</header>\n<main>');
  for (const section of dossier.sections) {
    push(`<section><h2>${e(section.name)}</h2>`);
    for (const claim of section.claims) {
      push(`<article class="claim" id="claim-${claim.number}">
<h3>Claim ${e(String(claim.number))}. ${e(claim.text)}</h3>
<p><span class="status">${e(claim.status)}</span> <span class="meaning">— ${e(claim.statusMeaning)}</span>${claim.statusRule ? ` <span class="small">(its rule: ${e(claim.statusRule)})</span>` : ''}</p>`);
      if (claim.reason) push(`<p class="small">Reason for the status: ${e(claim.reason)}</p>`);
      if (claim.ruleWarnings?.length)
        push(`<p class="warning">Status rule not met: ${e(claim.ruleWarnings.join(' '))}</p>`);
      if (claim.tags.length > 0) push(`<p class="small">Tags: ${e(claim.tags.join(', '))}</p>`);
      push(
        `<dl class="summary">${summaryLines(claim.summary)
          .map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`)
          .join('')}</dl>`,
      );
      if (claim.citations.length > 0) {
        push('<ol class="citations">');
        for (const citation of claim.citations) {
          push(
            `<li value="${attr(String(citation.number))}" class="relation-${attr(citation.relation)}">[${e(String(citation.number))}] <strong>${e(citation.relation)}</strong> · ${e(citation.label)}${
              citation.targets.length > 0
                ? ` <span class="small">(see ${e(citation.targets.join(', '))})</span>`
                : ''
            }${citation.comment ? ` — <em>${e(citation.comment)}</em>` : ''}</li>`,
          );
        }
        push('</ol>');
      }
      push('</article>');
    }
    push('</section>');
  }
  push('</main>');

  if (dossier.savedFilters.length > 0) {
    push('<section><h2>Appendix: saved filters, as matched at export</h2>');
    for (const filter of dossier.savedFilters) {
      push(`<h3>${e(filter.id)}. ${e(filter.name)}</h3>
<ul>${filter.definition.map((line) => `<li>${e(line)}</li>`).join('')}</ul>
<p class="small">Matched ${e(String(filter.shipments.length))} rows at ${e(filter.frozenAt)}: ${e(filter.shipments.join(', '))}</p>`);
    }
    push('</section>');
  }
  const shown = shownShipments(dossier);
  if (dossier.shipments.length > 0) {
    push(`<section><h2>Appendix: cited shipment rows and their matches</h2>
<p class="small">${e(dossier.matchingRule)} Rows with one shipment id were matched as one shipment; a row marked “match” is not cited, it is another dataset's report of a cited row's shipment.</p>${shown.note ? `\n<p class="small">${e(shown.note)}</p>` : ''}
<table><thead><tr><th>Id</th><th>Shipment</th><th>Dataset, vendor, origin</th><th>Row</th><th>Date</th><th>Shipper → consignee</th><th>HS</th><th>Description</th><th>Weight kg</th><th>Value</th><th>Datasets reporting</th></tr></thead><tbody>
${rows(
  shown.rows.map((row) => [
    row.cited ? row.id : `${row.id} (match)`,
    row.shipment,
    `${row.dataset} (${row.vendor || 'no vendor'}; ${row.origin})`,
    String(row.rowNumber),
    row.date,
    `${row.shipper} → ${row.consignee} (${row.originCountry} → ${row.destinationCountry})`,
    row.hsCode,
    row.description,
    formatAmount(row.weightKg),
    `${formatAmount(row.value)} ${row.currency}`,
    String(row.reportedBy),
  ]),
  ['', '', 'text', '', '', 'text', '', 'text', '', '', ''],
)}
</tbody></table>`);
    for (const row of shown.rows) {
      push(`<h4>${e(row.id)}: raw cells of ${e(row.dataset)} row ${row.rowNumber} <span class="small">(file SHA-256 <span class="hash">${e(row.fileSha256)}</span>)</span></h4>
<table><tbody>${rows(row.raw.map((cell) => [cell.header, cell.value]))}</tbody></table>`);
    }
    push('</section>');
  }
  if (dossier.excerpts.length > 0) {
    push('<section><h2>Appendix: excerpts</h2>');
    for (const excerpt of dossier.excerpts) {
      push(`<h3>${e(excerpt.id)}. ${e(excerpt.document)}, page ${e(String(excerpt.page))}</h3>
<blockquote><p>${e(excerpt.reading)}</p></blockquote>${extracted(excerpt)}${excerpt.ocr ? `\n<p class="small">${e(ocrMark(excerpt.ocr))}: a scanned page; check the words against its image.</p>` : ''}
<p class="small">Document SHA-256 <span class="hash">${e(excerpt.documentSha256)}</span>${excerpt.comment ? ` · ${e(excerpt.comment)}` : ''}</p>`);
    }
    push('</section>');
  }
  if (dossier.redactions.length > 0) {
    push(`<section><h2>Appendix: redacted in cited evidence</h2>
<p class="small">A confidential name inside evidence is replaced by the span shown: checked against the original file, these places differ by that span only.</p>
<ul>${dossier.redactions.map((entry) => `<li>${e(entry.evidence)}, ${e(entry.field)}: ${e(entry.replacedBy)}</li>`).join('')}</ul>
</section>`);
  }
  if (dossier.notes.length > 0) {
    push('<section><h2>Appendix: source notes</h2>');
    for (const note of dossier.notes) {
      push(`<h3>${e(note.id)}. ${e(note.title)}</h3>
<p class="small">${e(note.kind)} · ${e(note.source)}${note.role ? `, ${e(note.role)}` : ''}${note.date ? ` · ${e(note.date)}` : ''} · ${e(note.confidentiality)}</p>`);
      if (note.body) push(noteBody(note.body));
      if (note.request)
        push(
          `<p class="small">Request to ${e(note.request.to)}, sent ${e(note.request.sentOn || '—')}, deadline ${e(note.request.deadline || '—')}: <strong>${e(note.request.outcome)}</strong>${note.request.answer ? ` — “${e(note.request.answer)}”` : ''}</p>`,
        );
    }
    push('</section>');
  }
  if (dossier.requests.length > 0) {
    push(`<section><h2>Appendix: requests for comment</h2><table><thead><tr><th>Note</th><th>Request</th><th>To</th><th>Sent</th><th>Outcome</th></tr></thead><tbody>
${rows(dossier.requests.map((request) => [request.note, request.title, request.to, request.sentOn, request.outcome]))}
</tbody></table></section>`);
  }
  if (dossier.entities.length > 0) {
    push(`<section><h2>Appendix: entities</h2><table><thead><tr><th>Id</th><th>Name</th><th>Country</th><th>Identifiers</th><th>Flags</th><th>Spellings in the files</th><th>Grouped by the user</th></tr></thead><tbody>
${rows(dossier.entities.map((entity) => [entity.id, entity.name, entity.country, entity.identifiers.join('; '), entity.flags.join('; '), entity.spellings.join('; '), entity.resolution.join('; ')]))}
</tbody></table></section>`);
  }
  if (dossier.designations.length > 0) {
    push('<section><h2>Appendix: designations, as the sanctions snapshots listed them</h2>');
    for (const listing of dossier.designations)
      push(`<h3>${e(listing.id)}. ${e(listing.target)}</h3>
<ul>${designationLines(listing)
        .map((line) => `<li>${e(line)}</li>`)
        .join('')}</ul>`);
    push('</section>');
  }
  if (dossier.documents.length > 0) {
    push(`<section><h2>Appendix: documents</h2><table><thead><tr><th>Id</th><th>Title</th><th>File</th><th>Pages</th><th>Origin</th></tr></thead><tbody>
${rows(dossier.documents.map((document) => [document.id, document.title, document.fileName, String(document.pages), document.origin]))}
</tbody></table></section>`);
  }
  push(`<section><h2>Manifest of source files</h2><table><thead><tr><th>Kind</th><th>File</th><th>SHA-256</th><th>Origin</th></tr></thead><tbody>
${rows(dossier.sources.map((source) => [source.kind, source.name, source.sha256, `${source.origin} (${source.declared})`]))}
</tbody></table></section>
</body>
</html>
`);
  return parts.join('\n');
}
