import type { Investigation } from '../../../../shared/investigation';
import { choicesFromPreview } from '../../workers/import/importDataset';
import { importWorker, progressCallback } from '../datasets/importWorkerClient';
import { investigationDb } from '../../db/databases';
import { createSampleInvestigation } from './investigationMutations';
import { addSampleEvidence } from './sampleEvidence';
import { sampleFileUrls, sampleInvestigation } from './sample';

/** The URL of one of the sample's files in this build. */
function sampleUrl(file: string): string {
  const url = sampleFileUrls[file];
  if (!url) throw new Error(`The sample file ${file} is missing from this build.`);
  return url;
}

/**
 * Creates the sample investigation: its claims, its customs files imported through the import
 * worker like any file a researcher brings, then its entities, documents, notes and links.
 */
export async function openSampleInvestigation(): Promise<Investigation> {
  const investigation = await createSampleInvestigation(sampleInvestigation);
  for (const dataset of sampleInvestigation.datasets) {
    const file = await (await fetch(sampleUrl(dataset.file))).blob();
    const preview = await importWorker().preview(
      investigationDb(investigation).access,
      file,
      dataset.file,
      {},
    );
    if (!preview.ok) throw new Error(preview.message);
    const result = await importWorker().import(
      investigationDb(investigation).access,
      file,
      dataset.file,
      choicesFromPreview(preview.value, dataset),
      progressCallback(() => undefined),
    );
    if (!result.ok) throw new Error(result.message);
  }
  await addSampleEvidence(investigationDb(investigation), sampleInvestigation, sampleUrl);
  return investigation;
}
