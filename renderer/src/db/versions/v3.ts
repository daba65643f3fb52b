import type { SchemaVersion } from './types';

/** PDF documents (bytes in `files`), their pages' text, and excerpts. All new tables. */
export const v3: SchemaVersion = {
  version: 3,
  stores: {
    documents: 'id, &sha256, addedAt',
    pageTexts: '[documentId+page], documentId',
    excerpts: 'id, documentId, [documentId+page]',
  },
};
