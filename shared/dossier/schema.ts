/**
 * The dossier's published format: a zod schema of the model (model.ts), from which the package's
 * `dossier.schema.json` is generated, and by which the verifier reads a dossier as hostile input:
 * every string, list and number bounded.
 */
import { z } from 'zod';
import { relations } from '../evidence/link';
import { evidenceTypes } from '../evidence/link';
import { DOSSIER_VERSION, type Dossier } from './model';

const text = z.string().max(1_000_000);
const short = z.string().max(10_000);
const id = z.string().max(64);
const count = z.number().int().min(0).max(1e9);
const amount = z.number().min(-1e15).max(1e15);
const list = <T extends z.ZodType>(item: T, max = 100_000) => z.array(item).max(max);
const sha256 = z.string().regex(/^([0-9a-f]{64})?$/);

const designationStatusSchema = z.enum(['listed', 'formerly listed']);

/** What each figure of a claim's summary is, as the verifier recomputes it from `derivation`. */
const summary = z.object({
  distinctShipments: count.describe('count(derivation)'),
  sourceRows: count.describe('sum over derivation of count(rows)'),
  dateFrom: short.nullable().describe("min(date) over the derivation's representatives"),
  dateTo: short.nullable().describe("max(date) over the derivation's representatives"),
  valueByCurrency: list(z.object({ currency: short, total: amount })).describe(
    'per currency, sum(value) over the representatives that carry a value; never across currencies',
  ),
  totalWeightKg: amount.describe('sum(weightKg) over the representatives that carry a weight'),
  datasets: list(short).describe(
    'the datasets ("file (vendor)") of every row of the derivation\'s shipments, matches included',
  ),
  origins: list(short).describe(
    'the distinct stated origins of those datasets; a dataset of unknown origin gives none',
  ),
  unknownOriginRows: count.describe('count of those rows from datasets of unknown origin'),
  reportedBy: list(z.object({ datasets: count, shipments: count })).describe(
    'per number of distinct datasets reporting a shipment, how many shipments',
  ),
  derivation: list(z.object({ representative: id, rows: list(id, 5_000_000) }), 5_000_000).describe(
    'the distinct shipments counted: the row standing for each (its first counted row) and the cited rows counted with it, by shipment appendix id; every row of a shipment shares its `shipment` id',
  ),
  contradicting: count.describe("count of the claim's citations whose relation is contradicts"),
  requests: list(z.object({ title: short, to: short, outcome: short })),
  designations: list(
    z.object({
      designation: id,
      role: z.enum(['shipper', 'consignee', 'party']),
      inside: count.describe(
        "count of the derivation's representatives with the designation's party as shipper or consignee and a date certainly inside its period",
      ),
      uncertain: count.describe(
        'count of those within a month or year a partial start or end leaves open (not inside)',
      ),
      shipments: count.describe(
        "count of the derivation's representatives with the designation's party as shipper or consignee",
      ),
      period: short,
      status: designationStatusSchema,
      text: short,
    }),
  ),
});

const claim = z.object({
  number: count,
  text,
  status: short,
  statusMeaning: text,
  reason: text.nullable(),
  statusRule: short.nullable(),
  ruleWarnings: list(short).nullable(),
  tags: list(short),
  summary,
  citations: list(
    z.object({
      number: count,
      relation: z.enum(relations),
      kind: z.enum(evidenceTypes),
      targets: list(id),
      label: text,
      comment: text.nullable(),
    }),
  ),
});

const shipment = z.object({
  id,
  dataset: short,
  vendor: short,
  origin: short,
  fileSha256: sha256,
  rowNumber: count,
  date: short,
  shipper: text,
  consignee: text,
  originCountry: short,
  destinationCountry: short,
  hsCode: short,
  description: text,
  weightKg: amount.nullable(),
  value: amount.nullable(),
  currency: short,
  declarationId: text,
  billOfLading: text,
  reportedBy: count,
  raw: list(z.object({ header: text, value: text }), 10_000),
  cited: z.boolean(),
  shipment: id,
  shipperParty: id,
  consigneeParty: id,
});

export const dossierSchema = z.object({
  format: z.literal('waybill-dossier'),
  version: z.literal(DOSSIER_VERSION),
  title: short,
  synthetic: z.boolean(),
  notice: text,
  exportedAt: short,
  profile: z.enum(['full', 'publication']),
  cover: z.object({
    claims: count,
    citations: count,
    byStatus: list(z.object({ status: short, count })),
  }),
  sections: list(z.object({ name: short, claims: list(claim) })),
  shipments: list(shipment, 5_000_000),
  matchingRule: text,
  savedFilters: list(
    z.object({
      id,
      name: short,
      definition: list(text),
      frozenAt: short,
      shipments: list(id, 5_000_000),
    }),
  ),
  excerpts: list(
    z.object({
      id,
      document: short,
      documentSha256: sha256,
      page: count,
      quote: text,
      reading: text,
      prefix: text,
      suffix: text,
      position: z.object({ start: count, end: count }),
      createdAt: short,
      comment: text.nullable(),
      ocr: z.object({ confidence: z.number().int().min(0).max(100) }).nullable(),
    }),
  ),
  notes: list(
    z.object({
      id,
      kind: short,
      title: short,
      source: short,
      role: short,
      date: short,
      confidentiality: short,
      body: text,
      request: z
        .object({ to: short, sentOn: short, deadline: short, outcome: short, answer: text })
        .nullable(),
    }),
  ),
  requests: list(z.object({ note: id, title: short, to: short, sentOn: short, outcome: short })),
  documents: list(
    z.object({ id, title: short, fileName: short, sha256, pages: count, origin: short }),
  ),
  entities: list(
    z.object({
      id,
      name: short,
      country: short,
      identifiers: list(short),
      flags: list(short),
      spellings: list(short),
      resolution: list(short),
    }),
  ),
  designations: list(
    z.object({
      id,
      entity: short,
      party: id,
      target: short,
      targetId: short,
      designationId: short,
      lists: list(short),
      authority: short,
      program: short,
      reason: text,
      start: short.nullable(),
      end: short.nullable(),
      period: short,
      status: designationStatusSchema,
      sourceUrl: short,
      match: z.object({
        tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
        reason: short,
        decidedAt: short,
      }),
      snapshot: z.object({ fileName: short, source: short, date: short, sha256 }),
    }),
  ),
  sources: list(
    z.object({
      kind: z.enum(['dataset', 'document', 'snapshot']),
      name: short,
      sha256,
      origin: short,
      declared: short,
    }),
  ),
  redactions: list(z.object({ evidence: id, field: short, replacedBy: short }), 5_000_000),
}) satisfies z.ZodType<Dossier>;

/** The format as a JSON Schema (draft 2020-12), shipped in every package. */
export function dossierJsonSchema(): string {
  const schema = z.toJSONSchema(dossierSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(
    {
      ...schema,
      title: `Waybill sourced claim dossier, format ${DOSSIER_VERSION}`,
    },
    null,
    2,
  )}\n`;
}
