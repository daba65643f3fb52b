/**
 * The corroboration benchmark (built only by `npm run bench`): two generated datasets of different
 * seeds in one investigation, the story's companies merged as a user would, a claim citing the saved
 * filter "Poly Technologies → Ulan-Ude Aviation Plant, 2022"; then alias resolution and matching,
 * and opening that claim, cold (a fresh engine) and warm; then the pivot and the network over
 * every row.
 */
import * as Comlink from 'comlink';
import { partyKey } from '#shared/customs/partyKey';
import { completeFilter, emptyShipmentFilter } from '#shared/customs/shipmentFilter';
import { implicitEntityId } from '#shared/entities/entity';
import { investigationDb } from '../src/db/databases';
import type { InvestigationDb } from '../src/db/schema';
import { addClaim } from '../src/case/claims/claimMutations';
import { choicesFromPreview } from '../src/workers/import/importDataset';
import { importFile, previewImport } from '../src/case/datasets/importWorkerClient';
import { mergeEntities } from '../src/case/entities/entityMutations';
import { linkEvidence } from '../src/case/evidence/linkMutations';
import { createInvestigation } from '../src/features/investigations/investigationMutations';
import { saveFilter } from '../src/case/shipments/savedFilterMutations';
import type { ShipmentWorkerApi } from '../src/workers/shipmentWorker';

const FILTER = 'Poly Technologies → Ulan-Ude Aviation Plant, 2022';

async function importUrl(db: InvestigationDb, url: string, name: string) {
  const file = await (await fetch(url)).blob();
  const preview = await previewImport(db, file, name, {});
  if (!preview.ok) throw new Error(preview.message);
  const choices = choicesFromPreview(preview.value, { vendor: name, origin: 'Generated customs' });
  const result = await importFile(db, file, name, choices, () => undefined);
  if (!result.ok) throw new Error(result.message);
  return { rows: result.value.counts.accepted, bytes: file.size };
}

/** The merges a researcher makes by hand for the story's companies (the spellings of gen-customs). */
async function mergeStory(db: InvestigationDb) {
  const merge = (name: string, spellings: string[]) =>
    mergeEntities(
      db,
      spellings.map((raw) => implicitEntityId(partyKey(raw))),
      name,
    );
  const poly = await merge('Poly Technologies', ['POLY TECHNOLOGIES INC', 'POLY TECHNOLOGY INC.']);
  const plant = await merge('Ulan-Ude Aviation Plant', [
    'JSC ULAN-UDE AVIATION PLANT',
    'АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"',
    'U-UAP JSC',
  ]);
  return { poly, plant };
}

/** The data side of opening a claim: its links, its saved filters, and the engine's evidence. */
async function openClaim(
  db: InvestigationDb,
  engine: Comlink.Remote<ShipmentWorkerApi>,
  claimId: string,
) {
  const links = await db.links.where('claimId').equals(claimId).toArray();
  const saved = await db.savedFilters.bulkGet(links.map((link) => link.targetId));
  const answer = await engine.claimEvidence({
    links,
    filters: saved.flatMap((entry) =>
      entry ? [{ id: entry.id, filter: completeFilter(entry.filter) }] : [],
    ),
    designations: [],
  });
  if (!answer) throw new Error('the engine is not loaded');
  return answer.summary;
}

export async function corroboration(urlA: string, urlB: string) {
  const investigation = await createInvestigation('Corroboration benchmark');
  const investigationId = investigation.id;
  const db = investigationDb(investigation);
  const a = await importUrl(db, urlA, 'generated-a.csv');
  const b = await importUrl(db, urlB, 'generated-b.tsv');
  const { poly, plant } = await mergeStory(db);
  await saveFilter(db, FILTER, {
    ...emptyShipmentFilter,
    shipperEntity: poly,
    consigneeEntity: plant,
    dateFrom: '2022-01-01',
    dateTo: '2022-12-31',
  });
  const filterId = (await db.savedFilters.toArray())[0].id;
  const claim = await addClaim(db, { text: 'Poly shipped helicopter parts to Ulan-Ude in 2022.' });
  await linkEvidence(db, {
    claimId: claim.id,
    targetType: 'savedFilter',
    targetId: filterId,
    label: FILTER,
    relation: 'supports',
    comment: '',
  });

  // Cold: a fresh engine loads every block, resolves, matches, then answers the claim.
  const thread = new Worker(new URL('../src/workers/shipmentWorker.ts', import.meta.url), {
    type: 'module',
  });
  const engine = Comlink.wrap<ShipmentWorkerApi>(thread);
  let progressEvents = 0;
  const coldStart = performance.now();
  await engine.sync(
    db.access,
    'bench',
    'entities-1',
    '',
    Comlink.proxy(() => {
      progressEvents += 1;
    }),
  );
  const summary = await openClaim(db, engine, claim.id);
  const coldMs = performance.now() - coldStart;

  // Alias resolution and matching alone: what a merge or split sets off.
  const matchStart = performance.now();
  await engine.sync(db.access, 'bench', 'entities-2', '');
  const matchMs = performance.now() - matchStart;
  // The baseline: one unfiltered pass over every row, counting and totalling.
  const scanStart = performance.now();
  await engine.query(emptyShipmentFilter, { column: 'row', direction: 'asc' });
  const scanMs = performance.now() - scanStart;

  const warm: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const started = performance.now();
    await openClaim(db, engine, claim.id);
    warm.push(performance.now() - started);
  }
  warm.sort((x, y) => x - y);
  // The pivot and the network over the million rows, each the median of three.
  const median = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return times.sort((x, y) => x - y)[1] ?? 0;
  };
  const exporter = { ...emptyShipmentFilter, shipperEntity: poly };
  const toPlant = await engine.pivot(exporter, 'counterparty', 200);
  const pivot = {
    counterpartyMs: await median(() => engine.pivot(exporter, 'counterparty', 200)),
    plant: toPlant?.groups.find((group) => group.entityId === plant) ?? null,
    shipperAllMs: await median(() => engine.pivot(emptyShipmentFilter, 'shipper', 200)),
    monthAllMs: await median(() => engine.pivot(emptyShipmentFilter, 'month', 200)),
    networkAllMs: await median(() => engine.network(emptyShipmentFilter, 60)),
    networkExporterMs: await median(() => engine.network(exporter, 60)),
  };
  const suggestionsStart = performance.now();
  const suggestions = await engine.suggestions();
  const suggestionsMs = performance.now() - suggestionsStart;
  thread.terminate();
  return {
    investigationId,
    rows: a.rows + b.rows,
    bytes: a.bytes + b.bytes,
    coldMs,
    matchMs,
    scanMs,
    progressEvents,
    warmMedianMs: warm[Math.floor(warm.length / 2)] ?? 0,
    warmMaxMs: warm.at(-1) ?? 0,
    suggestionsMs,
    suggestions: suggestions.length,
    pivot,
    summary: {
      distinctShipments: summary.distinctShipments,
      sourceRows: summary.sourceRows,
      reportedBy: summary.reportedBy,
      dateFrom: summary.dateFrom,
      dateTo: summary.dateTo,
    },
  };
}
