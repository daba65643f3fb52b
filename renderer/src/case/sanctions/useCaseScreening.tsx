/**
 * Every entity of the case screened against the newest snapshot while the case is open, again
 * whenever the engine's entities change (an import lands, a merge) or a newer snapshot comes,
 * whichever tab is shown: off the UI thread, in the shipment worker (the entities) and the
 * sanctions worker (the screening). What it finds is kept in the case (caseScreenings.ts); where the
 * app holds no snapshot, the case's latest screening is what there is to show.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CaseScreeningRecord } from '#shared/sanctions/caseScreening';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { useCaseDb } from '../caseDb';
import { shipmentWorker } from '../shipments/shipmentWorkerClient';
import { useShipmentEngine, type EngineState } from '../shipments/useShipmentEngine';
import { recordScreening, useStoredScreenings } from './caseScreenings';
import { screenParties, useSnapshots } from './snapshots';
import { messageOf } from '../../lib/errorMessage';

export type { ScreenedEntity } from '#shared/sanctions/caseScreening';

export type CaseScreening =
  | { state: 'none' }
  | { state: 'screening'; snapshot: SanctionsSnapshot }
  | { state: 'failed'; snapshot: SanctionsSnapshot; message: string }
  | {
      state: 'done';
      /** The screening as the case keeps it. */
      screening: CaseScreeningRecord;
      /** Kept from an earlier screening against a snapshot this app no longer holds. */
      kept: boolean;
    };

const CaseScreeningContext = createContext<CaseScreening | undefined>(undefined);

/** The case's screening, as the provider around the open case keeps it (undefined while reading). */
export const useCaseScreening = (): CaseScreening | undefined => useContext(CaseScreeningContext);

/**
 * Screens the open case as above: the shipment engine is loaded for it only while the app holds a
 * snapshot to screen against.
 */
export function CaseScreeningProvider(props: { children: ReactNode }) {
  const snapshots = useSnapshots();
  const { engine } = useShipmentEngine(Boolean(snapshots?.length));
  const screening = useScreening(engine);
  return (
    <CaseScreeningContext.Provider value={screening}>
      {props.children}
    </CaseScreeningContext.Provider>
  );
}

function useScreening(engine: EngineState | null): CaseScreening | undefined {
  const db = useCaseDb();
  const snapshots = useSnapshots();
  const snapshot = snapshots?.[0];
  const stored = useStoredScreenings(snapshots !== undefined && !snapshot);
  const key = snapshot && engine ? `${snapshot.id}\n${engine.key}` : '';
  const [result, setResult] = useState<{ key: string; value: CaseScreening } | null>(null);

  useEffect(() => {
    if (!snapshot || !engine) return undefined;
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
      const screening = await recordScreening(db, {
        snapshot,
        screened: parties.length,
        found,
      });
      return { state: 'done' as const, screening, kept: false };
    })().then(
      (value) => live && setResult({ key, value }),
      (failure: unknown) =>
        live &&
        setResult({
          key,
          value: {
            state: 'failed',
            snapshot,
            message: messageOf(failure),
          },
        }),
    );
    return () => {
      live = false;
    };
    // `key` holds the snapshot and the engine's state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (snapshots === undefined || stored === undefined) return undefined;
  if (!snapshot)
    return stored[0] ? { state: 'done', screening: stored[0], kept: true } : { state: 'none' };
  return result?.key === key ? result.value : { state: 'screening', snapshot };
}
