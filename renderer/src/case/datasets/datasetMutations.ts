import { canonicalOrigin, knownOrigins } from '#shared/customs/corroboration';
import type { InvestigationDb } from '../../db/schema';
import { releaseCitations } from '../evidence/citations';
import {
  removeDatasetRecords,
  rollBackInterruptedImports,
} from '../../workers/import/importDataset';
import { updateAudited } from '../../db/audit';
import { deleteStoredFile } from '../../db/storedFiles';

/**
 * Deletes a dataset with its shipments and rejected rows; the original file goes when no dataset
 * uses it. Refused while a claim cites one of its rows, unless those links go too.
 */
export async function deleteDataset(
  db: InvestigationDb,
  datasetId: string,
  removeLinks = false,
): Promise<void> {
  const dataset = await db.datasets.get(datasetId);
  if (!dataset) return;
  const tables = [db.datasets, db.shipmentBlocks, db.shipmentCells, db.rowProblems];
  await db.transaction('rw', [...tables, db.links, db.audit], async () => {
    await releaseCitations(
      db,
      { datasetShipments: datasetId },
      `a row of ${dataset.fileName}`,
      removeLinks,
    );
    await removeDatasetRecords(db, datasetId);
  });
  const stillUsed = await db.datasets.where('fileSha256').equals(dataset.fileSha256).count();
  if (stillUsed === 0)
    await db.transaction('rw', [db.files, db.fileParts], () =>
      deleteStoredFile(db, dataset.fileSha256),
    );
}

const checked = new Set<string>();

/**
 * Rolls back imports interrupted in an earlier session, once per investigation per page load (before
 * this page can have started an import of its own).
 */
export async function recoverInterruptedImports(db: InvestigationDb): Promise<string[]> {
  if (checked.has(db.investigationId)) return [];
  checked.add(db.investigationId);
  return rollBackInterruptedImports(db);
}

/**
 * Changes what the app calls a dataset, who sold it and what it comes from. The origin decides how
 * many independent origins a claim's shipments have, so it can be put right after the import; an
 * origin the investigation already states (in another case or spacing) is written as it is there.
 * An empty name gives the file's name back.
 */
export async function updateProvenance(
  db: InvestigationDb,
  datasetId: string,
  provenance: { vendor: string; origin: string; displayName?: string },
): Promise<void> {
  const others = (await db.datasets.toArray()).filter((dataset) => dataset.id !== datasetId);
  const next = {
    vendor: provenance.vendor.trim(),
    origin: canonicalOrigin(provenance.origin, knownOrigins(others)),
    ...(provenance.displayName === undefined
      ? {}
      : { displayName: provenance.displayName.trim() || undefined }),
  };
  await updateAudited(
    db,
    db.datasets,
    'datasets',
    datasetId,
    next,
    'This dataset no longer exists.',
  );
}
