import { useEffect, useState } from 'react';
import { completeFilter, type SavedFilter } from '../../../../shared/customs/shipmentFilter';
import { parseShipmentRefId } from '../../../../shared/customs/shipmentIndex';
import type { EvidenceLink } from '../../../../shared/evidence/link';
import type { InvestigationDb } from '../../db/schema';
import { shipmentWorker } from '../shipments/shipmentWorkerClient';
import type { EngineState } from '../shipments/useShipmentEngine';
import type { ClaimEvidenceAnswer } from '../../workers/shipmentWorker';

/** The engine's side of a claim's evidence, with the links it answers for, in the same order. */
export type EngineEvidence = ClaimEvidenceAnswer & {
  filterLinks: EvidenceLink[];
  shipmentLinks: EvidenceLink[];
  entityLinks: EvidenceLink[];
};

const counted = (link: EvidenceLink) => link.relation !== 'contradicts';

/**
 * Asks the shipment engine about a claim's shipments, saved filters and entities, again whenever
 * the links, the saved filters or the engine (a new import, a merge) change. A saved filter's
 * first count is remembered on its link, so a later change in what it matches can be shown.
 */
export function useEngineEvidence(
  db: InvestigationDb,
  links: EvidenceLink[] | undefined,
  savedFilters: SavedFilter[] | undefined,
  engine: EngineState | null,
): EngineEvidence | null {
  const [answer, setAnswer] = useState<{ key: string; evidence: EngineEvidence } | null>(null);
  const linksKey = JSON.stringify(links ?? []);
  const filtersKey = JSON.stringify(savedFilters ?? []);
  const key = `${engine?.key ?? ''}#${linksKey}#${filtersKey}`;

  useEffect(() => {
    if (!engine || !links || !savedFilters) return undefined;
    let live = true;
    const byId = new Map(savedFilters.map((saved) => [saved.id, saved]));
    const filterLinks = links.filter(
      (link) => link.targetType === 'savedFilter' && byId.has(link.targetId),
    );
    const shipmentLinks = links.filter((link) => link.targetType === 'shipment');
    const entityLinks = links.filter((link) => link.targetType === 'entity');
    void shipmentWorker()
      .claimEvidence({
        filters: filterLinks.map((link) => ({
          filter: completeFilter(byId.get(link.targetId)?.filter ?? {}),
          counted: counted(link),
        })),
        shipments: shipmentLinks.map((link) => ({
          ref: parseShipmentRefId(link.targetId) ?? { datasetId: '', rowNumber: -1 },
          counted: counted(link),
        })),
        entityIds: entityLinks.map((link) => link.targetId),
      })
      .then(async (evidence) => {
        if (!live || !evidence) return;
        setAnswer({ key, evidence: { ...evidence, filterLinks, shipmentLinks, entityLinks } });
        const unseen = filterLinks
          .map((link, position) => ({ link, count: evidence.filterCounts[position] ?? 0 }))
          .filter(({ link }) => link.seenCount === undefined);
        for (const { link, count } of unseen) await db.links.update(link.id, { seenCount: count });
      });
    return () => {
      live = false;
    };
    // The keys stand for the arrays: their contents, not their identities, decide a new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  return answer?.key === key ? answer.evidence : (answer?.evidence ?? null);
}
