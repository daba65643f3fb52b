import { useEffect, useState } from 'react';
import { shipmentRefId } from '#shared/customs/shipmentIndex';
import { shipmentLabel } from '../shipments/shipmentLabel';
import { shipmentWorker } from '../shipments/shipmentWorkerClient';
import { useShipmentEngine } from '../shipments/useShipmentEngine';
import type { EvidenceCandidate } from './useEvidence';

const LIMIT = 50;

/** Single shipments and entities matching a search, from the shipment engine (loaded on demand). */
export function useEngineCandidates(query: string): EvidenceCandidate[] {
  const wanted = query.trim() !== '';
  const { engine } = useShipmentEngine(wanted);
  const [answer, setAnswer] = useState<{ key: string; found: EvidenceCandidate[] } | null>(null);
  const key = `${engine?.key ?? ''}#${query}`;
  useEffect(() => {
    if (!engine || !wanted) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      const worker = shipmentWorker();
      void Promise.all([worker.entities(query, LIMIT), worker.findShipments(query, LIMIT)]).then(
        ([entities, rows]) => {
          if (!live) return;
          setAnswer({
            key,
            found: [
              ...entities.listings.map((entity) => ({
                type: 'entity' as const,
                id: entity.id,
                label: entity.name,
                detail: `${entity.shipments.toLocaleString()} shipments, ${entity.spellings} spellings`,
              })),
              ...rows.map((row) => ({
                type: 'shipment' as const,
                id: shipmentRefId(row),
                label: shipmentLabel(row),
                detail: `${row.description} · reported by ${row.reportedBy} dataset(s)`,
              })),
            ],
          });
        },
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [engine, wanted, query, key]);
  return wanted && answer?.key === key ? answer.found : [];
}
