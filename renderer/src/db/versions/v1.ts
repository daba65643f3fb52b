import type { SchemaVersion } from './types';

/** Claims, their status vocabulary and sections, and the audit log. */
export const v1: SchemaVersion = {
  version: 1,
  stores: {
    statuses: 'id, order',
    sections: 'id, order',
    claims: 'id, statusId, *tags, sectionId, order, updatedAt',
    audit: '++id, [table+recordId], at',
  },
};
