/** Source notes: what people said, asked and saw, with how each source may be named. */
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

export const confidentialities = ['on-record', 'background', 'confidential'] as const;
export type Confidentiality = (typeof confidentialities)[number];

export const confidentialityLabels: Record<Confidentiality, string> = {
  'on-record': 'On the record',
  background: 'Background (attributed)',
  confidential: 'Confidential (name never leaves this machine)',
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
  sourceName: string;
  /**
   * Other forms of the source's name the user declared ("also written as": the surname alone, a
   * nickname, another script). Confidential ones are redacted wherever they occur, like the name.
   */
  aliases: string[];
  sourceRole: string;
  date: string;
  confidentiality: Confidentiality;
  /** For background sources: how they may be quoted instead of by name ("a Western official"). */
  attribution: string;
  request: RequestForComment | null;
  createdAt: number;
  updatedAt: number;
};

export type NoteFilter = {
  kind: NoteKind | '';
  outcome: RequestOutcome | '';
  confidentiality: Confidentiality | '';
};

export function matchesNoteFilter(note: SourceNote, filter: NoteFilter): boolean {
  if (filter.kind && note.kind !== filter.kind) return false;
  if (filter.confidentiality && note.confidentiality !== filter.confidentiality) return false;
  if (filter.outcome && note.request?.outcome !== filter.outcome) return false;
  return true;
}

/** What is wrong with a note before it is stored, or null. */
export function noteProblem(
  note: Omit<SourceNote, 'id' | 'createdAt' | 'updatedAt'>,
): string | null {
  if (!note.title.trim()) return 'A note needs a title.';
  if (note.confidentiality === 'background' && !note.attribution.trim()) {
    return 'A background source needs the attribution to use instead of the name, e.g. “a Western official”.';
  }
  if (note.kind === 'request-for-comment' && !note.request?.to.trim())
    return 'Say to whom the request went.';
  if (note.request?.outcome === 'answered' && !note.request.answer.trim())
    return 'An answered request needs the answer.';
  return null;
}
