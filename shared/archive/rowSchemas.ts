/**
 * What a row of each table may be, as zod schemas: an archive's rows come from elsewhere, so each
 * is parsed before it is stored. Unknown fields are dropped, every field has its type, strings and
 * lists are bounded, numbers are finite and in range. Fields added by later schema versions are
 * optional or defaulted here, so archives written before them still restore (the restore then
 * gives them what the version's upgrade gives old rows).
 */
import { z } from 'zod';
import type { Dataset, StoredRowProblem } from '../customs/dataset';
import { dayMonthOrders } from '../customs/dates';
import { delimiters } from '../customs/delimiter';
import { canonicalFields } from '../customs/fields';
import { textEncodings } from '../customs/encoding';
import { mappingSchema } from '../customs/layout';
import { shipmentSortColumns, type SavedFilter } from '../customs/shipmentFilter';
import { pivotDimensions } from '../customs/shipmentGroups';
import type { Excerpt, PageText, PdfDocument } from '../documents/document';
import type { Entity, SuggestionDismissal } from '../entities/entity';
import { evidenceTypes, relations, type EvidenceLink } from '../evidence/link';
import type { AuditEntry, Claim, Section, Status } from '../investigation';
import { noteKinds, outcomes, type SourceNote } from '../notes/sourceNote';
import { confidentialities, type Source } from '../notes/source';
import type { LegacyNote } from '../notes/legacyNotes';
import {
  identifierKinds,
  type Designation,
  type IdentifierKind,
  type SanctionsTarget,
} from '../sanctions/ftm';
import type { SanctionsMatch } from '../sanctions/sanctionsMatch';
import type { CaseScreeningRecord } from '../sanctions/caseScreening';
import {
  shipmentDisplays,
  type ClaimsView,
  type DocumentsView,
  type EntitiesView,
  type HistoryView,
  type NotesView,
  type ShipmentsView,
  type TabView,
} from '../tabViews';

const identifierKindNames = Object.keys(identifierKinds) as [IdentifierKind, ...IdentifierKind[]];

const MAX_TIME = 8_640_000_000_000_000;

/** A short string: a name, a title, a label, an id. */
const short = z.string().max(2_000);
/** A text a person wrote or a page holds: a claim, a note's body, a page's text. */
const long = z.string().max(10_000_000);
const id = z.string().min(1).max(2_000);
const time = z.number().int().min(0).max(MAX_TIME);
const count = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32);
const order = z
  .number()
  .min(-(2 ** 53))
  .max(2 ** 53);
/** A percentage, as OCR confidence is given: a whole number from 0 to 100. */
const percent = z.number().int().min(0).max(100);
const list = <T extends z.ZodType>(item: T, max = 100_000) => z.array(item).max(max);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A key IndexedDB numbered (the audit log's, rejected rows'). */
const autoNumber = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53)
  .optional();
const isoDateOrEmpty = z.string().regex(/^(?:\d{4}-\d{2}-\d{2})?$/);

const ruleMinimum = z.number().int().min(0).max(1_000);

const status = z.object({
  id,
  name: short,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: long,
  publishable: z.boolean(),
  // Since schema version 10; the restore gives older archives' *Corroborated* its rule.
  rule: z.object({ minSupporting: ruleMinimum, minOrigins: ruleMinimum }).optional(),
  order,
}) satisfies z.ZodType<Status>;

const section = z.object({ id, name: short, order }) satisfies z.ZodType<Section>;

const claim = z.object({
  id,
  text: long,
  statusId: id,
  statusReason: long.optional(),
  tags: list(short),
  sectionId: id.nullable(),
  order,
  createdAt: time,
  updatedAt: time,
}) satisfies z.ZodType<Claim>;

const auditTables = [
  'claims',
  'statuses',
  'sections',
  'notes',
  'sources',
  'entities',
  'exports',
  'nameChecks',
  'excerpts',
  'documents',
  'datasets',
  'savedFilters',
  'links',
  'sanctionsMatches',
  'sanctionsScreenings',
] as const satisfies readonly AuditEntry['table'][];

