import type { Investigation } from '#shared/investigation';
import { choicesFromPreview } from '../../workers/import/importDataset';
import { importFile, previewImport } from '../../case/datasets/importWorkerClient';
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
  const db = investigationDb(investigation);
  for (const dataset of sampleInvestigation.datasets) {
    const file = await (await fetch(sampleUrl(dataset.file))).blob();
    const preview = await previewImport(db, file, dataset.file, {});
    if (!preview.ok) throw new Error(preview.message);
    const choices = choicesFromPreview(preview.value, dataset);
    const result = await importFile(db, file, dataset.file, choices, () => undefined);
    if (!result.ok) throw new Error(result.message);
  }
  await addSampleEvidence(db, sampleInvestigation, sampleUrl);
  return investigation;
}
