/** Source notes: what people said, asked and saw; who said it is the note's source (source.ts). */
import type { Confidentiality, Source } from './source';

export const noteKinds = [
  'interview',
  'request-for-comment',
  'observation',
  'document-note',
] as const;
export type NoteKind = (typeof noteKinds)[number];

export const noteKindLabels: Record<NoteKind, string> = {
  interview: 'Interview',
  'request-for-comment': 'Request for comment',
  observation: 'Observation',
  'document-note': 'Document note',
};

export const outcomes = ['pending', 'no-response', 'declined', 'denied', 'answered'] as const;
export type RequestOutcome = (typeof outcomes)[number];

export const outcomeLabels: Record<RequestOutcome, string> = {
  pending: 'Awaiting an answer',
  'no-response': 'No response',
  declined: 'Declined to comment',
  denied: 'Denied',
  answered: 'Answered',
};

/** Where a request stands on a day: overdue while still awaited after its deadline. */
export type RequestState = RequestOutcome | 'overdue';

export const requestStateLabels: Record<RequestState, string> = {
  ...outcomeLabels,
  overdue: 'Overdue: no answer by the deadline',
};

export const requestState = (request: RequestForComment, today: string): RequestState =>
  request.outcome === 'pending' && request.deadline !== '' && request.deadline < today
    ? 'overdue'
    : request.outcome;

export type RequestForComment = {
  to: string;
  /** ISO dates; '' when not set. */
  sentOn: string;
  deadline: string;
  outcome: RequestOutcome;
  answer: string;
};

export type SourceNote = {
  id: string;
  kind: NoteKind;
  title: string;
  /** The handbook's Markdown subset; rendered as text, never as HTML. */
  body: string;
  /** The source it comes from (sources table), or null for the researcher's own note. */
  sourceId: string | null;
  date: string;
  request: RequestForComment | null;
  createdAt: number;
  updatedAt: number;
};

export type NoteFilter = {
  kind: NoteKind | '';
  outcome: RequestOutcome | '';
  confidentiality: Confidentiality | '';
};

/** How a note's source may be named; a note without a source is the researcher's own, on record. */
export const noteConfidentiality = (source: Source | null | undefined): Confidentiality =>
  source?.confidentiality ?? 'on-record';

export function matchesNoteFilter(
  note: SourceNote,
  source: Source | undefined,
  filter: NoteFilter,
): boolean {
  if (filter.kind && note.kind !== filter.kind) return false;
  if (filter.confidentiality && noteConfidentiality(source) !== filter.confidentiality)
    return false;
  if (filter.outcome && note.request?.outcome !== filter.outcome) return false;
  return true;
}

/** What is wrong with a note before it is stored, or null. */
export function noteProblem(
  note: Omit<SourceNote, 'id' | 'createdAt' | 'updatedAt'>,
): string | null {
  if (!note.title.trim()) return 'A note needs a title.';
  if (note.kind === 'request-for-comment' && !note.request?.to.trim())
    return 'Say to whom the request went.';
  if (note.request?.outcome === 'answered' && !note.request.answer.trim())
    return 'An answered request needs the answer.';
  return null;
}
