import type { SchemaVersion } from './types';

/**
 * Screenings of the case against sanctions snapshots (shared/sanctions/caseScreening.ts), one per
 * snapshot: each a record sealed whole, only its id (the snapshot's hash) indexed. A new table:
 * nothing to upgrade.
 */
export const v15: SchemaVersion = {
  version: 15,
  stores: { sanctionsScreenings: 'id' },
};
