import { useState } from 'react';
import { confidentialityLabels, sourceDraft, sourceTitle, type Source } from '#shared/notes/source';
import { showInvisibles } from '#shared/text/bidi';
import { useWithCase } from '../../case/useCase';
import { deleteSource, saveSource } from '../../case/notes/sourceMutations';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { SourceFields } from './SourceFields';
import { plural } from '../../ui/formatting';

/** How a source is named in the app, invisible characters written out, as it is checked by eye. */
export const sourceName = (source: Source): string => showInvisibles(sourceTitle(source));

function SourceEditor(props: { source: Source; notes: number; onClose: () => void }) {
  const withCase = useWithCase();
  const [draft, setDraft] = useState(() => sourceDraft(props.source));
  return (
    <FormDialog
      title={`Edit source “${sourceName(props.source)}”`}
      submitLabel="Save source"
      onSubmit={() => withCase(saveSource, draft, props.source.id)}
      onClose={props.onClose}
    >
      <p className="hint">
        {props.notes === 1 ? 'One note comes' : `${props.notes} notes come`} from this source; they
        all show the change.
      </p>
      <SourceFields source={draft} onChange={setDraft} />
    </FormDialog>
  );
}

/**
 * The people and offices the notes come from, each once, with how it may be named and the forms of
 * its name the user declared.
 */
export function SourcesList(props: {
  sources: readonly Source[];
  noteCounts: ReadonlyMap<string, number>;
}) {
  const withCase = useWithCase();
  const [editing, setEditing] = useState<Source | null>(null);
  const [deleting, setDeleting] = useState<Source | null>(null);
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      {props.sources.length === 0 ? (
        <p className="hint">
          No sources yet: a note's form adds the person or office it comes from.
        </p>
      ) : (
        <ul className="note-list" aria-label="Sources">
          {props.sources.map((source) => {
            const notes = props.noteCounts.get(source.id) ?? 0;
            return (
              <li key={source.id} className="card">
                <div className="list-header">
                  <h3>
                    <bdi>{sourceName(source)}</bdi>
                  </h3>
                  <span className="row-actions">
                    <button
                      type="button"
                      onClick={() => setEditing(source)}
                      aria-label={`Edit source ${sourceName(source)}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setDeleting(source)}
                      aria-label={`Delete source ${sourceName(source)}`}
                    >
                      Delete
                    </button>
                  </span>
                </div>
                <p className="hint small">
                  {source.affiliation && (
                    <>
                      <bdi>{showInvisibles(source.affiliation)}</bdi> ·{' '}
                    </>
                  )}
                  {confidentialityLabels[source.confidentiality]}
                  {source.confidentiality === 'background' && (
                    <>
                      , quoted as “<bdi>{source.attribution}</bdi>”
                    </>
                  )}{' '}
                  · {plural(notes, 'note', 'notes')}
                </p>
                {source.aliases.length > 0 && (
                  <p className="small">
                    Also written as:{' '}
                    {source.aliases.map((alias, index) => (
                      <span key={alias}>
                        {index > 0 && ', '}
                        <bdi>{showInvisibles(alias)}</bdi>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing && (
        <SourceEditor
          source={editing}
          notes={props.noteCounts.get(editing.id) ?? 0}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete source “${sourceName(deleting)}”?`}
          confirmLabel="Delete source"
          onConfirm={() => withCase(deleteSource, deleting.id)}
          onClose={() => setDeleting(null)}
        >
          <p>No note comes from it any more; its history stays in the audit log.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
