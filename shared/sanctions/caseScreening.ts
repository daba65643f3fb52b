/**
 * A case's entities screened against a sanctions snapshot, as the case keeps it: every entity with a
 * candidate, its candidates best first, each with the target as the snapshot listed it. Stored in
 * the case (sealed with it, like every record), one per snapshot, frozen with the snapshot's hash
 * and date, so the case still shows whom it screened and what came up where the snapshot is gone
 * (an archive restored elsewhere, a snapshot removed from the app).
 */
import type { SanctionsTarget } from './ftm';
import type { SanctionsMatch } from './sanctionsMatch';
import type { Candidate } from './screening';

/** A candidate with the target it names. */
export type ScreenedCandidate = Candidate & { target: SanctionsTarget };

/** An entity of the case with at least one candidate. */
export type ScreenedEntity = { id: string; name: string; candidates: ScreenedCandidate[] };

export type CaseScreeningRecord = {
  /** The snapshot's SHA-256: the case keeps the latest screening against each snapshot. */
  id: string;
  snapshot: SanctionsMatch['snapshot'];
  screenedAt: number;
  /** How many entities were screened. */
  screened: number;
  /** The entities with at least one candidate. */
  found: ScreenedEntity[];
};

/**
 * What a screening found, in a line per entity: two screenings that say the same of the same
 * snapshot give the same text (a target's content is the snapshot's, named by its hash).
 */
export const screeningFindings = (
  screening: Pick<CaseScreeningRecord, 'snapshot' | 'screened' | 'found'>,
): string =>
  [
    `${screening.snapshot.sha256} ${screening.screened}`,
    ...screening.found.map((entity) =>
      [
        entity.id,
        entity.name,
        ...entity.candidates.map(
          (candidate) =>
            `${candidate.targetId}:${candidate.tier}:${candidate.automatic}:${candidate.reason}`,
        ),
      ].join('\t'),
    ),
  ].join('\n');

/** The audit entry's words for a screening: the snapshot and the counts, never the names. */
export const screeningAuditFields = (screening: CaseScreeningRecord) => ({
  snapshot: `${screening.snapshot.fileName} of ${screening.snapshot.date}, SHA-256 ${screening.snapshot.sha256}`,
  screened: screening.screened,
  withCandidates: screening.found.length,
  byIdentifierOrName: screening.found.filter((entity) => entity.candidates[0]?.tier < 3).length,
});
