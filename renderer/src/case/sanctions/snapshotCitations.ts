/**
 * Which claims, in which investigations, cite designations read from a snapshot: asked before the
 * snapshot is removed from the app. A citation keeps its designation frozen in its case (with the
 * snapshot's hash and date), so removing the snapshot breaks none; the user is still told, as for
 * any cited evidence. A locked investigation cannot be read, so it is named as unchecked.
 */
import { parseDesignationLinkId } from '#shared/sanctions/citedDesignation';
import { indexDb, investigationDb, isUnlocked } from '../../db/databases';

export type SnapshotCitations = {
  /** Investigations with claims citing the snapshot, and how many claims each. */
  citing: { name: string; claims: number }[];
  /** Locked investigations, whose claims could not be read. */
  locked: string[];
};

export async function snapshotCitations(sha256: string): Promise<SnapshotCitations> {
  const citing: SnapshotCitations['citing'] = [];
  const locked: string[] = [];
  const investigations = (await indexDb.investigations.toArray()).filter(
    (investigation) => !investigation.deleting && !investigation.restoring,
  );
  for (const investigation of investigations) {
    if (!isUnlocked(investigation.id)) {
      locked.push(investigation.name);
      continue;
    }
    const db = investigationDb(investigation);
    const fromSnapshot = new Set(
      (await db.sanctionsMatches.toArray())
        .filter((match) => match.snapshot.sha256 === sha256)
        .map((match) => match.id),
    );
    if (fromSnapshot.size === 0) continue;
    const claims = new Set(
      // Filtered, not looked up: a sealed case's link index holds keyed hashes.
      (await db.links.filter((link) => link.targetType === 'designation').toArray())
        .filter((link) => fromSnapshot.has(parseDesignationLinkId(link.targetId)?.matchId ?? ''))
        .map((link) => link.claimId),
    );
    if (claims.size > 0) citing.push({ name: investigation.name, claims: claims.size });
  }
  return { citing, locked };
}
