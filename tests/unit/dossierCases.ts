/** Investigations the dossier and verifier tests build through the app's own mutations. */
import { readFileSync } from 'node:fs';
import { addClaim, changeClaimStatus } from '../../renderer/src/case/claims/claimMutations';
import { mergeEntities } from '../../renderer/src/case/entities/entityMutations';
import { linkEvidence } from '../../renderer/src/case/evidence/linkMutations';
import { investigationDb } from '../../renderer/src/db/databases';
import { rawCells } from '../../renderer/src/db/rawCells';
import type { InvestigationDb } from '../../renderer/src/db/schema';
import type { DossierEngine } from '../../renderer/src/features/dossier/collectDossierInput';
import { createInvestigation } from '../../renderer/src/features/investigations/investigationMutations';
import { currentEntity } from '../../shared/customs/entityProfile';
import { partyKey } from '../../shared/customs/partyKey';
import { shipmentRefId } from '../../shared/customs/shipmentIndex';
import { shipmentEvidence } from '../../shared/dossier/shipmentEvidence';
import { implicitEntityId } from '../../shared/entities/entity';
import type { Investigation } from '../../shared/investigation';
import { sampleInvestigationSchema } from '../../shared/sampleInvestigation';
import { importFixture, indexOf } from './db/customsFixture';

/** The shipment engine over an investigation's datasets, built in-process as the worker builds it. */
export async function engineOf(db: InvestigationDb): Promise<DossierEngine> {
  const index = await indexOf(db, true);
  const names = new Map((await db.entities.toArray()).map((entity) => [entity.id, entity.name]));
  return {
    dossierShipments: (request) => shipmentEvidence(index, request, (rows) => rawCells(db, rows)),
    entity: (id) => Promise.resolve(currentEntity(index, id, (entityId) => names.get(entityId))),
  };
}

export const SAMPLE_X = 'assets/sample/sample-vendor-x.csv';
export const SAMPLE_Y = 'assets/sample/sample-vendor-y.tsv';

/**
 * The sample's two vendor files (vendor X of origin RU, vendor Y of origin CN), their companies
 * grouped as the sample groups them, and a *Corroborated* claim citing two single rows of vendor X
 * that vendor Y reports too.
 */
/** Cites rows of the index for a claim, each as supporting it. */
export async function citeRows(
  db: InvestigationDb,
  index: Awaited<ReturnType<typeof indexOf>>,
  claimId: string,
  rows: readonly number[],
): Promise<void> {
  for (const row of rows) {
    const targetId = shipmentRefId(index.row(row));
    await linkEvidence(db, {
      claimId,
      targetType: 'shipment',
      targetId,
      label: targetId,
      relation: 'supports',
      comment: '',
    });
  }
}

export async function matchedCase(): Promise<{
  db: InvestigationDb;
  investigation: Investigation;
}> {
  const investigation = await createInvestigation('Matches');
  const db = investigationDb(investigation);
  await importFixture(db, SAMPLE_X, { vendor: 'X', origin: 'RU' });
  await importFixture(db, SAMPLE_Y, { vendor: 'Y', origin: 'CN' });
  const sample = sampleInvestigationSchema.parse(
    JSON.parse(readFileSync('assets/sample/sample-investigation.json', 'utf8')),
  );
  for (const entity of sample.entities) {
    const spellings = [...new Set(entity.spellings.map((raw) => implicitEntityId(partyKey(raw))))];
    if (spellings.length > 1) await mergeEntities(db, spellings, entity.name);
  }
  const index = await indexOf(db, true);
  const view = index.view();
  const datasetX = (await db.datasets.toArray()).find((dataset) => dataset.vendor === 'X')!;
  const matched = Array.from({ length: view.count }, (_, row) => row).filter(
    (row) => view.datasets[view.dataset[row]].id === datasetX.id && view.groupOf[row] >= 0,
  );
  if (matched.length < 2) throw new Error('The sample files no longer match across vendors.');
  const claim = await addClaim(db, { text: 'Two shipments reached the plant.' });
  // Publishable, so that both profiles hold it; its two origins meet the status's rule.
  const corroborated = (await db.statuses.toArray()).find(
    (status) => status.name === 'Corroborated',
  );
  await changeClaimStatus(db, claim.id, corroborated!.id, 'Reported by two vendors.');
  await citeRows(db, index, claim.id, matched.slice(0, 2));
  return { db, investigation };
}
