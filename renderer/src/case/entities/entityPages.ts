import { shipmentEngine, type ShipmentEngine } from '../shipments/shipmentWorkerClient';

type EntityPage = ReturnType<ShipmentEngine['entityPage']>;

/**
 * The one entity page asked for as the user opened it, by engine and entity: the click asks the
 * engine, which works while React renders the frame the click changed (15 ms on a million rows
 * here), instead of after it. Taken, and forgotten, by the page that shows it.
 */
let asked: { key: string; page: EntityPage } | null = null;

const pageKey = (engineKey: string, entityId: string) => `${engineKey}#${entityId}`;

/** Asks the engine for an entity's page now, for `takeEntityPage` to find. */
export function askEntityPage(engineKey: string, entityId: string): void {
  const key = pageKey(engineKey, entityId);
  if (!entityId || asked?.key === key) return;
  const page = shipmentEngine().entityPage(entityId);
  // Awaited by the page that takes it; not left unhandled if none does.
  page.catch(() => undefined);
  asked = { key, page };
}

/** An entity's page: the one asked for as it was opened, else asked for now. */
export function takeEntityPage(engineKey: string, entityId: string): EntityPage {
  const key = pageKey(engineKey, entityId);
  const page = asked?.key === key ? asked.page : shipmentEngine().entityPage(entityId);
  asked = null;
  return page;
}
