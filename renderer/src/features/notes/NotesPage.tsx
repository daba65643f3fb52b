import { useState } from 'react';
import { confidentialities, confidentialityLabels, type Source } from '#shared/notes/source';
import {
  matchesNoteFilter,
  noteKindLabels,
  noteKinds,
  outcomeLabels,
  outcomes,
  requestState,
  requestStateLabels,
  type NoteFilter,
  type SourceNote,
} from '#shared/notes/sourceNote';
import { useWithCase } from '../../case/useCase';
import { useTabView } from '../../case/views/useTabView';
import type { NotesView } from '#shared/tabViews';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { DeleteEvidenceDialog, LinkToClaimDialog } from '../evidence';
import { showInvisibles } from '#shared/text/bidi';
import { NoteBody } from './NoteBody';
import { NoteEditor } from './NoteEditor';
import { deleteNote, emptyNote } from '../../case/notes/noteMutations';
import { useNotes } from '../../case/notes/useNotes';
import { useSources } from '../../case/notes/useSources';
import { SourcesList, sourceName } from './SourcesList';
import { plural } from '../../ui/formatting';
import { localIsoDay } from '#shared/localDay';
import { RequestDesk } from './RequestDesk';

const noFilter: NoteFilter = { kind: '', outcome: '', confidentiality: '' };
const freshView: NotesView = { id: 'notes', filter: noFilter };

/** How a note's source is shown inside the app: by name, with its handling beside it. */
function sourceLine(source: Source | undefined): string {
  if (!source) return 'no source: my own note';
  const name = [sourceName(source), showInvisibles(source.affiliation)].filter(Boolean).join(', ');
  if (source.confidentiality === 'background')
    return `${name} · background, quoted as “${source.attribution}”`;
  if (source.confidentiality === 'confidential')
    return `${name} · confidential: never exported by name`;
  return `${name} · on the record`;
}

/** `open`: the note to open for editing first, when a link asks for one. */
export function NotesPage(props: { open?: string }) {
  const withCase = useWithCase();
  const notes = useNotes();
  const sources = useSources();
  const [view, setView] = useTabView<NotesView>(freshView);
  const filter = view?.filter ?? noFilter;
  const setFilter = (next: NoteFilter) => setView((current) => ({ ...current, filter: next }));
  const [editing, setEditing] = useState<{ note?: SourceNote } | null>(null);
  const [deleting, setDeleting] = useState<SourceNote | null>(null);
  const [linking, setLinking] = useState<SourceNote | null>(null);
  const [opening, setOpening] = useState(props.open);
  if (!view || !notes || !sources) return <p aria-busy="true">Loading notes…</p>;
  const sourceOf = new Map(sources.map((source) => [source.id, source]));
  const today = localIsoDay(new Date());
  const noteSource = (note: SourceNote) =>
    note.sourceId === null ? undefined : sourceOf.get(note.sourceId);
  const noteCounts = new Map<string, number>();
  for (const note of notes)
    if (note.sourceId !== null)
      noteCounts.set(note.sourceId, (noteCounts.get(note.sourceId) ?? 0) + 1);
  if (opening) {
    // Once the notes are read: the note a link asked for, if it is still there.
    setOpening(undefined);
    const note = notes.find((entry) => entry.id === opening);
    if (note) setEditing({ note });
  }
  const shown = notes.filter((note) => matchesNoteFilter(note, noteSource(note), filter));
  return (
    <section className="notes" aria-labelledby="notes-title">
      <div className="list-header">
        <h2 id="notes-title">Source notes</h2>
        <button type="button" className="primary" onClick={() => setEditing({})}>
          New note
        </button>
      </div>
      <div className="filters" role="search" aria-label="Filter notes">
        <LabelledSelect
          label="Kind"
          value={filter.kind}
          options={['', ...noteKinds]}
          labels={{ '': 'Any kind', ...noteKindLabels }}
          onChange={(kind) => setFilter({ ...filter, kind })}
        />
        <LabelledSelect
          label="Outcome"
          value={filter.outcome}
          options={['', ...outcomes]}
          labels={{ '': 'Any outcome', ...outcomeLabels }}
          onChange={(outcome) => setFilter({ ...filter, outcome })}
        />
        <LabelledSelect
          label="Confidentiality"
          value={filter.confidentiality}
          options={['', ...confidentialities]}
          labels={{ '': 'Any', ...confidentialityLabels }}
          onChange={(confidentiality) => setFilter({ ...filter, confidentiality })}
        />
      </div>
      <RequestDesk notes={notes} />
      <p className="count" aria-live="polite">
        {shown.length === notes.length
          ? plural(notes.length, 'note', 'notes')
          : `Showing ${shown.length} of ${plural(notes.length, 'note', 'notes')}`}
      </p>
      <ul className="note-list" aria-label="Source notes">
        {shown.map((note) => (
          <li key={note.id} className="card">
            <div className="list-header">
              <h3>{note.title}</h3>
              <span className="row-actions">
                <button
                  type="button"
                  onClick={() => setLinking(note)}
                  aria-label={`Link note ${note.title} to a claim`}
                >
                  Link to claim
                </button>
                <button
                  type="button"
                  onClick={() => setEditing({ note })}
                  aria-label={`Edit note ${note.title}`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setDeleting(note)}
                  aria-label={`Delete note ${note.title}`}
                >
                  Delete
                </button>
              </span>
            </div>
            <p className="hint small">
              {noteSource(note)?.confidentiality === 'confidential' && (
                <>
                  <span className="tag confidential">Confidential source</span>{' '}
                </>
              )}
              {noteKindLabels[note.kind]}
              {note.date ? ` · ${note.date}` : ''} · <bdi>{sourceLine(noteSource(note))}</bdi>
            </p>
            {note.request && (
              <p className="small">
                Sent to {note.request.to}
                {note.request.sentOn ? ` on ${note.request.sentOn}` : ''}
                {note.request.deadline ? `, deadline ${note.request.deadline}` : ''}:{' '}
                <strong>{requestStateLabels[requestState(note.request, today)]}</strong>
                {note.request.outcome === 'answered' && ` — “${note.request.answer}”`}
              </p>
            )}
            <NoteBody markdown={note.body} />
          </li>
        ))}
      </ul>
      {editing && (
        <NoteEditor
          noteId={editing.note?.id}
          draft={editing.note ? { ...editing.note } : emptyNote()}
          sources={sources}
          noteCounts={noteCounts}
          onClose={() => setEditing(null)}
        />
      )}
      <SourcesList sources={sources} noteCounts={noteCounts} />
      {linking && (
        <LinkToClaimDialog
          target={{ type: 'note', id: linking.id, label: `Source note ${linking.title}` }}
          onClose={() => setLinking(null)}
        />
      )}
      {deleting && (
        <DeleteEvidenceDialog
          target={{ type: 'note', id: deleting.id }}
          title={`Delete note “${deleting.title}”?`}
          confirmLabel="Delete note"
          onConfirm={(removeLinks) => withCase(deleteNote, deleting.id, removeLinks)}
          onClose={() => setDeleting(null)}
        >
          <p>The note and its text are removed; its history stays in the audit log.</p>
        </DeleteEvidenceDialog>
      )}
    </section>
  );
}
