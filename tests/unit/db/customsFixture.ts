import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InvestigationDb } from '../../../renderer/src/db/schema';
import {
  choicesFromPreview,
  importDataset,
  previewImport,
} from '../../../renderer/src/workers/import/importDataset';
import type { ImportChoices } from '../../../renderer/src/workers/import/importTypes';
import type { ShipmentIndex } from '../../../shared/customs/shipmentIndex';
import { loadIndex } from '../../../renderer/src/workers/shipments/loadIndex';
import { PartyResolution } from '../../../shared/entities/resolution';

/** Imports a test file as the import worker would, with the choices its preview proposes. */
export async function importFixture(
  db: InvestigationDb,
  filePath: string,
  labels: { vendor?: string; origin?: string } = {},
  changes: Partial<ImportChoices> = {},
) {
  const name = path.basename(filePath);
  const file = new Blob([readFileSync(filePath)]);
  const choices = choicesFromPreview(await previewImport(db, file, name), labels);
  return importDataset(db, file, name, { ...choices, ...changes });
}

/** The shipment engine's index over every complete dataset, as the worker loads it. */
export async function indexOf(db: InvestigationDb, resolved = false): Promise<ShipmentIndex> {
  const index = await loadIndex(db);
  if (resolved) index.resolve(new PartyResolution(await db.entities.toArray()));
  return index;
}
