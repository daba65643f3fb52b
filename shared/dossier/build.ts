/**
 * The dossier as a pure function of the investigation's data: the claims chosen, in the
 * investigation's sections and order, each with its summary and numbered citations, then the
 * appendices of everything cited and the manifest of source files.
 */
import { originLabel } from '../customs/corroboration';
import { daysFromIso } from '../customs/dates';
import type { ShipmentFilter } from '../customs/shipmentFilter';
import { quoteLine, type PdfDocument } from '../documents/document';
import { versionLabel } from '../documents/versions';
import type { EvidenceLink } from '../evidence/link';
import { hasRule, ruleShortfalls, ruleText, supportingCount } from '../evidence/statusRule';
import type { Claim } from '../investigation';
import { noteConfidentiality, noteKindLabels, outcomeLabels } from '../notes/sourceNote';
import { confidentialityLabels } from '../notes/source';
import type { DossierInput } from './input';
import { designationFigureEntry } from './format';
import { designationLabel } from '../sanctions/citedDesignation';
import {
  designationFigure,
  designationStatus,
  type PartyShipment,
} from '../sanctions/designationPeriods';
import { periodText } from '../sanctions/partialDate';
import {
  DOSSIER_VERSION,
  type Citation,
  type ClaimSummary,
  type Dossier,
  type DossierClaim,
  type DossierOptions,
  MATCHING_RULE,
} from './model';
import { originDeclaration } from './declarations';
import { confidentialLabels, redactDossier, replacements, sourceAsNamed } from './redaction';

/** Numbers appendix entries in the order they are first cited: S1, S2… */
class Appendix<T> {
  readonly entries: T[] = [];
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  /** Each entry's key (the record it was made from), by its id. */
  keys(): Record<string, string> {
    return Object.fromEntries([...this.ids].map(([key, id]) => [id, key]));
  }
  id(key: string, make: (id: string) => T): string {
    let id = this.ids.get(key);
    if (!id) {
      id = `${this.prefix}${this.ids.size + 1}`;
      this.ids.set(key, id);
      this.entries.push(make(id));
    }
    return id;
  }
}

function chosenClaims(input: DossierInput, options: DossierOptions): Claim[] {
  const publishable = new Set(
    input.statuses.filter((status) => status.publishable).map((s) => s.id),
  );
  const { selection } = options;
  return input.claims.filter((claim) => {
    if (options.profile === 'publication' && !publishable.has(claim.statusId)) return false;
    switch (selection.kind) {
      case 'all':
        return true;
      case 'statuses':
        return selection.statusIds.includes(claim.statusId);
      case 'tags':
        return claim.tags.some((tag) => selection.tags.includes(tag));
      case 'claims':
        return selection.claimIds.includes(claim.id);
    }
  });
}

/** A saved filter's conditions in words, with entity ids named. */
function describeFilter(filter: ShipmentFilter, input: DossierInput): string[] {
  const entity = (id: string) => {
    const found = input.entities[id];
    if (!found) return '(an entity no longer stored)';
    return `${found.name} (every spelling: ${found.spellings.join('; ') || 'none in the files'})`;
  };
  const datasetName = (id: string) =>
    input.datasets.find((dataset) => dataset.id === id)?.fileName ?? id;
  const lines: string[] = [];
  if (filter.shipperEntity) lines.push(`Shipper: ${entity(filter.shipperEntity)}`);
  if (filter.consigneeEntity) lines.push(`Consignee: ${entity(filter.consigneeEntity)}`);
  if (filter.party) lines.push(`Party (${filter.partyRole}) contains: ${filter.party}`);
  if (filter.dateFrom || filter.dateTo)
    lines.push(`Dates: ${filter.dateFrom || 'any'} to ${filter.dateTo || 'any'}`);
  if (filter.hsPrefix) lines.push(`HS code starts with: ${filter.hsPrefix}`);
  if (filter.originCountry) lines.push(`Origin country: ${filter.originCountry}`);
  if (filter.destinationCountry) lines.push(`Destination country: ${filter.destinationCountry}`);
  if (filter.words) lines.push(`Description words: ${filter.words}`);
  if (filter.declaration)
    lines.push(`Declaration or bill-of-lading number contains: ${filter.declaration}`);
  if (filter.valueMin || filter.valueMax)
    lines.push(`Value: ${filter.valueMin || 'any'} to ${filter.valueMax || 'any'}`);
  if (filter.weightMin || filter.weightMax)
    lines.push(`Weight (kg): ${filter.weightMin || 'any'} to ${filter.weightMax || 'any'}`);
  if (filter.designated)
    lines.push(
      `Designated at the time: the ${filter.designated === 'either' ? 'shipper or the consignee' : filter.designated}, by a confirmed sanctions match’s designation or a declared sanctions flag${filter.designatedList ? `, on ${filter.designatedList}` : ''}${filter.designatedSince ? `, begun on or after ${filter.designatedSince}` : ''}`,
    );
  if (filter.datasetIds.length > 0)
    lines.push(`Datasets: ${filter.datasetIds.map(datasetName).join(', ')}`);
  return lines.length > 0 ? lines : ['Every shipment'];
}

