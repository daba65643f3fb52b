import { completeFilter } from '../../../../shared/customs/shipmentFilter';
import type { DossierInput } from '../../../../shared/dossier/input';
import type { ShipmentEvidenceRequest } from '../../../../shared/dossier/shipmentEvidence';
import type { Investigation } from '../../../../shared/investigation';
import type { InvestigationDb } from '../../db/schema';

/** The shipment engine as the dossier needs it (the worker, or an index built in a test). */
export type DossierEngine = {
  dossierShipments(
    request: ShipmentEvidenceRequest,
  ): Promise<Pick<DossierInput, 'rows' | 'filterRows' | 'summaries'> | null>;
  entity(id: string): Promise<{ id: string; name: string } | null>;
};

/**
 * Gathers everything a dossier is built from, at one moment: the records from the database and the
 * engine's answers (what each saved filter matches now, each claim's summary).
 */
export async function collectDossierInput(
  db: InvestigationDb,
  investigation: Investigation,
  engine: DossierEngine,
  now: Date,
): Promise<DossierInput> {
  const [statuses, sections, claims, links, datasets, documents, excerpts, notes, savedFilters] =
    await Promise.all([
      db.statuses.toArray(),
      db.sections.toArray(),
      db.claims.toArray(),
      db.links.toArray(),
      db.datasets.where('status').equals('complete').toArray(),
      db.documents.toArray(),
      db.excerpts.toArray(),
      db.notes.toArray(),
      db.savedFilters.toArray(),
    ]);
  const cited = new Set(
    links.filter((link) => link.targetType === 'savedFilter').map((link) => link.targetId),
  );
  const filters = savedFilters
    .filter((saved) => cited.has(saved.id))
    .map((saved) => ({ ...saved, filter: completeFilter(saved.filter) }));
  const shipments = (await engine.dossierShipments({
    filters: filters.map(({ id, filter }) => ({ id, filter })),
    links,
  })) ?? { rows: {}, filterRows: {}, summaries: {} };

  const entityIds = new Set([
    ...links.filter((link) => link.targetType === 'entity').map((link) => link.targetId),
    ...filters.flatMap(({ filter }) => [filter.shipperEntity, filter.consigneeEntity]),
  ]);
  entityIds.delete('');
  const entities: DossierInput['entities'] = {};
  for (const id of entityIds) {
    const current = await engine.entity(id);
    if (!current) continue;
    const stored = await db.entities.get(current.id);
    entities[id] = {
      name: current.name,
      country: stored?.country ?? '',
      identifiers: stored?.identifiers ?? [],
      flags: stored?.flags ?? [],
    };
  }
  return {
    investigation: {
      name: investigation.name,
      synthetic: investigation.synthetic,
      notice: investigation.notice ?? '',
    },
    exportedAt: now.toISOString(),
    statuses,
    sections,
    claims,
    links,
    datasets,
    documents,
    excerpts,
    notes,
    savedFilters: filters,
    entities,
    ...shipments,
  };
}
