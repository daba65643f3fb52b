/**
 * What a case decided about a screening candidate: the target confirmed as the entity, or
 * dismissed. Stored in the case (sealed with it, like every record), and frozen with the target as
 * the snapshot listed it and the snapshot's hash and date, so the case reads the same where the
 * snapshot is gone or newer ones say otherwise. A tier-1 candidate (an identifier of the same kind)
 * counts as confirmed without a decision; dismissing it is one.
 */
import type { SanctionsTarget } from './ftm';
import type { SanctionsSnapshot } from './snapshot';

export type SanctionsMatch = {
  id: string;
  /** The entity: a stored entity's id, or an implicit one's (`alias:KEY`). */
  entityId: string;
  decision: 'confirmed' | 'dismissed';
  tier: 1 | 2 | 3;
  reason: string;
  target: SanctionsTarget;
  snapshot: Pick<SanctionsSnapshot, 'sha256' | 'date' | 'fileName' | 'source'>;
  decidedAt: number;
};

/** The ids a case may have recorded a decision under for an entity: its own, former and implicit ones. */
export const entityIdsOf = (entity: {
  id: string;
  formerIds?: readonly string[];
  aliasKeys?: readonly string[];
}): Set<string> =>
  new Set([
    entity.id,
    ...(entity.formerIds ?? []),
    ...(entity.aliasKeys ?? []).map((key) => `alias:${key}`),
  ]);
