import { AskedOnInput } from '../../case/askedOnInput';
import { shipmentEngine, type ShipmentEngine } from '../../case/shipments/shipmentWorkerClient';

/** Entity pages, asked for as they are opened (EntitiesPage) and taken by EntityProfileView. */
const pages = new AskedOnInput<Awaited<ReturnType<ShipmentEngine['entityPage']>>>();

const pageOf = (entityId: string) => () => shipmentEngine().entityPage(entityId);

/** Which engine's page of which entity: what EntityProfileView shows, and what is asked for. */
export const entityPageKey = (engineKey: string, entityId: string) => `${engineKey}#${entityId}`;

export const askEntityPage = (engineKey: string, entityId: string) =>
  pages.ask(entityPageKey(engineKey, entityId), pageOf(entityId));

export const takeEntityPage = (engineKey: string, entityId: string) =>
  pages.take(entityPageKey(engineKey, entityId), pageOf(entityId));
