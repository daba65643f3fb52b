/**
 * The hand-set flag kept as a designation the user declares: a flag whose label speaks of
 * sanctions ("sanctioned", "under sanctions") and whose `since` is a date counts, from that date
 * on, wherever the case's confirmed designations do (shipments designated at the time, the
 * entity's chart), labelled as declared and by whom. Its proof is the flag's excerpt.
 */
import type { Entity } from '../entities/entity';
import type { Designation } from './ftm';
import { parsePartialDate } from './partialDate';

/** The list a declared designation is on, for the Shipments tab's "on list" filter. */
export const DECLARED_LIST = 'declared (a sanctions flag set by hand)';

export type DeclaredDesignation = { entityId: string; label: string; designation: Designation };

export function declaredDesignations(entity: Pick<Entity, 'id' | 'flags'>): DeclaredDesignation[] {
  return entity.flags.flatMap((flag, index) => {
    const start = parsePartialDate(flag.since);
    if (!/sanction/i.test(flag.label) || start === null) return [];
    return [
      {
        entityId: entity.id,
        label: `declared: ${flag.label}${flag.by ? ` by ${flag.by}` : ''} since ${start}`,
        designation: {
          id: `declared-${index}`,
          authority: flag.by,
          program: '',
          lists: [],
          start,
          end: null,
          sourceUrl: '',
          reason: '',
        },
      },
    ];
  });
}
