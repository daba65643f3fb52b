import type { Investigation } from '../../../../shared/investigation';
import { choicesFromPreview } from '../datasets/importDataset';
import { importWorker, progressCallback } from '../datasets/importWorkerClient';
import { createSampleInvestigation } from './investigationMutations';
import { sampleFileUrls, sampleInvestigation } from './sample';

/**
 * Creates the sample investigation: its claims, then its customs files imported through the import
 * worker like any file a researcher brings.
 */
export async function openSampleInvestigation(): Promise<Investigation> {
  const investigation = await createSampleInvestigation(sampleInvestigation);
  for (const dataset of sampleInvestigation.datasets) {
    const url = sampleFileUrls[dataset.file];
    if (!url) throw new Error(`The sample file ${dataset.file} is missing from this build.`);
    const file = await (await fetch(url)).blob();
    const preview = await importWorker().preview(investigation.id, file, dataset.file, {});
    if (!preview.ok) throw new Error(preview.message);
    const result = await importWorker().import(
      investigation.id,
      file,
      dataset.file,
      choicesFromPreview(preview.value, dataset),
      progressCallback(() => undefined),
    );
    if (!result.ok) throw new Error(result.message);
  }
  return investigation;
}
