import { useEffect, useState } from 'react';
import { completeFilter, type SavedFilter } from '#shared/customs/shipmentFilter';
import type { EvidenceLink } from '#shared/evidence/link';
import { citedDesignation } from '#shared/sanctions/citedDesignation';
import type { SanctionsMatch } from '#shared/sanctions/sanctionsMatch';
import { useCaseDb } from '../caseDb';
import { shipmentWorker } from '../shipments/shipmentWorkerClient';
import type { EngineState } from '../shipments/useShipmentEngine';
import type { ClaimEvidenceAnswer } from '../../workers/shipmentWorker';

/** The engine's side of a claim's evidence, with the links it answers for, in the same order. */
export type EngineEvidence = ClaimEvidenceAnswer & {
  filterLinks: EvidenceLink[];
  shipmentLinks: EvidenceLink[];
  entityLinks: EvidenceLink[];
  /** The designation links whose match is stored, in the order of `designationFigures`. */
  designationLinks: EvidenceLink[];
};

/**
 * Asks the shipment engine about a claim's shipments, saved filters, entities and the designations
 * it cites, again whenever the links, the saved filters, the matches or the engine (a new import, a
 * merge) change. A saved filter's first count is remembered on its link, so a later change in what
 * it matches can be shown.
 */
export function useEngineEvidence(
  links: EvidenceLink[] | undefined,
  savedFilters: SavedFilter[] | undefined,
  engine: EngineState | null,
  matches: ReadonlyMap<string, SanctionsMatch> | undefined,
): EngineEvidence | null {
  const db = useCaseDb();
  const [answer, setAnswer] = useState<{ key: string; evidence: EngineEvidence } | null>(null);
  const linksKey = JSON.stringify(links ?? []);
  const filtersKey = JSON.stringify(savedFilters ?? []);
  const designations = (links ?? []).flatMap((link) => {
    const cited =
      link.targetType === 'designation' && matches && citedDesignation(link.targetId, matches);
    return cited ? [{ link, cited }] : [];
  });
  const designationsKey = JSON.stringify(designations.map(({ cited }) => cited.match.id));
  const key = `${engine?.key ?? ''}#${linksKey}#${filtersKey}#${designationsKey}`;

  useEffect(() => {
    if (!engine || !links || !savedFilters || !matches) return undefined;
    let live = true;
    const cited = new Set(links.map((link) => link.targetId));
    // In the order the engine answers: each kind's links as the claim lists them.
    const filterLinks = links.filter((link) => link.targetType === 'savedFilter');
    const shipmentLinks = links.filter((link) => link.targetType === 'shipment');
    const entityLinks = links.filter((link) => link.targetType === 'entity');
    void shipmentWorker()
      .claimEvidence({
        links,
        filters: savedFilters
          .filter((saved) => cited.has(saved.id))
          .map((saved) => ({ id: saved.id, filter: completeFilter(saved.filter) })),
        designations: designations.map(({ cited }) => ({
          entityId: cited.match.entityId,
          designation: cited.designation,
          asOf: cited.match.snapshot.date,
        })),
      })
      .then(async (evidence) => {
        if (!live || !evidence) return;
        const designationLinks = designations.map(({ link }) => link);
        setAnswer({
          key,
          evidence: { ...evidence, filterLinks, shipmentLinks, entityLinks, designationLinks },
        });
        const stored = new Set(savedFilters.map((saved) => saved.id));
        const unseen = filterLinks
          .map((link, position) => ({ link, count: evidence.filterCounts[position] ?? 0 }))
          .filter(({ link }) => link.seenCount === undefined && stored.has(link.targetId));
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
