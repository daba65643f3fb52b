import { z } from 'zod';
import { relations } from './evidence/link';
import { noteKinds, outcomes } from './notes/sourceNote';
import { confidentialities } from './notes/source';

/**
 * The sample investigation that the app offers on an empty home screen: the reference case of the
 * handbook (CASE.md) with invented companies. It is written by `scripts/gen-sample.ts` into
 * `assets/sample/` and describes no real case: every record in it is synthetic, and the app labels
 * it so. Things refer to each other by `key`s local to this file.
 */
const evidence = z.object({
  kind: z.enum(['savedFilter', 'entity', 'excerpt', 'note', 'document']),
  ref: z.string().min(1),
  relation: z.enum(relations),
  comment: z.string(),
});

export const sampleInvestigationSchema = z.object({
  format: z.literal('waybill-sample'),
  version: z.literal(3),
  name: z.string().min(1),
  notice: z.string().min(1),
  /** Customs files in assets/sample/, imported into the sample as datasets. */
  datasets: z.array(z.object({ file: z.string().min(1), vendor: z.string(), origin: z.string() })),
  /** Entities as a researcher would group them: spellings no rule can see are one company. */
  entities: z.array(
    z.object({
      key: z.string().min(1),
      name: z.string().min(1),
      spellings: z.array(z.string().min(1)).min(1),
      country: z.string(),
      identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
      sanction: z.object({ by: z.string(), since: z.string(), excerpt: z.string() }).nullable(),
    }),
  ),
  /** Saved shipment filters between two entities over a date range. */
  savedFilters: z.array(
    z.object({
      key: z.string().min(1),
      name: z.string().min(1),
      shipper: z.string().min(1),
      consignee: z.string().min(1),
      dateFrom: z.string(),
      dateTo: z.string(),
    }),
  ),
  /** PDFs in assets/sample/. */
  documents: z.array(
    z.object({ key: z.string().min(1), file: z.string().min(1), origin: z.string() }),
  ),
  /** Passages of the documents, each a verbatim line of a page. */
  excerpts: z.array(
    z.object({
      key: z.string().min(1),
      document: z.string().min(1),
      quote: z.string().min(1),
      comment: z.string(),
    }),
  ),
  /** The people and offices the notes come from. */
  sources: z.array(
    z.object({
      key: z.string().min(1),
      name: z.string().min(1),
      affiliation: z.string(),
      confidentiality: z.enum(confidentialities),
      attribution: z.string(),
      aliases: z.array(z.string()),
    }),
  ),
  notes: z.array(
    z.object({
      key: z.string().min(1),
      kind: z.enum(noteKinds),
      title: z.string().min(1),
      body: z.string(),
      /** A key of `sources`, or null for the researcher's own note. */
      source: z.string().nullable(),
      date: z.string(),
      request: z
        .object({
          to: z.string(),
          sentOn: z.string(),
          deadline: z.string(),
          outcome: z.enum(outcomes),
          answer: z.string(),
        })
        .nullable(),
    }),
  ),
  sections: z.array(
    z.object({
      name: z.string().min(1),
      claims: z.array(
        z.object({
          text: z.string().min(1),
          status: z.string().min(1),
          reason: z.string().optional(),
          tags: z.array(z.string()),
          evidence: z.array(evidence),
        }),
      ),
    }),
  ),
});

export type SampleInvestigation = z.infer<typeof sampleInvestigationSchema>;
export type SampleEvidence = z.infer<typeof evidence>;
