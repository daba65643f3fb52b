import type { Status, StatusRule } from './investigation';

export type StatusDefinition = Omit<Status, 'id' | 'order'>;

/** *Corroborated*'s rule: two independent origins (new investigations, and older ones upgraded). */
export const CORROBORATED_RULE: StatusRule = { minSupporting: 0, minOrigins: 2 };

/**
 * The default verification statuses of a new investigation (the handbook's vocabulary). Publishable:
 * Verified, Corroborated, Not independently verified (published with its caveat), Denied by subject,
 * and No response to request for comment.
 */
export const defaultStatuses: readonly StatusDefinition[] = [
  {
    name: 'Draft',
    color: '#6b7280',
    description: 'Being written; not yet checked against the evidence.',
    publishable: false,
  },
  {
    name: 'Not independently verified',
    color: '#b45309',
    description: 'Supported by one origin of evidence only (e.g. third-party customs data).',
    publishable: true,
  },
  {
    name: 'Corroborated',
    color: '#15803d',
    description: 'Supported by two or more independent origins, not resellers of the same data.',
    publishable: true,
    rule: CORROBORATED_RULE,
  },
  {
    name: 'Verified',
    color: '#166534',
    description: 'Checked against primary evidence and confirmed.',
    publishable: true,
  },
  {
    name: 'Disputed',
    color: '#b91c1c',
    description: 'Evidence contradicts the claim, or sources disagree.',
    publishable: false,
  },
  {
    name: 'Denied by subject',
    color: '#7c3aed',
    description: 'The subject denied it in answer to a request for comment.',
    publishable: true,
  },
  {
    name: 'No response to request for comment',
    color: '#0e7490',
    description: 'The subject was asked and did not answer by the deadline.',
    publishable: true,
  },
  {
    name: 'Retracted',
    color: '#374151',
    description: 'Withdrawn; kept for the record.',
    publishable: false,
  },
];

export const isHexColor = (value: string): boolean => /^#[0-9a-f]{6}$/i.test(value);
