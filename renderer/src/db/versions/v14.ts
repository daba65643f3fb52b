import type { SchemaVersion } from './types';

/**
 * Sanctions screening decisions (shared/sanctions/sanctionsMatch.ts): each a record sealed whole,
 * only its id indexed. A new table: nothing to upgrade.
 */
export const v14: SchemaVersion = {
  version: 14,
  stores: { sanctionsMatches: 'id' },
};
