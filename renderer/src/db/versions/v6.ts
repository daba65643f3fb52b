import type { SchemaVersion } from './types';

/** Entities (the user's groupings of party spellings) and dismissed grouping suggestions. */
export const v6: SchemaVersion = {
  version: 6,
  stores: { entities: 'id, *aliasKeys, name', suggestionDismissals: 'id' },
};
