import { useState } from 'react';
import type { Excerpt } from '#shared/documents/document';
import { LinkToClaimDialog } from '../evidence';
import { deleteExcerpt, updateExcerptNotes } from '../../case/documents/excerptMutations';
import { useWithCase } from '../../case/useCase';

export function ExcerptList(props: {
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
          <ExcerptItem
            key={excerpt.id}
            excerpt={excerpt}
            orphaned={props.orphans.has(excerpt.id)}
            onOpen={() => props.onOpen(excerpt)}
          />
        ))}
      </ul>
    </aside>
  );
}

function ExcerptItem(props: { excerpt: Excerpt; orphaned: boolean; onOpen: () => void }) {
  const withCase = useWithCase();
  const { excerpt } = props;
  const [comment, setComment] = useState(excerpt.comment);
  const [tags, setTags] = useState(excerpt.tags.join(', '));
  const [linking, setLinking] = useState(false);
  const label = `Excerpt “${excerpt.quote.exact.replace(/\s+/g, ' ').slice(0, 80)}”`;
  const save = () =>
    void withCase(updateExcerptNotes, excerpt.id, { comment, tags: tags.split(',') });
  return (
    <li>
      <div className="excerpt-head">
        <button type="button" className="excerpt-open" onClick={props.onOpen}>
          <span className="excerpt-page">Page {excerpt.page}</span>
          <q>{excerpt.quote.exact.replace(/\s+/g, ' ')}</q>
          {props.orphaned && (
            <span className="error small"> Orphaned: this quote is no longer in the document.</span>
          )}
        </button>
        <button
          type="button"
          className="danger small"
          aria-label={`Delete excerpt from page ${excerpt.page}`}
          onClick={() => void withCase(deleteExcerpt, excerpt.id)}
        >
          ×
        </button>
      </div>
      <button
        type="button"
        className="small"
        onClick={() => setLinking(true)}
        aria-label={`Link excerpt from page ${excerpt.page} to a claim`}
      >
        Link to claim
      </button>
      {linking && (
        <LinkToClaimDialog
          target={{ type: 'excerpt', id: excerpt.id, label }}
          onClose={() => setLinking(false)}
        />
      )}
      <details>
        <summary>Comment and tags</summary>
        <label>
          <span className="small">Comment</span>
          <textarea
            autoComplete="off"
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            onBlur={save}
          />
        </label>
        <label>
          <span className="small">Tags (comma-separated)</span>
          <input
            autoComplete="off"
            value={tags}
            onChange={(event) => setTags(event.target.value)}
            onBlur={save}
          />
        </label>
      </details>
    </li>
  );
}
