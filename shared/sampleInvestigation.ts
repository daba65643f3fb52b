import { z } from 'zod';

/**
 * The sample investigation that the app offers on an empty home screen. It is written by
 * `scripts/gen-sample.ts` into `assets/sample/` and describes no real case: every record in it is
 * synthetic, and the app labels it so.
 */
export const sampleInvestigationSchema = z.object({
  format: z.literal('waybill-sample'),
  version: z.literal(1),
  name: z.string().min(1),
  notice: z.string().min(1),
  /** Customs files in assets/sample/, imported into the sample as datasets. */
  datasets: z.array(z.object({ file: z.string().min(1), vendor: z.string(), origin: z.string() })),
  sections: z.array(
    z.object({
      name: z.string().min(1),
      claims: z.array(
        z.object({
          text: z.string().min(1),
          status: z.string().min(1),
          reason: z.string().optional(),
          tags: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export type SampleInvestigation = z.infer<typeof sampleInvestigationSchema>;
