import { completeFilter } from '#shared/customs/shipmentFilter';
import type { DossierInput } from '#shared/dossier/input';
import type { ShipmentEvidenceRequest } from '#shared/dossier/shipmentEvidence';
import type { AuditEntry, Investigation } from '#shared/investigation';
import { citedDesignation } from '#shared/sanctions/citedDesignation';
import type { InvestigationDb } from '../../db/schema';

/** The shipment engine as the dossier needs it (the worker, or an index built in a test). */
export type DossierEngine = {
  dossierShipments(
    request: ShipmentEvidenceRequest,
  ): Promise<Pick<DossierInput, 'rows' | 'filterRows' | 'summaries' | 'derivations'> | null>;
  entity(id: string): Promise<{ id: string; name: string; spellings: string[] } | null>;
};

/** A merge or split of the user's, in words with its date (none for other entity changes). */
function decisionText(entry: AuditEntry): string[] {
  const day = new Date(entry.at).toISOString().slice(0, 10);
  const after = entry.after ?? {};
  const keys = (after.aliasKeys as string[] | undefined) ?? [];
  if (Array.isArray(after.merged))
    return [`${day}: grouped by the user as “${String(after.name)}” (${keys.join('; ')})`];
  if (typeof after.splitOff === 'string')
    return [`${day}: “${after.splitOff}” split off by the user`];
  return [];
}

/** What a dossier reads from the database: only Dexie reads, so a live query can watch them all. */
export type DossierRecords = Awaited<ReturnType<typeof readDossierRecords>>;

export async function readDossierRecords(db: InvestigationDb) {
  return {
    statuses: await db.statuses.toArray(),
    sections: await db.sections.toArray(),
    claims: await db.claims.toArray(),
    links: await db.links.toArray(),
    datasets: await db.datasets.where('status').equals('complete').toArray(),
    documents: await db.documents.toArray(),
    excerpts: await db.excerpts.toArray(),
    notes: await db.notes.toArray(),
    sources: await db.sources.toArray(),
    savedFilters: await db.savedFilters.toArray(),
    entities: await db.entities.toArray(),
    sanctionsMatches: await db.sanctionsMatches.toArray(),
    // When each source file's origin was declared, and by whom.
    provenance: [
      ...(await db.audit
        .where('[table+recordId]')
        .between(['datasets', ''], ['datasets', '\uffff'])
        .toArray()),
      ...(await db.audit
        .where('[table+recordId]')
        .between(['documents', ''], ['documents', '\uffff'])
        .toArray()),
    ],
    // The user's merges and splits, behind each entity the dossier names.
    entityDecisions: await db.audit
      .where('[table+recordId]')
      .between(['entities', ''], ['entities', '\uffff'])
      .toArray(),
  };
}

/**
 * Completes the records with the engine's answers (what each cited saved filter matches now, each
 * claim's summary, the entities' current names) at one moment: the dossier's input.
 */
export async function completeDossierInput(
  records: DossierRecords,
  investigation: Investigation,
  engine: DossierEngine,
  now: Date,
): Promise<DossierInput> {
  const {
    savedFilters,
    links,
    entities: storedEntities,
    entityDecisions,
    sanctionsMatches,
    ...rest
  } = records;
  const cited = new Set(
    links.filter((link) => link.targetType === 'savedFilter').map((link) => link.targetId),
  );
  const filters = savedFilters
    .filter((saved) => cited.has(saved.id))
    .map((saved) => ({ ...saved, filter: completeFilter(saved.filter) }));
  const shipments = (await engine.dossierShipments({
    filters: filters.map(({ id, filter }) => ({ id, filter })),
    links,
  })) ?? { rows: {}, filterRows: {}, summaries: {}, derivations: {} };

  const entityIds = new Set([
    ...links.filter((link) => link.targetType === 'entity').map((link) => link.targetId),
    ...filters.flatMap(({ filter }) => [filter.shipperEntity, filter.consigneeEntity]),
  ]);
  entityIds.delete('');
  const byId = new Map(storedEntities.map((entity) => [entity.id, entity]));
  const entities: DossierInput['entities'] = {};
  for (const id of entityIds) {
    const current = await engine.entity(id);
    if (!current) continue;
    const stored = byId.get(current.id);
    entities[id] = {
      name: current.name,
      spellings: current.spellings,
      decisions: entityDecisions
        .filter((entry) => entry.recordId === current.id)
        .sort((a, b) => a.at - b.at)
        .flatMap((entry) => decisionText(entry)),
      country: stored?.country ?? '',
      identifiers: stored?.identifiers ?? [],
      flags: stored?.flags ?? [],
    };
  }
  // Each cited designation, with the entity its match is of now (after merges) as rows name it.
  const matches = new Map(sanctionsMatches.map((match) => [match.id, match]));
  const designations: DossierInput['designations'] = {};
  for (const link of links) {
    const found = link.targetType === 'designation' && citedDesignation(link.targetId, matches);
    if (!found) continue;
    const current = await engine.entity(found.match.entityId);
    designations[link.targetId] = {
      ...found,
      party: current?.id ?? '',
      entity: current?.name ?? 'an entity no longer stored',
    };
  }
  return {
    designations,
    investigation: {
      name: investigation.name,
      synthetic: investigation.synthetic,
      notice: investigation.notice ?? '',
    },
    exportedAt: now.toISOString(),
    ...rest,
    links,
    savedFilters: filters,
    entities,
    ...shipments,
  };
}

/** Everything a dossier is built from, read now (exports, tests). */
export async function collectDossierInput(
  db: InvestigationDb,
  investigation: Investigation,
  engine: DossierEngine,
  now: Date,
): Promise<DossierInput> {
  return completeDossierInput(await readDossierRecords(db), investigation, engine, now);
}
