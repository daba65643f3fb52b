/**
 * The case's screening decisions (shared/sanctions/sanctionsMatch.ts): read live, made and taken
 * back, each with its audit entry in the same transaction.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { entityIdsOf, type SanctionsMatch } from '#shared/sanctions/sanctionsMatch';
import { designationLinkId } from '#shared/sanctions/citedDesignation';
import { recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { useCaseDb } from '../caseDb';
import { releaseCitations } from '../evidence/citations';
import { linkEvidence, type LinkInput } from '../evidence/linkMutations';
import type { ScreenedCandidate } from '#shared/sanctions/caseScreening';

/** The snapshot a decision is made against: an imported one, or one a stored screening names. */
type SnapshotRef = SanctionsMatch['snapshot'];

/** The decisions recorded for an entity under any of its ids (undefined while reading). */
export function useSanctionsMatches(entity: {
  id: string;
  formerIds?: readonly string[];
  aliasKeys?: readonly string[];
}): SanctionsMatch[] | undefined {
  const db = useCaseDb();
  const ids = [...entityIdsOf(entity)].sort().join('\n');
  return useLiveQuery(async () => {
    const wanted = new Set(ids.split('\n'));
    return (await db.sanctionsMatches.toArray()).filter((match) => wanted.has(match.entityId));
  }, [db, ids]);
}

/** Every decision of the case, by id (undefined while reading). */
export function useSanctionsMatchMap(): Map<string, SanctionsMatch> | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () => new Map((await db.sanctionsMatches.toArray()).map((match) => [match.id, match])),
    [db],
  );
}

/** The audit entry's words for a decision: the target and the snapshot, never the whole record. */
const auditFields = (match: SanctionsMatch) => ({
  entityId: match.entityId,
  decision: match.decision,
  target: `${match.target.caption} (${match.target.id})`,
  tier: match.tier,
  snapshot: `${match.snapshot.fileName} of ${match.snapshot.date}, SHA-256 ${match.snapshot.sha256}`,
});

const newMatch = (
  entityId: string,
  candidate: ScreenedCandidate,
  snapshot: SnapshotRef,
  decision: SanctionsMatch['decision'],
): SanctionsMatch => ({
  id: newId(),
  entityId,
  decision,
  tier: candidate.tier,
  reason: candidate.reason,
  target: candidate.target,
  snapshot: {
    sha256: snapshot.sha256,
    date: snapshot.date,
    fileName: snapshot.fileName,
    source: snapshot.source,
  },
  decidedAt: Date.now(),
});

/** Confirms a candidate as the entity, or dismisses it, frozen with the target and snapshot. */
export async function decideMatch(
  db: InvestigationDb,
  entityId: string,
  candidate: ScreenedCandidate,
  snapshot: SnapshotRef,
  decision: SanctionsMatch['decision'],
): Promise<SanctionsMatch> {
  const match = newMatch(entityId, candidate, snapshot, decision);
  await db.transaction('rw', [db.sanctionsMatches, db.audit], async () => {
    await db.sanctionsMatches.add(match);
    await recordChange(db, 'sanctionsMatches', match.id, 'create', null, auditFields(match));
  });
  return match;
}

/**
 * Cites one designation of a match in a claim. A tier-1 candidate (a match without a decision) is
 * confirmed first, in the same transaction: what a claim cites is always frozen in the case.
 */
export async function citeDesignation(
  db: InvestigationDb,
  input: Omit<LinkInput, 'targetType' | 'targetId'> & {
    of:
      | { match: SanctionsMatch }
      | { entityId: string; candidate: ScreenedCandidate; snapshot: SnapshotRef };
    designationId: string;
  },
): Promise<void> {
  const { of, designationId, ...link } = input;
  await db.transaction('rw', [db.sanctionsMatches, db.links, db.claims, db.audit], async () => {
    const match =
      'match' in of
        ? of.match
        : await decideMatch(db, of.entityId, of.candidate, of.snapshot, 'confirmed');
    await linkEvidence(db, {
      ...link,
      targetType: 'designation',
      targetId: designationLinkId(match.id, designationId),
    });
  });
}

/**
 * Takes a decision back: the candidate is open again. A match whose designations claims cite is
 * kept unless the user also removes those links (the rule for deleting cited evidence).
 */
export async function reconsiderMatch(
  db: InvestigationDb,
  matchId: string,
  removeLinks = false,
): Promise<void> {
  await db.transaction('rw', [db.sanctionsMatches, db.links, db.audit], async () => {
    const match = await db.sanctionsMatches.get(matchId);
    if (!match) return;
    await releaseCitations(db, { matchDesignations: matchId }, match.target.caption, removeLinks);
    await db.sanctionsMatches.delete(matchId);
    await recordChange(db, 'sanctionsMatches', matchId, 'delete', auditFields(match), null);
  });
}
