import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
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

/** A search index over pages, rebuilt only when the pages change. */
export const usePageSearchIndex = (pages: PageText[] | undefined): PageSearchIndex =>
  useMemo(() => new PageSearchIndex(pages ?? []), [pages]);

export function useDocumentSearch(pages: PageText[] | undefined, query: string): SearchHit[] {
  const index = usePageSearchIndex(pages);
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
