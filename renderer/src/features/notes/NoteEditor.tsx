import { useId, useState } from 'react';
import { hasInvisibles, showInvisibles } from '#shared/text/bidi';
import {
  confidentialities,
  confidentialityLabels,
  noteKindLabels,
  noteKinds,
  outcomeLabels,
  outcomes,
  type RequestForComment,
} from '#shared/notes/sourceNote';
import { useWithCase } from '../../case/useCase';
import { FormDialog } from '../../ui/FormDialog';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { AliasFields } from './AliasFields';
import { saveNote, type NoteDraft } from '../../case/notes/noteMutations';

const noRequest: RequestForComment = {
  to: '',
  sentOn: '',
  deadline: '',
  outcome: 'pending',
  answer: '',
};

/** Writes a new source note or edits one. */
export function NoteEditor(props: { draft: NoteDraft; noteId?: string; onClose: () => void }) {
  const withCase = useWithCase();
  const id = useId();
  const [draft, setDraft] = useState(props.draft);
  const request = draft.request ?? noRequest;
  const set = (changes: Partial<NoteDraft>) => setDraft({ ...draft, ...changes });
  const setRequest = (changes: Partial<RequestForComment>) =>
    set({ request: { ...request, ...changes } });
  return (
    <FormDialog
      title={props.noteId ? `Edit “${props.draft.title}”` : 'New source note'}
      submitLabel="Save note"
      onSubmit={() =>
        withCase(
          saveNote,
          { ...draft, request: draft.kind === 'request-for-comment' ? request : null },
          props.noteId,
        )
      }
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
        <label>
          <span>Source name</span>
          <input
            autoComplete="off"
            value={draft.sourceName}
            aria-describedby={hasInvisibles(draft.sourceName) ? `${id}-invisibles` : undefined}
            onChange={(event) => set({ sourceName: event.target.value })}
          />
          {hasInvisibles(draft.sourceName) && (
            <span id={`${id}-invisibles`} className="hint">
              Holds characters that show nothing (a pasted name often does):{' '}
              <bdi>{showInvisibles(draft.sourceName)}</bdi>
            </span>
          )}
        </label>
        <label>
          <span>Role or affiliation</span>
          <input
            autoComplete="off"
            value={draft.sourceRole}
            onChange={(event) => set({ sourceRole: event.target.value })}
          />
        </label>
        <LabelledSelect
          label="Confidentiality"
          value={draft.confidentiality}
          options={confidentialities}
          labels={confidentialityLabels}
          onChange={(confidentiality) => set({ confidentiality })}
        />
        {draft.confidentiality === 'background' && (
          <label>
            <span>Attribution (used instead of the name)</span>
            <input
              autoComplete="off"
              value={draft.attribution}
              placeholder="e.g. a Western official"
              onChange={(event) => set({ attribution: event.target.value })}
            />
          </label>
        )}
      </div>
      {draft.confidentiality !== 'on-record' && (
        <AliasFields
          name={draft.sourceName}
          aliases={draft.aliases}
          onChange={(aliases) => set({ aliases })}
        />
      )}
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
