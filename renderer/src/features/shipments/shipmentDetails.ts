import type { ShipmentRow } from '#shared/customs/shipmentIndex';
import { AskedOnInput } from '../../case/askedOnInput';
import { shipmentEngine, type ShipmentEngine } from '../../case/shipments/shipmentWorkerClient';

/** Rows' details, asked for as a row is opened (ShipmentsPage) and taken by ShipmentDetail. */
const details = new AskedOnInput<Awaited<ReturnType<ShipmentEngine['detail']>>>();

export const detailKey = (row: ShipmentRow) => `${row.datasetId}:${row.rowNumber}`;

const detailOf = (row: ShipmentRow) => () => shipmentEngine().detail(row);

export const askShipmentDetail = (row: ShipmentRow) => details.ask(detailKey(row), detailOf(row));

export const takeShipmentDetail = (row: ShipmentRow) => details.take(detailKey(row), detailOf(row));