const audit = z.object({
  id: autoNumber,
  at: time,
  table: z.enum(auditTables),
  recordId: id,
  action: z.enum(['create', 'update', 'delete', 'restore']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: long.optional(),
  // Since the “Your name” setting.
  by: short.optional(),
}) satisfies z.ZodType<AuditEntry>;

const increasing = (values: readonly number[]) =>
  values.every((value, at) => at === 0 || value > values[at - 1]);

/** A byte's or a line's place in a file, from 1. */
const place = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53);

/** Since schema 23, a delimited dataset's (shared/customs/lineIndex.ts): lines after line 1. */
const lineIndex = z
  .object({ at: list(place, 1_000_000), line: list(place.min(2), 1_000_000) })
  .refine(
    ({ at, line }) => at.length === line.length && increasing(at) && increasing(line),
    'its lines and bytes must be as many, and each list increasing',
  );

const dataset = z.object({
  id,
  fileName: short,
  fileSha256: sha256,
  size: count.max(2 ** 53),
  vendor: short,
  origin: short,
  // Since schema 19.
  displayName: short.optional(),
  importedAt: time,
  status: z.enum(['importing', 'complete']),
  format: z.enum(['delimited', 'xlsx']),
  encoding: z.enum(textEncodings).nullable(),
  delimiter: z.enum(delimiters).nullable(),
  sheet: short.nullable(),
  headerLine: count,
  headers: list(long),
  mapping: mappingSchema,
  // Year first since layouts were remembered whole.
  dayMonthOrder: z.enum(dayMonthOrders),
  decimalComma: z.boolean(),
  defaultCurrency: short,
  counts: z.object({
    records: count,
    accepted: count,
    rejected: count,
    blank: count,
    duplicates: count,
  }),
  blockCount: count,
  lineIndex: lineIndex.optional(),
}) satisfies z.ZodType<Dataset>;

const rowProblem = z.object({
  id: autoNumber,
  datasetId: id,
  rowNumber: count,
  cells: list(long),
  problems: list(
    z.object({
      field: z.enum([...canonicalFields, 'row']),
      code: z.enum([
        'bad-date',
        'missing-date',
        'missing-party',
        'bad-number',
        'negative-number',
        'bad-hs-code',
        'column-count',
        'bad-currency',
      ]),
      message: long,
    }),
  ),
}) satisfies z.ZodType<StoredRowProblem>;

/** A shipment filter as saved by any version: fields added later take their empty value. */
const shipmentFilter = z.object({
  party: short.default(''),
  partyRole: z.enum(['either', 'shipper', 'consignee']).default('either'),
  shipperEntity: short.default(''),
  consigneeEntity: short.default(''),
  dateFrom: isoDateOrEmpty.default(''),
  dateTo: isoDateOrEmpty.default(''),
  hsPrefix: short.default(''),
  originCountry: short.default(''),
  destinationCountry: short.default(''),
  datasetIds: list(id).default([]),
  words: short.default(''),
  declaration: short.default(''),
  valueMin: short.default(''),
  valueMax: short.default(''),
  weightMin: short.default(''),
  weightMax: short.default(''),
  designated: z.enum(['', 'either', 'shipper', 'consignee']).default(''),
  designatedList: short.default(''),
  designatedSince: isoDateOrEmpty.default(''),
});

const savedFilter = z.object({
  id,
  name: short,
  filter: shipmentFilter,
  createdAt: time,
}) satisfies z.ZodType<SavedFilter>;

/** What the Shipments tab was showing (since schema 17). */
const shipmentsView = z.object({
  id: z.literal('shipments'),
  filter: shipmentFilter,
  sort: z.object({
    column: z.enum(shipmentSortColumns),
    direction: z.enum(['asc', 'desc']),
  }),
  columns: list(z.string().max(40)),
  openRow: count.nullable(),
  // Since schema 19.
  display: z.enum(shipmentDisplays).optional(),
  pivotBy: z.enum(pivotDimensions).optional(),
}) satisfies z.ZodType<ShipmentsView>;

