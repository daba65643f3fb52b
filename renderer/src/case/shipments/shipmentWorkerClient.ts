import * as Comlink from 'comlink';
import type { ShipmentWorkerApi } from '../../workers/shipmentWorker';

let running: { worker: Worker; api: Comlink.Remote<ShipmentWorkerApi> } | null = null;

/** The one shipment engine of the page, started when first needed. */
export function shipmentWorker(): Comlink.Remote<ShipmentWorkerApi> {
  if (!running) {
    const worker = new Worker(new URL('../../workers/shipmentWorker.ts', import.meta.url), {
      type: 'module',
      name: 'shipments',
    });
    running = { worker, api: Comlink.wrap<ShipmentWorkerApi>(worker) };
  }
  return running.api;
}

/** Stops the engine, and with it every shipment it held in memory (when a case locks again). */
export function stopShipmentWorker(): void {
  running?.worker.terminate();
  running = null;
}

/**
 * The questions a page asks the engine (rows, totals, entities, profiles). Loading it with the
 * case's rows is useShipmentEngine's job, which has the case's database; components never do.
 */
export type ShipmentEngine = Omit<Comlink.Remote<ShipmentWorkerApi>, 'sync'>;

export const shipmentEngine = (): ShipmentEngine => shipmentWorker();
