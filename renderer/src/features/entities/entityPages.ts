import { AskedOnInput } from '../../case/askedOnInput';
import { shipmentEngine, type ShipmentEngine } from '../../case/shipments/shipmentWorkerClient';

/** Entity pages, asked for as they are opened (EntitiesPage) and taken by EntityProfileView. */
const pages = new AskedOnInput<Awaited<ReturnType<ShipmentEngine['entityPage']>>>();

const pageOf = (entityId: string) => () => shipmentEngine().entityPage(entityId);

export const askEntityPage = (engineKey: string, entityId: string) =>
  pages.ask(`${engineKey}#${entityId}`, pageOf(entityId));

export const takeEntityPage = (engineKey: string, entityId: string) =>
  pages.take(`${engineKey}#${entityId}`, pageOf(entityId));