/** The other tabs' views (since schema 19). */
const otherViews = [
  z.object({
    id: z.literal('claims'),
    filter: z.object({ text: short, statusId: short, tag: short }),
    openClaim: id.nullable(),
  }) satisfies z.ZodType<ClaimsView>,
  z.object({
    id: z.literal('entities'),
    search: short,
    openEntity: short,
  }) satisfies z.ZodType<EntitiesView>,
  z.object({
    id: z.literal('notes'),
    filter: z.object({
      kind: z.enum(['', ...noteKinds]),
      outcome: z.enum(['', ...outcomes]),
      confidentiality: z.enum(['', ...confidentialities]),
    }),
  }) satisfies z.ZodType<NotesView>,
  z.object({
    id: z.literal('documents'),
    openDocument: id.nullable(),
  }) satisfies z.ZodType<DocumentsView>,
  z.object({
    id: z.literal('history'),
    filter: z.object({
      kind: z.enum(['', ...auditTables]),
      claimId: short,
      from: short,
      to: short,
    }),
  }) satisfies z.ZodType<HistoryView>,
] as const;

const view = z.discriminatedUnion('id', [
  shipmentsView,
  ...otherViews,
]) satisfies z.ZodType<TabView>;

const document = z.object({
  id,
  sha256,
  fileName: short,
  title: short,
  origin: long,
  pageCount: count,
  addedAt: time,
  encrypted: z.boolean(),
  textStatus: z.enum(['extracting', 'complete', 'no-text']),
  pagesExtracted: count,
  // Since schema 17: the document this one is a new version of.
  supersedes: id.optional(),
  // Since schema 18: how its scanned pages were read by OCR.
  ocr: z
    .object({
      engine: short,
      languages: list(z.string().regex(/^[a-z]{3}(?:_[a-z]{2,8})?$/)),
      finishedAt: time,
      pages: count,
      confidence: percent,
    })
    .optional(),
}) satisfies z.ZodType<PdfDocument>;

const page = z.number().int().min(1).max(1_000_000);

const coordinate = z.number().min(-1e7).max(1e7);
const rect = z.object({ x1: coordinate, y1: coordinate, x2: coordinate, y2: coordinate });

const pageText = z.object({
  documentId: id,
  page,
  text: long,
  // Since schema 18: the words a scanned page's text was read from by OCR.
  ocr: z
    .object({
      words: list(
        z.object({ text: short, box: rect, confidence: percent, lineEnd: z.boolean() }),
        1_000_000,
      ),
      confidence: percent,
    })
    .optional(),
}) satisfies z.ZodType<PageText>;
const excerpt = z.object({
  id,
  documentId: id,
  fileSha256: sha256,
  page,
  quote: z.object({ exact: long, prefix: long, suffix: long }),
  // Since schema 17; restored without it, an excerpt gets it from its document's text.
  reading: long.optional(),
  position: z.object({ start: count, end: count }),
  rects: list(rect),
  comment: long,
  tags: list(short),
  createdAt: time,
  keptOnVersion: z.boolean().optional(),
  // Since schema 18: cut from text read by OCR.
  ocr: z.object({ confidence: percent }).optional(),
}) satisfies z.ZodType<Omit<Excerpt, 'reading'> & { reading?: string }>;

const request = z
  .object({
    to: short,
    sentOn: short,
    deadline: short,
    outcome: z.enum(outcomes),
    answer: long,
  })
  .nullable();

const note = z.object({
  id,
  kind: z.enum(noteKinds),
  title: short,
  body: long,
  sourceId: id.nullable(),
  date: short,
  request,
  createdAt: time,
  updatedAt: time,
}) satisfies z.ZodType<SourceNote>;

/** A note of an archive written before schema version 11, its source inside it. */
const legacyNote = note.omit({ sourceId: true }).extend({
  sourceName: short,
  // Since schema version 8.
  aliases: list(short).default([]),
  sourceRole: short,
  confidentiality: z.enum(confidentialities),
  attribution: short,
}) satisfies z.ZodType<LegacyNote>;

// Since schema version 11.
const source = z.object({
  id,
  name: short,
  affiliation: short,
  confidentiality: z.enum(confidentialities),
  attribution: short,
  aliases: list(short),
  createdAt: time,
  updatedAt: time,
}) satisfies z.ZodType<Source>;

