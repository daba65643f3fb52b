import { Dexie } from 'dexie';
import { evidenceTypeLabels, type EvidenceLink, type EvidenceType } from '#shared/evidence/link';
import { recordChange } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { designationLinkId } from '#shared/sanctions/citedDesignation';

/**
 * Evidence about to be deleted: one record, every shipment row of a dataset, or every designation
 * of a sanctions match.
 */
export type CitedTarget =
  { type: EvidenceType; id: string } | { datasetShipments: string } | { matchDesignations: string };

export function citingLinks(db: InvestigationDb, target: CitedTarget): Promise<EvidenceLink[]> {
  if ('datasetShipments' in target) {
    // Not a range over the index: a locked investigation stores link targets as keyed hashes.
    const prefix = `${target.datasetShipments}:`;
    return db.links
      .filter((link) => link.targetType === 'shipment' && link.targetId.startsWith(prefix))
      .toArray();
  }
  if ('matchDesignations' in target) {
    const prefix = designationLinkId(target.matchDesignations, '');
    return db.links
      .filter((link) => link.targetType === 'designation' && link.targetId.startsWith(prefix))
      .toArray();
  }
  return db.links.where('[targetType+targetId]').equals([target.type, target.id]).toArray();
}

export class CitedEvidenceError extends Error {
  constructor(readonly claimIds: string[]) {
    super(
      `${claimIds.length === 1 ? 'A claim cites' : `${claimIds.length} claims cite`} this evidence: ` +
        'remove those links too, or keep it.',
    );
  }
}

/**
 * The handbook's rule for deleting evidence a claim cites: refused, unless the user also removes the
 * links, in which case each claim's history records what it cited and when it went. Runs inside
 * the deleting transaction, which must include `links` and `audit`.
 */
export async function releaseCitations(
  db: InvestigationDb,
  target: CitedTarget,
  label: string,
  removeLinks: boolean,
): Promise<void> {
  if (!Dexie.currentTransaction) throw new Error('releaseCitations must run inside a transaction');
  const links = await citingLinks(db, target);
  if (links.length === 0) return;
  if (!removeLinks) throw new CitedEvidenceError([...new Set(links.map((link) => link.claimId))]);
  for (const link of links) {
    await db.links.delete(link.id);
    await recordChange(
      db,
      'claims',
      link.claimId,
      'update',
      { evidence: `${link.relation}: ${evidenceTypeLabels[link.targetType]} ${label}` },
      null,
      'The evidence was deleted',
    );
  }
}
