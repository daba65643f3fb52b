import * as Comlink from 'comlink';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useCaseDb } from '../caseDb';
import { useDatasets } from '../datasets/useDatasets';
import { shipmentWorker } from './shipmentWorkerClient';

export type EngineState = {
  /** Changes whenever the engine's answers may have changed: re-query when it does. */
  key: string;
  count: number;
};

export type EngineProgress = { done: number; total: number } | null;

/**
 * Keeps the shipment engine in step with the investigation: its datasets, and the user's entity
 * decisions (merges and splits change which shipments match). Returns the last loaded state (it
 * lags a change until the engine has caught up; its key tells when) and the progress of a load.
 */
export function useShipmentEngine(
  /** False while the caller needs no shipments (a claim citing none): nothing is loaded. */
  enabled = true,
): {
  engine: EngineState | null;
  progress: EngineProgress;
} {
  const db = useCaseDb();
  const datasets = useDatasets();
  const entitiesKey = useLiveQuery(
    async () =>
      (await db.entities.toArray())
        .map((entity) => `${entity.id}@${entity.updatedAt}`)
        .sort()
        .join(','),
    [db],
  );
  // Confirmed sanctions matches place rows in designation periods ("designated at the time").
  const matchesKey = useLiveQuery(
    async () =>
      (await db.sanctionsMatches.toArray())
        .filter((match) => match.decision === 'confirmed')
        .map((match) => match.id)
        .sort()
        .join(','),
    [db],
  );
  // Vendor, origin and name count too: the evidence summary and the rows read them from the engine.
  const datasetsKey = datasets
    ?.map(
      (dataset) => `${dataset.id}|${dataset.vendor}|${dataset.origin}|${dataset.displayName ?? ''}`,
    )
    .join(',');
  const key =
    !enabled || datasetsKey === undefined || entitiesKey === undefined || matchesKey === undefined
      ? null
      : `${db.name}\n${datasetsKey}\n${entitiesKey}\n${matchesKey}`;
  const [engine, setEngine] = useState<EngineState | null>(null);
  const [progress, setProgress] = useState<EngineProgress>(null);

  useEffect(() => {
    if (
      key === null ||
      datasetsKey === undefined ||
      entitiesKey === undefined ||
      matchesKey === undefined
    )
      return undefined;
    let live = true;
    // Progress arrives on its own port and may trail the answer: it is ignored once that is in.
    let finished = false;
    void shipmentWorker()
      .sync(
        db.access,
        datasetsKey,
        entitiesKey,
        matchesKey,
        Comlink.proxy((done: number, total: number) => {
          if (live && !finished) setProgress({ done, total });
        }),
      )
      .then((count) => {
        finished = true;
        if (!live) return;
        setEngine({ key, count });
        setProgress(null);
      });
    return () => {
      live = false;
    };
  }, [db, key, datasetsKey, entitiesKey, matchesKey]);

  const sameDatabase = engine?.key.split('\n')[0] === db.name;
  return { engine: sameDatabase ? engine : null, progress };
}
