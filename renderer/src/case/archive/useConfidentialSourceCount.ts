import { useLiveQuery } from 'dexie-react-hooks';
import type { Investigation } from '#shared/investigation';
import { investigationDb } from '../../db/databases';

/** How many confidential sources an open investigation holds (an archive of it then needs a passphrase). */
export function useConfidentialSourceCount(investigation: Investigation): number | undefined {
  return useLiveQuery(
    () =>
      investigationDb(investigation)
        .sources.filter((source) => source.confidentiality === 'confidential')
        .count(),
    [investigation.id],
  );
}
