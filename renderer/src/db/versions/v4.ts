import type { SchemaVersion } from './types';

/** Source notes (interviews, requests for comment, observations, document notes). */
export const v4: SchemaVersion = {
  version: 4,
  stores: { notes: 'id, kind, confidentiality, updatedAt' },
};
