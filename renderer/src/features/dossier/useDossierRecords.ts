import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '#shared/investigation';
import { useCaseDb } from '../../case/caseDb';
import { readDossierRecords, type DossierRecords } from './collectDossierInput';

/** Every record a dossier is built from, in one live query: any change to one of them re-reads all. */
export function useDossierRecords(): DossierRecords | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => readDossierRecords(db), [db]);
}

/** The dossiers exported before, oldest first, as the audit log recorded them. */
export function useEarlierExports(): AuditEntry[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    () =>
      db.audit
        .where('[table+recordId]')
        .between(['exports', ''], ['exports', '\uffff'])
        .sortBy('at'),
    [db],
  );
}
