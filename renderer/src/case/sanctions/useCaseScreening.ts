/**
 * Every entity of the case screened against the newest snapshot, again whenever the engine's
 * entities change (an import lands, a merge) or a newer snapshot comes: off the UI thread, in the
 * shipment worker (the entities) and the sanctions worker (the screening).
 */
import { useEffect, useState } from 'react';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { shipmentWorker } from '../shipments/shipmentWorkerClient';
import type { EngineState } from '../shipments/useShipmentEngine';
import { screenParties, useSnapshots, type ScreenedCandidate } from './snapshots';

export type ScreenedEntity = { id: string; name: string; candidates: ScreenedCandidate[] };

export type CaseScreening =
  | { state: 'none' }
  | { state: 'screening'; snapshot: SanctionsSnapshot }
  | { state: 'failed'; snapshot: SanctionsSnapshot; message: string }
  | {
      state: 'done';
      snapshot: SanctionsSnapshot;
      /** How many entities were screened. */
      screened: number;
      /** The entities with at least one candidate, best candidate first. */
      found: ScreenedEntity[];
    };

export function useCaseScreening(engine: EngineState): CaseScreening | undefined {
  const snapshots = useSnapshots();
  const snapshot = snapshots?.[0];
  const key = snapshot ? `${snapshot.id}\n${engine.key}` : '';
  const [result, setResult] = useState<{ key: string; value: CaseScreening } | null>(null);

  useEffect(() => {
    if (!snapshot) return undefined;
    let live = true;
    void (async () => {
      const parties = await shipmentWorker().screeningParties();
      const candidates = await screenParties(
        snapshot.id,
        parties.map(({ spellings, identifiers }) => ({ spellings, identifiers })),
      );
      const found = parties
        .map((party, at) => ({ id: party.id, name: party.name, candidates: candidates[at] }))
        .filter((entity) => entity.candidates.length > 0);
      return { state: 'done' as const, snapshot, screened: parties.length, found };
    })().then(
      (value) => live && setResult({ key, value }),
      (failure: unknown) =>
        live &&
        setResult({
          key,
          value: {
            state: 'failed',
            snapshot,
            message: failure instanceof Error ? failure.message : String(failure),
          },
        }),
    );
    return () => {
      live = false;
    };
    // `key` holds the snapshot and the engine's state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (snapshots === undefined) return undefined;
  if (!snapshot) return { state: 'none' };
  return result?.key === key ? result.value : { state: 'screening', snapshot };
}
