import * as Comlink from 'comlink';
import type { ShipmentWorkerApi } from '../../workers/shipmentWorker';

let worker: Comlink.Remote<ShipmentWorkerApi> | null = null;

/** The one shipment engine of the page, started when first needed. */
export function shipmentWorker(): Comlink.Remote<ShipmentWorkerApi> {
  worker ??= Comlink.wrap<ShipmentWorkerApi>(
    new Worker(new URL('../../workers/shipmentWorker.ts', import.meta.url), {
      type: 'module',
      name: 'shipments',
    }),
  );
  return worker;
}
