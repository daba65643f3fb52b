/**
 * The dossier as Markdown for an editor's CMS. It is built as a Markdown syntax tree (mdast) in
 * which every value of the data is a text node, then serialised by mdast-util-to-markdown, which
 * escapes whatever in a text would otherwise read as markup: the data cannot become a link, an
 * image, HTML or a heading, whatever it holds.
 */
import { ocrMark } from '../documents/ocr';
import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseNoteBody, type NoteBlock, type NoteInline } from '../notes/markdownSubset';
import { showBidiControls } from '../text/bidi';
import {
  designationLines,
  extractedIfChanged,
  formatAmount,
  profileTitle,
  summaryLines,
  shownShipments,
} from './format';
import type { Dossier } from './model';

type Phrasing = PhrasingContent | string;

/** Data as text: bidi controls shown, each line break a hard break (as in the app). */
function text(value: string): PhrasingContent[] {
  return showBidiControls(value)
    .split(/\r?\n/)
    .flatMap((line, index): PhrasingContent[] =>
      index === 0
        ? [{ type: 'text', value: line }]
        : [{ type: 'break' }, { type: 'text', value: line }],
    );
}

const phrasing = (parts: Phrasing[]): PhrasingContent[] =>
  parts.flatMap((part) => (typeof part === 'string' ? text(part) : [part]));

const strong = (...parts: Phrasing[]): PhrasingContent => ({
  type: 'strong',
  children: phrasing(parts),
});
const emphasis = (...parts: Phrasing[]): PhrasingContent => ({
  type: 'emphasis',
  children: phrasing(parts),
});
const paragraph = (...parts: Phrasing[]): Paragraph => ({
  type: 'paragraph',
  children: phrasing(parts),
});
const heading = (depth: Heading['depth'], ...parts: Phrasing[]): Heading => ({
  type: 'heading',
  depth,
  children: phrasing(parts),
});
const item = (...children: BlockContent[]): ListItem => ({
  type: 'listItem',
  spread: false,
  children,
});
/** A bulleted list with an item for each entry, made of the blocks `blocks` gives. */
const bullets = <T>(entries: readonly T[], blocks: (entry: T) => BlockContent[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: entries.map((entry) => item(...blocks(entry))),
});
const quote = (...parts: Phrasing[]): BlockContent => ({
  type: 'blockquote',
  children: [paragraph(...parts)],
});
/** An excerpt's text as extracted, line ends kept, where its reading changed more than spacing. */
const asExtracted = (excerpt: Dossier['excerpts'][number]): BlockContent[] => {
  const text = extractedIfChanged(excerpt);
  return text === null
    ? []
    : [paragraph('As extracted, line ends kept:'), { type: 'code', value: showBidiControls(text) }];
};

/**
 * A note's body, quoted as a whole: its Markdown subset (shared/notes/markdownSubset.ts) as the
 * same tree of paragraphs, lists, quotes and code, each text a text node of the data.
 */
function noteBody(body: string): BlockContent {
  const inline = (nodes: readonly NoteInline[]): PhrasingContent[] =>
    nodes.flatMap((node): PhrasingContent[] => {
      switch (node.type) {
        case 'text':
          return text(node.text);
        case 'code':
          return [{ type: 'inlineCode', value: showBidiControls(node.text) }];
        case 'break':
          return [{ type: 'break' }];
        case 'emphasis':
        case 'strong':
          return [{ type: node.type, children: inline(node.children) }];
      }
    });
  const blocks = (list: readonly NoteBlock[]): BlockContent[] =>
    list.map((block): BlockContent => {
      switch (block.type) {
        case 'paragraph':
          return { type: 'paragraph', children: inline(block.children) };
        case 'list':
          return {
            type: 'list',
            ordered: block.ordered,
            spread: false,
            children: block.items.map((entry) => item(...blocks(entry))),
          };
        case 'quote':
          return { type: 'blockquote', children: blocks(block.children) };
        case 'code':
          return { type: 'code', value: showBidiControls(block.text) };
      }
    });
  return { type: 'blockquote', children: blocks(parseNoteBody(body)) };
}

function claims(dossier: Dossier): RootContent[] {
  return dossier.sections.flatMap((section) => [
    heading(2, section.name),
    ...section.claims.flatMap((claim) => [
      heading(3, `Claim ${claim.number}. `, claim.text),
      paragraph(
        strong(claim.status),
        ' — ',
        claim.statusMeaning,
        claim.statusRule ? ` (its rule: ${claim.statusRule})` : '',
      ),
      ...(claim.reason ? [paragraph('Reason for the status: ', claim.reason)] : []),
      ...(claim.ruleWarnings?.length
        ? [paragraph(strong('Status rule not met:'), ' ', claim.ruleWarnings.join(' '))]
        : []),
      bullets(summaryLines(claim.summary), ([label, value]) => [paragraph(`${label}: ${value}`)]),
      ...(claim.citations.length > 0
        ? [
            bullets(claim.citations, (citation) => [
              paragraph(
                `[${citation.number}] `,
                strong(citation.relation),
                ` · ${citation.label}`,
                citation.targets.length > 0 ? ` (see ${citation.targets.join(', ')})` : '',
                ...(citation.comment ? [' — ', emphasis(citation.comment)] : []),
              ),
            ]),
          ]
        : []),
    ]),
  ]);
}

