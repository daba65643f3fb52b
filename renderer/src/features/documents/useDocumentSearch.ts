import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import type { PageText } from '#shared/documents/document';
import { PageSearchIndex, type PageHit } from '#shared/documents/pageSearch';
import { snippet } from '#shared/documents/textAnchoring';
import { useCaseDb } from '../../case/caseDb';

export type SearchHit = PageHit & { snippet: ReturnType<typeof snippet> };

/** Every stored page's text of the investigation, kept in memory so that searching is instant. */
export function useAllPageTexts(): PageText[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.pageTexts.toArray(), [db]);
}

/**
 * A search index over pages, made anew only when the pages change, and folded in idle moments
 * (a few milliseconds at a time) so that the first search finds it ready.
 */
export function usePageSearchIndex(pages: PageText[] | undefined): PageSearchIndex {
  const index = useMemo(() => new PageSearchIndex(pages ?? []), [pages]);
  useEffect(() => {
    let handle = 0;
    const foldAhead = (deadline: IdleDeadline) => {
      // A few milliseconds at a time: a message from pdf.js's worker waits no longer than that.
      const until = performance.now() + 8;
      const timeLeft = () => deadline.timeRemaining() > 1 && performance.now() < until;
      if (!index.foldSome(timeLeft)) handle = requestIdleCallback(foldAhead);
    };
    handle = requestIdleCallback(foldAhead);
    return () => cancelIdleCallback(handle);
  }, [index]);
  return index;
}

export function useDocumentSearch(
  index: PageSearchIndex,
  pages: PageText[] | undefined,
  query: string,
): SearchHit[] {
  return useMemo(() => {
    if (query.trim().length < 2) return [];
    const texts = new Map(
      (pages ?? []).map((page) => [`${page.documentId}:${page.page}`, page.text]),
    );
    return index.search(query).map((hit) => ({
      ...hit,
      snippet: snippet(texts.get(`${hit.documentId}:${hit.page}`) ?? '', hit.span),
    }));
  }, [index, pages, query]);
}
