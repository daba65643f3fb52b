import { useLiveQuery } from 'dexie-react-hooks';
import { quoteLine } from '#shared/documents/document';
import type { EvidenceLink, EvidenceType } from '#shared/evidence/link';
import { noteKindLabels, requestState } from '#shared/notes/sourceNote';
import { localIsoDay } from '#shared/localDay';
import { confirmedDesignations, designationLinkId } from '#shared/sanctions/citedDesignation';
import type { Claim } from '#shared/investigation';
import { useCaseDb } from '../caseDb';
import { citingLinks, type CitedTarget } from './citations';

export type EvidenceCandidate = { type: EvidenceType; id: string; label: string; detail: string };

export function useClaimLinks(claimId: string): EvidenceLink[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    () => db.links.where('claimId').equals(claimId).sortBy('createdAt'),
    [db, claimId],
  );
}

/**
 * Everything a claim can cite, labelled for people: excerpts, notes, documents, saved filters, and
 * the designations of confirmed sanctions matches.
 */
export function useEvidenceCandidates(): EvidenceCandidate[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const [excerpts, notes, documents, filters, matches] = await Promise.all([
      db.excerpts.toArray(),
      db.notes.toArray(),
      db.documents.toArray(),
      db.savedFilters.toArray(),
      db.sanctionsMatches.toArray(),
    ]);
    const titles = new Map(documents.map((document) => [document.id, document.title]));
    return [
      ...excerpts.map((excerpt) => ({
        type: 'excerpt' as const,
        id: excerpt.id,
        label: `“${quoteLine(excerpt, 120)}”`,
        detail: `${titles.get(excerpt.documentId) ?? 'document'}, page ${excerpt.page}`,
      })),
      ...notes.map((note) => ({
        type: 'note' as const,
        id: note.id,
        label: note.title,
        detail: noteKindLabels[note.kind],
      })),
      ...documents.map((document) => ({
        type: 'document' as const,
        id: document.id,
        label: document.title,
        detail: `${document.pageCount} pages`,
      })),
      ...filters.map((filter) => ({
        type: 'savedFilter' as const,
        id: filter.id,
        label: filter.name,
        detail: 'saved shipment filter',
      })),
      ...confirmedDesignations(matches).map(({ match, designation, label }) => ({
        type: 'designation' as const,
        id: designationLinkId(match.id, designation.id),
        label,
        detail: `${match.snapshot.fileName} of ${match.snapshot.date}`,
      })),
    ];
  }, [db]);
}

/** The claims citing a request for comment still awaited after its deadline (today, here). */
export function useClaimsAwaitingOverdue(): Set<string> | undefined {
  const db = useCaseDb();
  const today = localIsoDay(new Date());
  return useLiveQuery(async () => {
    const overdue = new Set(
      (await db.notes.toArray())
        .filter((note) => note.request && requestState(note.request, today) === 'overdue')
        .map((note) => note.id),
    );
    const claims = new Set<string>();
    if (overdue.size > 0)
      await db.links.each((link) => {
        if (link.targetType === 'note' && overdue.has(link.targetId)) claims.add(link.claimId);
      });
    return claims;
  }, [db, today]);
}

/** How many claims cite each note, by note id (notes no claim cites are missing): one read for a list. */
export function useNoteCitingClaims(): Map<string, number> | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const claims = new Map<string, Set<string>>();
    await db.links.each((link) => {
      if (link.targetType !== 'note') return;
      const citing = claims.get(link.targetId) ?? new Set<string>();
      citing.add(link.claimId);
      claims.set(link.targetId, citing);
    });
    return new Map([...claims].map(([note, citing]) => [note, citing.size]));
  }, [db]);
}

/** How many supporting links each claim has, by claim id (claims with none are missing). */
export function useSupportCounts(): Map<string, number> | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    await db.links.each((link) => {
      if (link.relation === 'supports')
        counts.set(link.claimId, (counts.get(link.claimId) ?? 0) + 1);
    });
    return counts;
  }, [db]);
}

/** The links citing some evidence, and the claims they belong to: read again when either changes. */
export function useCitations(target: CitedTarget): { links: number; claims: Claim[] } | undefined {
  const db = useCaseDb();
  const targetKey = JSON.stringify(target);
  return useLiveQuery(async () => {
    const links = await citingLinks(db, JSON.parse(targetKey) as CitedTarget);
    const claims = await db.claims.bulkGet([...new Set(links.map((link) => link.claimId))]);
    return { links: links.length, claims: claims.filter((claim) => claim !== undefined) };
  }, [db, targetKey]);
}