const link = z.object({
  id,
  claimId: id,
  targetType: z.enum(evidenceTypes),
  targetId: id,
  relation: z.enum(relations),
  comment: long,
  createdAt: time,
  seenCount: count.optional(),
}) satisfies z.ZodType<EvidenceLink>;

const entity = z.object({
  id,
  name: short,
  kind: z.enum(['company', 'person']),
  country: short,
  identifiers: list(z.object({ scheme: short, value: short })),
  flags: list(
    z.object({ label: short, by: short, since: short, excerptId: z.string().max(2_000) }),
  ),
  aliasKeys: list(short, 1_000_000),
  formerIds: list(id, 1_000_000),
  createdAt: time,
  updatedAt: time,
}) satisfies z.ZodType<Entity>;

const suggestionDismissal = z.object({
  id: z.string().min(1).max(1_000_000),
  keys: list(short),
  at: time,
}) satisfies z.ZodType<SuggestionDismissal>;

const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);

const designation = z.object({
  id: short,
  authority: short,
  program: short,
  lists: list(short, 500),
  start: partialDate.nullable(),
  end: partialDate.nullable(),
  sourceUrl: short,
  reason: z.string().max(50_000),
}) satisfies z.ZodType<Designation>;

const sanctionsTarget = z.object({
  id: short,
  schema: short,
  caption: short,
  names: list(short, 500),
  aliases: list(short, 500),
  weakAliases: list(short, 500),
  previousNames: list(short, 500),
  identifiers: list(z.object({ kind: z.enum(identifierKindNames), value: short }), 500),
  countries: list(short, 500),
  lists: list(short, 500),
  designations: list(designation, 10_000),
}) satisfies z.ZodType<SanctionsTarget>;

const screeningTier = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** The snapshot a decision or screening was made against, by hash and date. */
const snapshotRef = z.object({ sha256, date: partialDate, fileName: short, source: short });

const sanctionsMatch = z.object({
  id,
  entityId: id,
  decision: z.enum(['confirmed', 'dismissed']),
  tier: screeningTier,
  reason: short,
  target: sanctionsTarget,
  snapshot: snapshotRef,
  decidedAt: time,
}) satisfies z.ZodType<SanctionsMatch>;

const sanctionsScreening = z.object({
  id: sha256,
  snapshot: snapshotRef,
  screenedAt: time,
  screened: count,
  found: list(
    z.object({
      id,
      name: short,
      candidates: list(
        z.object({
          targetId: short,
          tier: screeningTier,
          score: z.number().min(0).max(1),
          reason: short,
          automatic: z.boolean(),
          target: sanctionsTarget,
        }),
        100,
      ),
    }),
    1_000_000,
  ),
}) satisfies z.ZodType<CaseScreeningRecord>;

/** A stored file's row: the bytes are an entry of their own (`files/<sha256>`). */
const fileRow = z.object({
  sha256,
  size: count.max(2 ** 53),
  name: short,
  mime: short,
});

/** One block's raw cells as archives before schema 16 held them (cellsCodec.ts reads them). */
export const legacyCellsSchema = z.object({
  datasetId: id,
  blockNo: count,
  cells: list(list(long), 1_000_000),
});

/** The schema of each table's rows, by table name; an archive's other tables are not read. */
export const rowSchemas = {
  statuses: status,
  sections: section,
  claims: claim,
  audit,
  datasets: dataset,
  rowProblems: rowProblem,
  files: fileRow,
  savedFilters: savedFilter,
  documents: document,
  pageTexts: pageText,
  excerpts: excerpt,
  // The restore turns legacy notes into notes and sources (shared/notes/legacyNotes.ts).
  notes: z.union([note, legacyNote]),
  sources: source,
  links: link,
  entities: entity,
  suggestionDismissals: suggestionDismissal,
  // Since schema version 14.
  sanctionsMatches: sanctionsMatch,
  // Since schema version 15.
  sanctionsScreenings: sanctionsScreening,
  views: view,
} as const;

export type RowTable = keyof typeof rowSchemas;