/** An appendix: its heading and content, or nothing when it has no entries. */
const appendix = (
  title: string,
  entries: unknown[],
  content: () => RootContent[],
): RootContent[] => (entries.length > 0 ? [heading(2, `Appendix: ${title}`), ...content()] : []);

function appendices(dossier: Dossier): RootContent[] {
  const shown = shownShipments(dossier);
  return [
    ...appendix('saved filters, as matched at export', dossier.savedFilters, () =>
      dossier.savedFilters.flatMap((filter) => [
        heading(3, `${filter.id}. ${filter.name}`),
        bullets(filter.definition, (line) => [paragraph(line)]),
        paragraph(
          `Matched ${filter.shipments.length} rows at ${filter.frozenAt}: ${filter.shipments.join(', ')}`,
        ),
      ]),
    ),
    ...appendix('cited shipment rows and their matches', dossier.shipments, () => [
      paragraph(
        `${dossier.matchingRule} Rows with one shipment id were matched as one shipment; a row marked “match” is not cited, it is another dataset's report of a cited row's shipment.`,
      ),
      ...(shown.note ? [paragraph(shown.note)] : []),
      bullets(shown.rows, (row) => [
        paragraph(
          strong(row.id),
          `${row.cited ? '' : ' (match)'} shipment ${row.shipment}: ${row.dataset} row ${row.rowNumber} (${row.vendor}; ${row.origin}; SHA-256 ${row.fileSha256}): ` +
            `${row.date}, ${row.shipper} → ${row.consignee}, HS ${row.hsCode}, ${row.description}, ` +
            `${formatAmount(row.weightKg)} kg, ${formatAmount(row.value)} ${row.currency}; ` +
            `reported by ${row.reportedBy} dataset(s)`,
        ),
      ]),
    ]),
    ...appendix('excerpts', dossier.excerpts, () => [
      bullets(dossier.excerpts, (excerpt) => [
        paragraph(
          strong(excerpt.id),
          ` ${excerpt.document}, page ${excerpt.page} (SHA-256 ${excerpt.documentSha256})`,
        ),
        quote(excerpt.reading),
        ...asExtracted(excerpt),
        ...(excerpt.ocr
          ? [
              paragraph(
                `${ocrMark(excerpt.ocr)}: a scanned page; check the words against its image.`,
              ),
            ]
          : []),
        ...(excerpt.comment ? [paragraph(excerpt.comment)] : []),
      ]),
    ]),
    ...appendix('redacted in cited evidence', dossier.redactions, () => [
      bullets(dossier.redactions, (entry) => [
        paragraph(`${entry.evidence}, ${entry.field}: ${entry.replacedBy}`),
      ]),
    ]),
    ...appendix('source notes', dossier.notes, () => [
      bullets(dossier.notes, (note) => [
        paragraph(
          strong(note.id),
          ` ${note.title} — ${note.kind}, ${note.source}${note.role ? `, ${note.role}` : ''}` +
            `${note.date ? `, ${note.date}` : ''} (${note.confidentiality})`,
        ),
        ...(note.body ? [noteBody(note.body)] : []),
        ...(note.request
          ? [
              paragraph(
                `Request to ${note.request.to}: `,
                strong(note.request.outcome),
                note.request.answer ? ` — ${note.request.answer}` : '',
              ),
            ]
          : []),
      ]),
    ]),
    ...appendix('entities', dossier.entities, () => [
      bullets(dossier.entities, (entity) => [
        paragraph(
          strong(entity.id),
          ` ${entity.name} ${entity.country} ${entity.identifiers.join('; ')} ${entity.flags.join('; ')}`,
        ),
        paragraph(`Spellings in the files: ${entity.spellings.join('; ') || 'none'}`),
        ...(entity.resolution.length > 0
          ? [paragraph(`Grouped by the user: ${entity.resolution.join('; ')}`)]
          : []),
      ]),
    ]),
    ...appendix(
      'designations, as the sanctions snapshots listed them',
      dossier.designations,
      () => [
        bullets(dossier.designations, (listing) => {
          const [first, ...rest] = designationLines(listing);
          return [
            paragraph(strong(listing.id), ` ${first}`),
            ...rest.map((line) => paragraph(line)),
          ];
        }),
      ],
    ),
  ];
}

export function renderMarkdown(dossier: Dossier): string {
  const tree: Root = {
    type: 'root',
    children: [
      heading(1, dossier.title),
      paragraph(strong(profileTitle(dossier)), ` · exported ${dossier.exportedAt}`),
      ...(dossier.notice ? [quote(dossier.notice)] : []),
      paragraph(
        `${dossier.cover.claims} claims, ${dossier.cover.citations} citations. ` +
          dossier.cover.byStatus.map((entry) => `${entry.status}: ${entry.count}`).join(' · '),
      ),
      ...claims(dossier),
      ...appendices(dossier),
      heading(2, 'Manifest of source files'),
      bullets(dossier.sources, (source) => [
        paragraph(
          `${source.kind}: ${source.name} — SHA-256 ${source.sha256} — origin: ${source.origin} (${source.declared})`,
        ),
      ]),
    ],
  };
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '_',
    rule: '-',
    // Beyond what CommonMark needs: no angle bracket of the data reaches a renderer unescaped,
    // whatever HTML a CMS might let through.
    unsafe: [
      { character: '<', inConstruct: 'phrasing' },
      { character: '>', inConstruct: 'phrasing' },
    ],
  });
}
