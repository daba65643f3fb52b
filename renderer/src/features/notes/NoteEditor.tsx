import { useId, useState } from 'react';
import { showInvisibles } from '#shared/text/bidi';
import {
  confidentialityLabels,
  emptySource,
  sourceDraft,
  sourceTitle,
  type Source,
  type SourceDraft,
} from '#shared/notes/source';
import {
  noteKindLabels,
  noteKinds,
  outcomeLabels,
  outcomes,
  type RequestForComment,
} from '#shared/notes/sourceNote';
import { useWithCase } from '../../case/useCase';
import { FormDialog } from '../../ui/FormDialog';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { SourceFields } from './SourceFields';
import { saveNote, type NoteDraft } from '../../case/notes/noteMutations';

const noRequest: RequestForComment = {
  to: '',
  sentOn: '',
  deadline: '',
  outcome: 'pending',
  answer: '',
};

const NEW = 'new';
const NONE = 'none';

const isBlank = (source: SourceDraft): boolean =>
  !source.name.trim() &&
  !source.affiliation.trim() &&
  source.confidentiality === 'on-record' &&
  source.aliases.every((alias) => !alias.trim());

/**
 * Writes a new source note or edits one, with who it comes from: a new source, one of the
 * investigation's sources (whose fields it can change, for all its notes), or no one.
 */
export function NoteEditor(props: {
  draft: NoteDraft;
  noteId?: string;
  sources: readonly Source[];
  /** How many notes come from each source, by its id. */
  noteCounts: ReadonlyMap<string, number>;
  onClose: () => void;
}) {
  const withCase = useWithCase();
  const id = useId();
  const [draft, setDraft] = useState(props.draft);
  const stored = (sourceId: string | null) =>
    props.sources.find((source) => source.id === sourceId);
  const [choice, setChoice] = useState(props.noteId ? (props.draft.sourceId ?? NONE) : NEW);
  const [source, setSource] = useState<SourceDraft>(() => {
    const current = stored(props.draft.sourceId);
    return current ? sourceDraft(current) : emptySource();
  });
  const choose = (value: string) => {
    setChoice(value);
    const current = stored(value);
    setSource(current ? sourceDraft(current) : emptySource());
  };
  // Other notes the source's changes reach.
  const shared =
    choice === NEW || choice === NONE
      ? 0
      : (props.noteCounts.get(choice) ?? 0) - (props.draft.sourceId === choice ? 1 : 0);
  const request = draft.request ?? noRequest;
  const set = (changes: Partial<NoteDraft>) => setDraft({ ...draft, ...changes });
  const setRequest = (changes: Partial<RequestForComment>) =>
    set({ request: { ...request, ...changes } });
  return (
    <FormDialog
      title={props.noteId ? `Edit “${props.draft.title}”` : 'New source note'}
      submitLabel="Save note"
      onSubmit={() => {
        const note = {
          ...draft,
          sourceId: null,
          request: draft.kind === 'request-for-comment' ? request : null,
        };
        // A new source left blank is no source.
        const none = choice === NONE || (choice === NEW && isBlank(source));
        return withCase(
          saveNote,
          note,
          props.noteId,
          none ? undefined : { id: choice === NEW ? null : choice, draft: source },
        );
      }}
      onClose={props.onClose}
    >
      <div className="field-grid">
        <LabelledSelect
          label="Kind"
          value={draft.kind}
          options={noteKinds}
          labels={noteKindLabels}
          onChange={(kind) => set({ kind })}
        />
        <label>
          <span>Title</span>
          <input
            autoComplete="off"
            value={draft.title}
            onChange={(event) => set({ title: event.target.value })}
            autoFocus
          />
        </label>
        <label>
          <span>Date</span>
          <input
            autoComplete="off"
            type="date"
            value={draft.date}
            onChange={(event) => set({ date: event.target.value })}
          />
        </label>
      </div>
      <fieldset className="stack">
        <legend>Source</legend>
        <label>
          <span>Who the note comes from</span>
          <select
            autoComplete="off"
            value={choice}
            aria-describedby={shared > 0 ? `${id}-shared` : undefined}
            onChange={(event) => choose(event.target.value)}
          >
            <option value={NEW}>A new source</option>
            <option value={NONE}>No one: my own note</option>
            {props.sources.map((source) => (
              <option key={source.id} value={source.id}>
                {`${showInvisibles(sourceTitle(source))} (${confidentialityLabels[source.confidentiality]})`}
              </option>
            ))}
          </select>
        </label>
        {shared > 0 && (
          <p id={`${id}-shared`} className="hint">
            Changes to this source apply to{' '}
            {shared === 1 ? 'the other note' : `the ${shared} other notes`} from it.
          </p>
        )}
        {choice !== NONE && <SourceFields source={source} onChange={setSource} />}
      </fieldset>
      {draft.kind === 'request-for-comment' && (
        <fieldset className="field-grid">
          <legend>Request for comment</legend>
          <label>
            <span>Sent to</span>
            <input
              autoComplete="off"
              value={request.to}
              onChange={(event) => setRequest({ to: event.target.value })}
            />
          </label>
          <label>
            <span>Sent on</span>
            <input
              autoComplete="off"
              type="date"
              value={request.sentOn}
              onChange={(event) => setRequest({ sentOn: event.target.value })}
            />
          </label>
          <label>
            <span>Deadline</span>
            <input
              autoComplete="off"
              type="date"
              value={request.deadline}
              onChange={(event) => setRequest({ deadline: event.target.value })}
            />
          </label>
          <LabelledSelect
            label="Outcome"
            value={request.outcome}
            options={outcomes}
            labels={outcomeLabels}
            onChange={(outcome) => setRequest({ outcome })}
          />
          {request.outcome === 'answered' && (
            <label>
              <span>Their answer</span>
              <textarea
                autoComplete="off"
                rows={3}
                value={request.answer}
                onChange={(event) => setRequest({ answer: event.target.value })}
              />
            </label>
          )}
        </fieldset>
      )}
      <label htmlFor="note-body">Body (Markdown: *emphasis*, lists, &gt; quotes, `code`)</label>
      <textarea
        autoComplete="off"
        id="note-body"
        rows={6}
        value={draft.body}
        onChange={(event) => set({ body: event.target.value })}
      />
    </FormDialog>
  );
}
