import { useDeferredValue, useState } from 'react';
import type { PageText, PdfDocument } from '#shared/documents/document';
import type { PageSearchIndex } from '#shared/documents/pageSearch';
import type { ViewTarget } from './DocumentView';
import { useDocumentSearch } from './useDocumentSearch';
import { plural } from '../../ui/formatting';

/** One search across every document's text; a result opens its document on the hit. */
export function DocumentSearch(props: {
  documents: PdfDocument[];
  /** Every document's stored pages, and the search index over them. */
  pages: PageText[] | undefined;
  index: PageSearchIndex;
  onOpen: (documentId: string, target: ViewTarget) => void;
}) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useDocumentSearch(props.index, props.pages, deferred);
  const titles = new Map(props.documents.map((document) => [document.id, document.title]));
  return (
    <div className="document-search" role="search" aria-label="Search documents">
      <label htmlFor="search-documents">Search all documents</label>
      <input
        autoComplete="off"
        id="search-documents"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {deferred.trim().length >= 2 && (
        <>
          <p className="hint small" aria-live="polite">
            {hits.length === 0
              ? 'No match.'
              : hits.length >= 200
                ? `${hits.length}+ matches`
                : plural(hits.length, 'match', 'matches')}
          </p>
          <ol aria-label="Search results" className="search-results">
            {hits.slice(0, 50).map((hit) => (
              <li key={`${hit.documentId}:${hit.page}:${hit.span.start}`}>
                <button
                  type="button"
                  onClick={() =>
                    props.onOpen(hit.documentId, {
                      page: hit.page,
                      query: deferred,
                      span: hit.span,
                    })
                  }
                >
                  <span className="small">
                    {titles.get(hit.documentId)} · page {hit.page}
                  </span>
                  <span className="small">
                    {hit.snippet.before}
                    <mark>{hit.snippet.hit}</mark>
                    {hit.snippet.after}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
