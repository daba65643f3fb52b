import { useLiveQuery } from 'dexie-react-hooks';
import type { Dataset, StoredRowProblem } from '#shared/customs/dataset';
import { useCaseDb } from '../caseDb';

export function useDatasets(): Dataset[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    async () =>
      (await db.datasets.where('status').equals('complete').sortBy('importedAt')).reverse(),
    [db],
  );
}

export function useRejectedRows(datasetId: string): StoredRowProblem[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    () => db.rowProblems.where('datasetId').equals(datasetId).sortBy('rowNumber'),
    [db, datasetId],
  );
}
