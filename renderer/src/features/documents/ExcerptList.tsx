import type { Excerpt } from '../../../../shared/documents/document';
import type { InvestigationDb } from '../../db/schema';
import { deleteExcerpt } from './excerptMutations';

export function ExcerptList(props: {
  db: InvestigationDb;
  excerpts: Excerpt[];
  orphans: Set<string>;
  onOpen: (excerpt: Excerpt) => void;
}) {
  return (
    <aside className="excerpts" aria-labelledby="excerpts-title">
      <h3 id="excerpts-title">Excerpts ({props.excerpts.length})</h3>
      {props.excerpts.length === 0 && (
        <p className="hint">Select text and press “Create excerpt”.</p>
      )}
      <ul aria-label="Excerpts">
        {props.excerpts.map((excerpt) => (
          <li key={excerpt.id}>
            <button type="button" className="excerpt-open" onClick={() => props.onOpen(excerpt)}>
              <span className="excerpt-page">Page {excerpt.page}</span>
              <q>{excerpt.quote.exact.replace(/\s+/g, ' ')}</q>
              {props.orphans.has(excerpt.id) && (
                <span className="error small">
                  {' '}
                  Orphaned: this quote is no longer in the document.
                </span>
              )}
            </button>
            <button
              type="button"
              className="danger small"
              aria-label={`Delete excerpt from page ${excerpt.page}`}
              onClick={() => void deleteExcerpt(props.db, excerpt.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
