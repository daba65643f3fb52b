import sampleFile from '../../../../assets/sample/sample-investigation.json';
import { sampleInvestigationSchema } from '#shared/sampleInvestigation';

/** The sample case, validated: a broken sample file fails loudly here rather than half-imports. */
export const sampleInvestigation = sampleInvestigationSchema.parse(sampleFile);

/** The URLs of the sample's customs files, by file name, as the build serves them. */
export const sampleFileUrls: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../assets/sample/*.{csv,tsv,pdf}', {
      query: '?url',
      import: 'default',
      eager: true,
    }),
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);
