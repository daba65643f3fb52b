import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { PageText } from '../../../../shared/documents/document';
import { findAll, snippet, type TextSpan } from '../../../../shared/documents/textAnchoring';
import type { InvestigationDb } from '../../db/schema';

export type SearchHit = {
  documentId: string;
  page: number;
  span: TextSpan;
  snippet: ReturnType<typeof snippet>;
};

/** Every stored page's text of the investigation, kept in memory so that searching is instant. */
export const useAllPageTexts = (db: InvestigationDb): PageText[] | undefined =>
  useLiveQuery(() => db.pageTexts.toArray(), [db]);

export function searchPages(pages: readonly PageText[], query: string, limit = 200): SearchHit[] {
  const hits: SearchHit[] = [];
  if (query.trim().length < 2) return hits;
  for (const page of pages) {
    for (const span of findAll(page.text, query, limit - hits.length)) {
      hits.push({
        documentId: page.documentId,
        page: page.page,
        span,
        snippet: snippet(page.text, span),
      });
    }
    if (hits.length >= limit) break;
  }
  return hits;
}

export const useDocumentSearch = (pages: PageText[] | undefined, query: string): SearchHit[] =>
  useMemo(() => searchPages(pages ?? [], query), [pages, query]);