/** The records a dossier's numbered claims and lettered notes were made from, by their place. */
export type DossierRecordIds = { claims: string[]; notes: Record<string, string> };

export function buildDossier(input: DossierInput, options: DossierOptions): Dossier {
  return buildDossierAndRecords(input, options).dossier;
}

/** The dossier, and which record each of its claims (by number) and notes (by id) is. */
export function buildDossierAndRecords(
  input: DossierInput,
  options: DossierOptions,
): { dossier: Dossier; records: DossierRecordIds } {
  const full = options.profile === 'full';
  const statusOf = new Map(input.statuses.map((status) => [status.id, status]));
  const datasets = new Map(input.datasets.map((dataset) => [dataset.id, dataset]));
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  const notes = new Map(input.notes.map((note) => [note.id, note]));
  const sources = new Map(input.sources.map((source) => [source.id, source]));
  const labels = confidentialLabels(input.sources);
  // A document with versions is cited by the one an excerpt comes from: "Notice (version 1 of 2)".
  const documentTitle = (document: PdfDocument) => {
    const version = versionLabel(input.documents, document);
    return version ? `${document.title} (${version})` : document.title;
  };

  const shipments = new Appendix<Dossier['shipments'][number]>('S');
  const filters = new Appendix<Dossier['savedFilters'][number]>('F');
  const excerpts = new Appendix<Dossier['excerpts'][number]>('E');
  const cited = new Appendix<Dossier['notes'][number]>('N');
  const docs = new Appendix<Dossier['documents'][number]>('D');
  const entities = new Appendix<Dossier['entities'][number]>('P');
  const listings = new Appendix<Dossier['designations'][number]>('L');

  // Distinct shipments and resolved parties get dossier-local labels: an entity's id can hold a
  // party's name, and the verifier needs only which rows share one.
  const shipmentLabels = new Map<number, string>();
  const partyLabels = new Map<string, string>();
  const partyLabel = (party: string): string => {
    if (!party) return '';
    let label = partyLabels.get(party);
    if (!label) {
      label = `p${partyLabels.size + 1}`;
      partyLabels.set(party, label);
    }
    return label;
  };
  const shipmentId = (ref: string, cited = true): string[] => {
    const row = input.rows[ref];
    if (!row) return [];
    const dataset = datasets.get(row.datasetId);
    let shipment = shipmentLabels.get(row.shipment);
    if (!shipment) {
      shipment = `M${shipmentLabels.size + 1}`;
      shipmentLabels.set(row.shipment, shipment);
    }
    return [
      shipments.id(ref, (id) => ({
        id,
        dataset: row.datasetName,
        vendor: dataset?.vendor ?? '',
        origin: dataset ? originLabel(dataset) : '',
        fileSha256: dataset?.fileSha256 ?? '',
        rowNumber: row.rowNumber,
        date: row.date,
        shipper: row.shipper,
        consignee: row.consignee,
        originCountry: row.originCountry,
        destinationCountry: row.destinationCountry,
        hsCode: row.hsCode,
        description: row.description,
        weightKg: row.weightKg,
        value: row.value,
        currency: row.currency,
        declarationId: row.declarationId,
        billOfLading: row.billOfLading,
        reportedBy: row.reportedBy,
        raw: row.cells.map((value, index) => ({
          header: dataset?.headers[index] ?? `Column ${index + 1}`,
          value,
        })),
        cited,
        shipment,
        shipperParty: partyLabel(row.shipperParty),
        consigneeParty: partyLabel(row.consigneeParty),
      })),
    ];
  };
  const documentId = (documentKey: string): string[] => {
    const document = documents.get(documentKey);
    if (!document) return [];
    return [
      docs.id(document.id, (id) => ({
        id,
        title: documentTitle(document),
        fileName: document.fileName,
        sha256: document.sha256,
        pages: document.pageCount,
        origin: document.origin,
      })),
    ];
  };

  /** Where a link points in the appendices, and how it reads. */
  function target(link: EvidenceLink): { targets: string[]; label: string } {
    switch (link.targetType) {
      case 'shipment': {
        const row = input.rows[link.targetId];
        return {
          targets: shipmentId(link.targetId),
          label: row
            ? `${row.date} ${row.shipper} → ${row.consignee}, ${row.datasetName} row ${row.rowNumber}`
            : 'a shipment row no longer stored',
        };
      }
      case 'savedFilter': {
        const saved = input.savedFilters.find((entry) => entry.id === link.targetId);
        if (!saved) return { targets: [], label: 'a saved filter no longer stored' };
        const refs = input.filterRows[saved.id] ?? [];
        const rowIds = refs.flatMap((ref) => shipmentId(ref));
        const id = filters.id(saved.id, (newId) => ({
          id: newId,
          name: saved.name,
          definition: describeFilter({ ...saved.filter }, input),
          frozenAt: input.exportedAt,
          shipments: rowIds,
        }));
        return { targets: [id], label: `${saved.name} (${refs.length} rows at export)` };
      }
      case 'excerpt': {
        const excerpt = input.excerpts.find((entry) => entry.id === link.targetId);
        if (!excerpt) return { targets: [], label: 'an excerpt no longer stored' };
        const document = documents.get(excerpt.documentId);
        documentId(excerpt.documentId);
        const id = excerpts.id(excerpt.id, (newId) => ({
          id: newId,
          document: document ? documentTitle(document) : '',
          documentSha256: excerpt.fileSha256,
          page: excerpt.page,
          quote: excerpt.quote.exact,
          reading: excerpt.reading,
          prefix: excerpt.quote.prefix,
          suffix: excerpt.quote.suffix,
          position: { start: excerpt.position.start, end: excerpt.position.end },
          createdAt: new Date(excerpt.createdAt).toISOString(),
          comment: full ? excerpt.comment || null : null,
          ocr: excerpt.ocr ? { confidence: excerpt.ocr.confidence } : null,
        }));
        return {
          targets: [id],
          label: `“${quoteLine(excerpt)}”, ${document ? documentTitle(document) : 'a document'}, page ${excerpt.page}`,
        };
      }
      case 'note': {
        const note = notes.get(link.targetId);
        if (!note) return { targets: [], label: 'a note no longer stored' };
        const source = note.sourceId === null ? undefined : sources.get(note.sourceId);
        const named = sourceAsNamed(source, options.profile, labels);
        const id = cited.id(note.id, (newId) => ({
          id: newId,
          kind: noteKindLabels[note.kind],
          title: note.title,
          source: named.source,
          role: named.role,
          date: note.date,
          confidentiality: confidentialityLabels[noteConfidentiality(source)],
          body: note.body,
          request: note.request && {
            to: note.request.to,
            sentOn: note.request.sentOn,
            deadline: note.request.deadline,
            outcome: outcomeLabels[note.request.outcome],
            answer: note.request.answer,
          },
        }));
        return {
          targets: [id],
          label: `${noteKindLabels[note.kind]}: ${note.title}${named.source ? ` (${named.source})` : ''}`,
        };
      }
      case 'document': {
        const document = documents.get(link.targetId);
        return {
          targets: documentId(link.targetId),
          label: document ? documentTitle(document) : 'a document no longer stored',
        };
      }
      case 'entity': {
        const entity = input.entities[link.targetId];
        if (!entity) return { targets: [], label: 'an entity no longer stored' };
        const id = entities.id(link.targetId, (newId) => ({
          id: newId,
          name: entity.name,
          country: entity.country,
          identifiers: entity.identifiers.map((entry) => `${entry.scheme} ${entry.value}`.trim()),
          flags: entity.flags.map((flag) =>
            [flag.label, flag.by && `by ${flag.by}`, flag.since && `since ${flag.since}`]
              .filter(Boolean)
              .join(' '),
          ),
          spellings: entity.spellings,
          resolution: entity.decisions,
        }));
        return { targets: [id], label: entity.name };
      }
      case 'designation': {
        const cited = input.designations[link.targetId];
        if (!cited) return { targets: [], label: 'a designation no longer stored' };
        return {
          targets: [designationId(link.targetId)],
          label: designationLabel(cited.match, cited.designation),
        };
      }
    }
  }

  /** A cited designation's appendix entry (`L1`…), frozen as its match was confirmed. */
  function designationId(key: string): string {
    const { match, designation, party, entity } = input.designations[key];
    return listings.id(key, (id) => ({
      id,
      entity,
      party: partyLabel(party),
      target: match.target.caption,
      targetId: match.target.id,
      designationId: designation.id,
      lists: designation.lists,
      authority: designation.authority,
      program: designation.program,
      reason: designation.reason,
      start: designation.start,
      end: designation.end,
      period: periodText(designation),
      status: designationStatus(designation, match.snapshot.date),
      sourceUrl: designation.sourceUrl,
      match: {
        tier: match.tier,
        reason: match.reason,
        decidedAt: new Date(match.decidedAt).toISOString(),
      },
      snapshot: {
        fileName: match.snapshot.fileName,
        source: match.snapshot.source,
        date: match.snapshot.date,
        sha256: match.snapshot.sha256,
      },
    }));
  }

  /** A claim's distinct shipments (their representatives) with their days and resolved parties. */
  const partyShipmentsOf = (claimId: string): PartyShipment[] =>
    (input.derivations[claimId] ?? []).flatMap(({ representative }) => {
      const row = input.rows[representative];
      return row
        ? [
            {
              day: daysFromIso(row.date),
              shipper: row.shipperParty,
              consignee: row.consigneeParty,
            },
          ]
        : [];
    });

  const chosen = new Set(chosenClaims(input, options).map((claim) => claim.id));
  const linksOf = (claimId: string) =>
    input.links
      .filter((link) => link.claimId === claimId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const sectionOrder = [
    ...[...input.sections].sort((a, b) => a.order - b.order).map((section) => section.id),
    null,
  ];
  let claimNumber = 0;
  const claimIds: string[] = [];
  let citationNumber = 0;
  const sections: Dossier['sections'] = [];
  for (const sectionId of sectionOrder) {
    const claims = input.claims
      .filter((claim) => claim.sectionId === sectionId && chosen.has(claim.id))
      .sort((a, b) => a.order - b.order);
    if (claims.length === 0) continue;
    const name = input.sections.find((section) => section.id === sectionId)?.name ?? 'Unsectioned';
    sections.push({
      name,
      claims: claims.map((claim): DossierClaim => {
        claimNumber += 1;
        claimIds.push(claim.id);
        const links = linksOf(claim.id);
        const citations = links.map((link): Citation => {
          citationNumber += 1;
          return {
            number: citationNumber,
            relation: link.relation,
            kind: link.targetType,
            ...target(link),
            comment: full ? link.comment || null : null,
          };
        });
        const status = statusOf.get(claim.statusId);
        const engine = input.summaries[claim.id];
        /** Its distinct shipments with days and parties, for the designations it cites. */
        let claimShipments: PartyShipment[] | undefined;
        const requests = links
          .filter((link) => link.targetType === 'note')
          .flatMap((link) => {
            const note = notes.get(link.targetId);
            return note?.request
              ? [
                  {
                    title: note.title,
                    to: note.request.to,
                    outcome: outcomeLabels[note.request.outcome],
                  },
                ]
              : [];
          });
        const summary: ClaimSummary = {
          distinctShipments: engine?.distinctShipments ?? 0,
          sourceRows: engine?.sourceRows ?? 0,
          dateFrom: engine?.dateFrom ?? null,
          dateTo: engine?.dateTo ?? null,
          valueByCurrency: (engine?.valueByCurrency ?? []).map(({ currency, total }) => ({
            currency,
            total,
          })),
          totalWeightKg: engine?.totalWeightKg ?? 0,
          datasets: (engine?.datasets ?? []).map(
            (dataset) => `${dataset.fileName}${dataset.vendor ? ` (${dataset.vendor})` : ''}`,
          ),
          origins: engine?.origins ?? [],
          unknownOriginRows: engine?.unknownOriginRows ?? 0,
          reportedBy: engine?.reportedBy ?? [],
          derivation: (input.derivations[claim.id] ?? []).map((shipment) => ({
            representative: shipmentId(shipment.representative)[0] ?? '',
            rows: shipment.rows.flatMap((ref) => shipmentId(ref)),
          })),
          contradicting: links.filter((link) => link.relation === 'contradicts').length,
          requests,
          designations: links
            .filter((link) => link.targetType === 'designation')
            .flatMap((link) => {
              const cited = input.designations[link.targetId];
              if (!cited) return [];
              const figure = designationFigure(
                (claimShipments ??= partyShipmentsOf(claim.id)),
                cited.party,
                cited.designation,
                cited.match.snapshot.date,
              );
              return [designationFigureEntry(designationId(link.targetId), figure)];
            }),
        };
        return {
          number: claimNumber,
          text: claim.text,
          status: status?.name ?? '',
          statusMeaning: status?.description ?? '',
          reason: full ? claim.statusReason || null : null,
          statusRule: hasRule(status?.rule) ? ruleText(status.rule) : null,
          ruleWarnings:
            full && status
              ? ruleShortfalls(status, {
                  supporting: supportingCount(links),
                  origins: summary.origins.length,
                })
              : null,
          tags: claim.tags,
          summary,
          citations,
        };
      }),
    });
  }

  // The matches of the cited rows in other datasets, after every cited row: the rows that make a
  // summary's datasets, origins and "reported by" true.
  const citedShipments = new Set(
    Object.values(shipments.keys()).map((ref) => input.rows[ref]?.shipment),
  );
  for (const [ref, row] of Object.entries(input.rows))
    if (citedShipments.has(row.shipment)) shipmentId(ref, false);

  const byStatus = new Map<string, number>();
  for (const claim of sections.flatMap((section) => section.claims))
    byStatus.set(claim.status, (byStatus.get(claim.status) ?? 0) + 1);
  const usedDatasets = new Set(shipments.entries.map((entry) => entry.fileSha256));
  const dossier: Dossier = {
    format: 'waybill-dossier',
    version: DOSSIER_VERSION,
    title: input.investigation.name,
    synthetic: input.investigation.synthetic,
    notice: input.investigation.notice,
    exportedAt: input.exportedAt,
    profile: options.profile,
    cover: {
      claims: claimNumber,
      citations: citationNumber,
      byStatus: input.statuses
        .filter((status) => byStatus.has(status.name))
        .sort((a, b) => a.order - b.order)
        .map((status) => ({ status: status.name, count: byStatus.get(status.name) ?? 0 })),
    },
    sections,
    shipments: shipments.entries,
    matchingRule: MATCHING_RULE,
    savedFilters: filters.entries,
    excerpts: excerpts.entries,
    notes: cited.entries,
    requests: cited.entries.flatMap((note) =>
      note.request
        ? [
            {
              note: note.id,
              title: note.title,
              to: note.request.to,
              sentOn: note.request.sentOn,
              outcome: note.request.outcome,
            },
          ]
        : [],
    ),
    documents: docs.entries,
    entities: entities.entries,
    designations: listings.entries,
    sources: [
      ...input.datasets
        .filter((dataset) => usedDatasets.has(dataset.fileSha256))
        .map((dataset) => ({
          kind: 'dataset' as const,
          name: dataset.fileName,
          sha256: dataset.fileSha256,
          origin: originLabel(dataset),
          declared: originDeclaration(
            { id: dataset.id, addedAt: dataset.importedAt },
            input.provenance,
          ),
        })),
      ...docs.entries.map((document) => {
        const stored = documents.get(docs.keys()[document.id]);
        return {
          kind: 'document' as const,
          name: document.fileName,
          sha256: document.sha256,
          origin: document.origin || 'origin unknown',
          declared: stored ? originDeclaration(stored, input.provenance) : '',
        };
      }),
      ...[
        ...new Map(
          listings.entries.map((entry) => [entry.snapshot.sha256, entry.snapshot]),
        ).values(),
      ].map((snapshot) => ({
        kind: 'snapshot' as const,
        name: snapshot.fileName,
        sha256: snapshot.sha256,
        origin: snapshot.source || 'origin unknown',
        declared: `sanctions snapshot dated ${snapshot.date}`,
      })),
    ],
    redactions: [],
  };
  return {
    dossier: redactDossier(dossier, replacements(input.sources, options.profile, labels)),
    records: { claims: claimIds, notes: cited.keys() },
  };
}
