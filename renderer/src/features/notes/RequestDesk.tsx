import { useId } from 'react';
import { localIsoDay } from '#shared/localDay';
import {
  requestState,
  requestStateLabels,
  type RequestForComment,
  type RequestState,
  type SourceNote,
} from '#shared/notes/sourceNote';
import { useNoteCitingClaims } from '../../case/evidence/useEvidence';
import { plural } from '../../ui/formatting';

/** Overdue first, then those awaited, then the rest. */
const stateOrder = (state: RequestState) => (state === 'overdue' ? 0 : state === 'pending' ? 1 : 2);

function RequestRow(props: {
  note: SourceNote;
  request: RequestForComment;
  state: RequestState;
  /** How many claims cite the note; undefined while read. */
  citedBy: number | undefined;
}) {
  const { note, request, state, citedBy } = props;
  return (
    <tr className={state === 'overdue' ? 'overdue' : undefined}>
      <th scope="row">{note.title}</th>
      <td>{request.to}</td>
      <td>{request.sentOn || '—'}</td>
      <td>{request.deadline || '—'}</td>
      <td>
        {state === 'overdue' ? (
          <strong>{requestStateLabels[state]}</strong>
        ) : (
          requestStateLabels[state]
        )}
      </td>
      <td>
        {citedBy === undefined
          ? '…'
          : citedBy === 0
            ? 'no claim'
            : plural(citedBy, 'claim', 'claims')}
      </td>
    </tr>
  );
}

/**
 * Every request for comment of the case on one table: to whom, when sent, its deadline, where it
 * stands today (overdue while awaited after its deadline) and how many claims cite it.
 */
export function RequestDesk(props: { notes: readonly SourceNote[] }) {
  const id = useId();
  const citing = useNoteCitingClaims();
  const today = localIsoDay(new Date());
  const requests = props.notes
    .flatMap((note) =>
      note.request
        ? [{ note, request: note.request, state: requestState(note.request, today) }]
        : [],
    )
    .sort(
      (a, b) =>
        stateOrder(a.state) - stateOrder(b.state) ||
        (a.request.deadline || '9999').localeCompare(b.request.deadline || '9999'),
    );
  if (requests.length === 0) return null;
  const overdue = requests.filter((entry) => entry.state === 'overdue').length;
  const awaited = requests.filter((entry) => entry.state === 'pending').length;
  return (
    <section aria-labelledby={`${id}-title`} className="request-desk">
      <h3 id={`${id}-title`}>Requests for comment</h3>
      <p className="small" role="status" aria-label="Requests for comment, where they stand">
        {plural(requests.length, 'request', 'requests')}: {overdue} overdue, {awaited} awaited
        before their deadline.
      </p>
      <table className="data-table" aria-label="Requests for comment">
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">To</th>
            <th scope="col">Sent</th>
            <th scope="col">Deadline</th>
            <th scope="col">Where it stands</th>
            <th scope="col">Cited by</th>
          </tr>
        </thead>
        <tbody>
          {requests.map(({ note, request, state }) => (
            <RequestRow
              key={note.id}
              note={note}
              request={request}
              state={state}
              citedBy={citing && (citing.get(note.id) ?? 0)}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
