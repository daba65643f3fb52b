import type { SchemaVersion } from './types';

/** Links from claims to their evidence. */
export const v5: SchemaVersion = {
  version: 5,
  stores: { links: 'id, claimId, [targetType+targetId]' },
};
