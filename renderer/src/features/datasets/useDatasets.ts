import { useLiveQuery } from 'dexie-react-hooks';
import type { Dataset, StoredRowProblem } from '../../../../shared/customs/dataset';
import type { InvestigationDb } from '../../db/schema';

export const useDatasets = (db: InvestigationDb): Dataset[] | undefined =>
  useLiveQuery(
    async () =>
      (await db.datasets.where('status').equals('complete').sortBy('importedAt')).reverse(),
    [db],
  );

export const useRejectedRows = (
  db: InvestigationDb,
  datasetId: string,
): StoredRowProblem[] | undefined =>
  useLiveQuery(
    () => db.rowProblems.where('datasetId').equals(datasetId).sortBy('rowNumber'),
    [db, datasetId],
  );
