import { useLiveQuery } from 'dexie-react-hooks';
import type { Investigation } from '#shared/investigation';
import { investigationDb } from '../../db/databases';

/** How many confidential source notes an open investigation holds (an archive of it then needs a passphrase). */
export function useConfidentialSourceCount(investigation: Investigation): number | undefined {
  return useLiveQuery(
    () =>
      investigationDb(investigation)
        .notes.filter((note) => note.confidentiality === 'confidential')
        .count(),
    [investigation.id],
  );
}
