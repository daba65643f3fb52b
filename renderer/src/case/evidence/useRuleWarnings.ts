import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { completeFilter } from '#shared/customs/shipmentFilter';
import type { EvidenceLink } from '#shared/evidence/link';
import { hasRule, ruleShortfalls, supportingCount } from '#shared/evidence/statusRule';
import type { Claim, Status } from '#shared/investigation';
import { useCaseDb } from '../caseDb';
import { shipmentWorker } from '../shipments/shipmentWorkerClient';
import { useSavedFilters } from '../shipments/useSavedFilters';
import { useShipmentEngine } from '../shipments/useShipmentEngine';

const namesShipments = (link: EvidenceLink) =>
  link.targetType === 'shipment' || link.targetType === 'savedFilter';

/**
 * Each claim whose evidence breaks its status's rule, with the shortfalls in words (the claim page
 * and the claim list; the dossier applies the same `ruleShortfalls`). Origins are counted by the
 * shipment engine, loaded only when a claim whose status asks for origins cites shipments; until it
 * answers, only what needs no engine is checked, so no warning is shown that the engine would lift.
 */
export function useRuleWarnings(
  claims: readonly Claim[] | undefined,
  statuses: readonly Status[] | undefined,
): Map<string, string[]> {
  const db = useCaseDb();
  const links = useLiveQuery(() => db.links.toArray(), [db]);
  const savedFilters = useSavedFilters();
  const statusOf = new Map((statuses ?? []).map((status) => [status.id, status]));
  const ruled = (claims ?? []).filter((claim) => hasRule(statusOf.get(claim.statusId)?.rule));
  const askingOrigins = new Set(
    ruled
      .filter((claim) => (statusOf.get(claim.statusId)?.rule?.minOrigins ?? 0) > 0)
      .map((claim) => claim.id),
  );
  // The links the engine counts for the summary (contradicting ones apart) of those claims.
  const countedLinks = (links ?? []).filter(
    (link) =>
      askingOrigins.has(link.claimId) && link.relation !== 'contradicts' && namesShipments(link),
  );
  const { engine } = useShipmentEngine(countedLinks.length > 0);
  const [origins, setOrigins] = useState<{ key: string; counts: Record<string, number> } | null>(
    null,
  );
  const linksKey = JSON.stringify(countedLinks);
  const filtersKey = JSON.stringify(savedFilters ?? []);
  const key = `${engine?.key ?? ''}#${linksKey}#${filtersKey}`;

  useEffect(() => {
    if (!engine || !savedFilters || countedLinks.length === 0) return undefined;
    let live = true;
    const cited = new Set(countedLinks.map((link) => link.targetId));
    void shipmentWorker()
      .claimOrigins({
        links: countedLinks,
        filters: savedFilters
          .filter((saved) => cited.has(saved.id))
          .map((saved) => ({ id: saved.id, filter: completeFilter(saved.filter) })),
      })
      .then((counts) => {
        if (live && counts) setOrigins({ key, counts });
      });
    return () => {
      live = false;
    };
    // The key stands for the arrays: their contents, not their identities, decide a new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const warnings = new Map<string, string[]>();
  if (!links) return warnings;
  const counted = origins?.key === key ? origins.counts : null;
  const needsEngine = new Set(countedLinks.map((link) => link.claimId));
  const linksOf = new Map<string, EvidenceLink[]>();
  for (const link of links) {
    const own = linksOf.get(link.claimId);
    if (own) own.push(link);
    else linksOf.set(link.claimId, [link]);
  }
  for (const claim of ruled) {
    const status = statusOf.get(claim.statusId)!;
    const own = linksOf.get(claim.id) ?? [];
    const known = !needsEngine.has(claim.id) || counted !== null;
    const shortfalls = ruleShortfalls(
      known ? status : { ...status, rule: { ...status.rule!, minOrigins: 0 } },
      { supporting: supportingCount(own), origins: counted?.[claim.id] ?? 0 },
    );
    if (shortfalls.length > 0) warnings.set(claim.id, shortfalls);
  }
  return warnings;
}
