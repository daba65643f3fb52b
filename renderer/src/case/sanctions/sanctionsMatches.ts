/**
 * The case's screening decisions (shared/sanctions/sanctionsMatch.ts): read live, made and taken
 * back, each with its audit entry in the same transaction.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { entityIdsOf, type SanctionsMatch } from '#shared/sanctions/sanctionsMatch';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { useCaseDb } from '../caseDb';
import type { ScreenedCandidate } from './snapshots';

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

/** The audit entry's words for a decision: the target and the snapshot, never the whole record. */
const auditFields = (match: SanctionsMatch) => ({
  entityId: match.entityId,
  decision: match.decision,
  target: `${match.target.caption} (${match.target.id})`,
  tier: match.tier,
  snapshot: `${match.snapshot.fileName} of ${match.snapshot.date}, SHA-256 ${match.snapshot.sha256}`,
});

/** Confirms a candidate as the entity, or dismisses it, frozen with the target and snapshot. */
export async function decideMatch(
  db: InvestigationDb,
  entityId: string,
  candidate: ScreenedCandidate,
  snapshot: SanctionsSnapshot,
  decision: SanctionsMatch['decision'],
): Promise<void> {
  const match: SanctionsMatch = {
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
  };
  await db.transaction('rw', [db.sanctionsMatches, db.audit], async () => {
    await db.sanctionsMatches.add(match);
    await recordChange(db, 'sanctionsMatches', match.id, 'create', null, auditFields(match));
  });
}

/** Takes a decision back: the candidate is open again. */
export async function reconsiderMatch(db: InvestigationDb, matchId: string): Promise<void> {
  await db.transaction('rw', [db.sanctionsMatches, db.audit], async () => {
    const match = await db.sanctionsMatches.get(matchId);
    if (!match) return;
    await db.sanctionsMatches.delete(matchId);
    await recordChange(db, 'sanctionsMatches', matchId, 'delete', auditFields(match), null);
  });
}
