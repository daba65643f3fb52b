import type { EvidenceLink, EvidenceType, Relation } from '#shared/evidence/link';
import { recordChange, updateAudited } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

export type LinkInput = {
  claimId: string;
  targetType: EvidenceType;
  targetId: string;
  label: string;
  relation: Relation;
  comment: string;
};

/** What a "link to claim" does: the plain link, or more where citing takes more. */
export type LinkWork = (db: InvestigationDb, input: LinkInput) => Promise<unknown>;

/**
 * Links a claim to evidence. The claim's history records the link, so what a claim cited, and
 * when, stays on file even after the link goes.
 */
export async function linkEvidence(db: InvestigationDb, input: LinkInput): Promise<EvidenceLink> {
  return db.transaction('rw', [db.links, db.claims, db.audit], async () => {
    if (!(await db.claims.get(input.claimId))) throw new Error('This claim no longer exists.');
    const existing = await db.links
      .where('claimId')
      .equals(input.claimId)
      .filter((link) => link.targetType === input.targetType && link.targetId === input.targetId)
      .first();
    if (existing) throw new Error('This claim already cites that evidence.');
    const link: EvidenceLink = {
      id: newId(),
      claimId: input.claimId,
      targetType: input.targetType,
      targetId: input.targetId,
      relation: input.relation,
      comment: input.comment.trim(),
      createdAt: Date.now(),
    };
    await db.links.add(link);
    await recordChange(db, 'claims', input.claimId, 'update', null, {
      evidence: `${input.relation}: ${input.label}`,
    });
    return link;
  });
}

export async function unlinkEvidence(
  db: InvestigationDb,
  link: EvidenceLink,
  label: string,
): Promise<void> {
  await db.transaction('rw', [db.links, db.audit], async () => {
    await db.links.delete(link.id);
    await recordChange(
      db,
      'claims',
      link.claimId,
      'update',
      { evidence: `${link.relation}: ${label}` },
      null,
    );
  });
}

/**
 * Records that the user has seen a live saved filter's new count: the link remembers it, and the
 * audit log keeps the count it replaced.
 */
export const markCountSeen = (db: InvestigationDb, linkId: string, count: number): Promise<void> =>
  updateAudited(db, db.links, 'links', linkId, { seenCount: count }, 'This link no longer exists.');
