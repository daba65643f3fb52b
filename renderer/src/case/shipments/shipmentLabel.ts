import type { ShipmentRow } from '#shared/customs/shipmentIndex';

/** A shipment as people cite it: date, parties, and where it stands (dataset and row). */
export const shipmentLabel = (row: ShipmentRow): string =>
  `${row.date} ${row.shipper || '(no shipper)'} → ${row.consignee || '(no consignee)'}, ` +
  `${row.datasetName} row ${row.rowNumber}`;
