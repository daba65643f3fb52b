import { ocrMark } from '#shared/documents/ocr';
import { useCallback, useState } from 'react';
import { quoteLine, type Excerpt } from '#shared/documents/document';
import { DeleteEvidenceDialog, LinkToClaimDialog } from '../evidence';
import {
  deleteExcerpt,
  restoreExcerpt,
  updateExcerptNotes,
  type DeletedExcerpt,
} from '../../case/documents/excerptMutations';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { UndoToast } from '../../ui/UndoToast';
import { useAction } from '../../ui/useAction';

export function ExcerptList(props: {
  excerpts: Excerpt[];
  orphans: Set<string>;
  onOpen: (excerpt: Excerpt) => void;
}) {
  const withCase = useWithCase();
  const [deleting, setDeleting] = useState<Excerpt | null>(null);
  const [deleted, setDeleted] = useState<DeletedExcerpt | null>(null);
  const dismissUndo = useCallback(() => setDeleted(null), []);
  const { error, run } = useAction();
  const undo = () => {
    if (!deleted) return;
    setDeleted(null);
    void run(() => withCase(restoreExcerpt, deleted));
  };
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
            onDelete={() => setDeleting(excerpt)}
          />
        ))}
      </ul>
      <ErrorMessage error={error} />
      {deleting && (
        <DeleteEvidenceDialog
          target={{ type: 'excerpt', id: deleting.id }}
          title={`Delete the excerpt from page ${deleting.page}?`}
          confirmLabel="Delete excerpt"
          onConfirm={async (removeLinks) =>
            setDeleted(await withCase(deleteExcerpt, deleting.id, removeLinks))
          }
          onClose={() => setDeleting(null)}
        >
          <q>{quoteLine(deleting)}</q>
        </DeleteEvidenceDialog>
      )}
      {deleted && (
        <UndoToast
          message={`Excerpt from page ${deleted.excerpt.page} deleted.`}
          onUndo={undo}
          onDismiss={dismissUndo}
        />
      )}
    </aside>
  );
}

function ExcerptItem(props: {
  excerpt: Excerpt;
  orphaned: boolean;
  onOpen: () => void;
  onDelete: () => void;
}) {
  const withCase = useWithCase();
  const { excerpt } = props;
  const [comment, setComment] = useState(excerpt.comment);
  const [tags, setTags] = useState(excerpt.tags.join(', '));
  const [linking, setLinking] = useState(false);
  const label = `Excerpt “${quoteLine(excerpt, 80)}”`;
  const save = () =>
    void withCase(updateExcerptNotes, excerpt.id, { comment, tags: tags.split(',') });
  return (
    <li>
      <div className="excerpt-head">
        <button type="button" className="excerpt-open" onClick={props.onOpen}>
          <span className="excerpt-page">Page {excerpt.page}</span>
          <q>{quoteLine(excerpt)}</q>
          {excerpt.ocr && <span className="hint small"> {ocrMark(excerpt.ocr)}</span>}
          {props.orphaned && (
            <span className="error small"> Orphaned: this quote is no longer in the document.</span>
          )}
        </button>
        <button
          type="button"
          className="danger small"
          aria-label={`Delete excerpt from page ${excerpt.page}`}
          onClick={props.onDelete}
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
