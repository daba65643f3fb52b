import { partyKey } from '#shared/customs/partyKey';
import { emptyShipmentFilter } from '#shared/customs/shipmentFilter';
import { findAll } from '#shared/documents/textAnchoring';
import { implicitEntityId } from '#shared/entities/entity';
import type { EvidenceType } from '#shared/evidence/link';
import type { SampleEvidence, SampleInvestigation } from '#shared/sampleInvestigation';
import type { InvestigationDb } from '../../db/schema';
import { mergeEntities, saveEntity } from '../../case/entities/entityMutations';
import { linkEvidence } from '../../case/evidence/linkMutations';
import { emptyNote, saveNote } from '../../case/notes/noteMutations';
import { saveSource } from '../../case/notes/sourceMutations';
import { saveFilter } from '../../case/shipments/savedFilterMutations';

type Ids = Record<SampleEvidence['kind'], Map<string, { id: string; label: string }>>;

/**
 * The sample's evidence, made through the same mutations a researcher's actions call: entities
 * merged from their spellings, saved filters between them, the PDFs added and read with pdf.js, the
 * excerpts anchored in their text, the source notes, and every claim's links.
 */
export async function addSampleEvidence(
  db: InvestigationDb,
  sample: SampleInvestigation,
  fileUrl: (file: string) => string,
): Promise<void> {
  const ids: Ids = {
    entity: new Map(),
    savedFilter: new Map(),
    document: new Map(),
    excerpt: new Map(),
    note: new Map(),
  };

  for (const entity of sample.entities) {
    const spellings = [...new Set(entity.spellings.map((raw) => implicitEntityId(partyKey(raw))))];
    const merged =
      spellings.length > 1 ? await mergeEntities(db, spellings, entity.name) : spellings[0];
    const id = await saveEntity(db, merged ?? '', {
      name: entity.name,
      kind: 'company',
      country: entity.country,
      identifiers: entity.identifiers,
      flags: [],
    });
    ids.entity.set(entity.key, { id, label: `Entity ${entity.name}` });
  }

  for (const saved of sample.savedFilters) {
    await saveFilter(db, saved.name, {
      ...emptyShipmentFilter,
      shipperEntity: ids.entity.get(saved.shipper)?.id ?? '',
      consigneeEntity: ids.entity.get(saved.consignee)?.id ?? '',
      dateFrom: saved.dateFrom,
      dateTo: saved.dateTo,
    });
    const stored = await db.savedFilters.where('name').equals(saved.name).first();
    if (stored) ids.savedFilter.set(saved.key, { id: stored.id, label: saved.name });
  }

  // pdf.js loads only now, as it does with the Documents tab.
  const [{ addDocument, extractText, updateDocument }, { addExcerpt }, { pageItems, spanRects }] =
    await Promise.all([
      import('../../case/documents/documentMutations'),
      import('../../case/documents/excerptMutations'),
      import('../../case/documents/pdfjs'),
    ]);
  for (const sampleDocument of sample.documents) {
    const bytes = new Uint8Array(await (await fetch(fileUrl(sampleDocument.file))).arrayBuffer());
    const { document, pdf } = await addDocument(db, { name: sampleDocument.file, bytes });
    if (!pdf) continue;
    await extractText(db, document, pdf);
    await updateDocument(db, document.id, { title: document.title, origin: sampleDocument.origin });
    ids.document.set(sampleDocument.key, { id: document.id, label: document.title });
    for (const excerpt of sample.excerpts.filter(
      (entry) => entry.document === sampleDocument.key,
    )) {
      const pages = await db.pageTexts.where('documentId').equals(document.id).sortBy('page');
      const page = pages.find((candidate) => findAll(candidate.text, excerpt.quote, 1).length > 0);
      const span = page && findAll(page.text, excerpt.quote, 1)[0];
      if (!page || !span) throw new Error(`The sample quote is not in ${sampleDocument.file}.`);
      const stored = await addExcerpt(db, document, {
        page: page.page,
        pageText: page.text,
        span,
        rects: spanRects(await pageItems(pdf, page.page, page), span),
        comment: excerpt.comment,
      });
      ids.excerpt.set(excerpt.key, { id: stored.id, label: `“${excerpt.quote}”` });
    }
    await pdf.destroy();
  }

  for (const entity of sample.entities.filter((entry) => entry.sanction)) {
    const stored = ids.entity.get(entity.key);
    const sanction = entity.sanction;
    if (!stored || !sanction) continue;
    await saveEntity(db, stored.id, {
      name: entity.name,
      kind: 'company',
      country: entity.country,
      identifiers: entity.identifiers,
      flags: [
        {
          label: 'sanctioned',
          by: sanction.by,
          since: sanction.since,
          excerptId: ids.excerpt.get(sanction.excerpt)?.id ?? '',
        },
      ],
    });
  }

  const sourceIds = new Map<string, string>();
  for (const { key, ...source } of sample.sources) sourceIds.set(key, await saveSource(db, source));
  for (const note of sample.notes) {
    const { key, source, ...fields } = note;
    const sourceId = source === null ? null : sourceIds.get(source);
    if (sourceId === undefined)
      throw new Error(`The sample's note ${key} names an unknown source.`);
    const id = await saveNote(db, { ...emptyNote(), ...fields, sourceId });
    ids.note.set(key, { id, label: `Source note ${note.title}` });
  }

  const claims = await db.claims.toArray();
  for (const sampleClaim of sample.sections.flatMap((section) => section.claims)) {
    const claim = claims.find((candidate) => candidate.text === sampleClaim.text);
    if (!claim) continue;
    for (const evidence of sampleClaim.evidence) {
      const target = ids[evidence.kind].get(evidence.ref);
      if (!target) throw new Error(`The sample cites an unknown ${evidence.kind}: ${evidence.ref}`);
      await linkEvidence(db, {
        claimId: claim.id,
        targetType: evidence.kind satisfies EvidenceType,
        targetId: target.id,
        label: target.label,
        relation: evidence.relation,
        comment: evidence.comment,
      });
    }
  }
}
