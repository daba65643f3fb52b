import type { ShipmentRow } from '#shared/customs/shipmentIndex';
import type { ShipmentSort } from '#shared/customs/shipmentFilter';
import { formatAmount } from '../../ui/formatting';

export type ShipmentColumn = {
  id: string;
  label: string;
  width: number;
  numeric?: boolean;
  sort?: ShipmentSort['column'];
  text: (row: ShipmentRow) => string;
};

export const shipmentColumns: ShipmentColumn[] = [
  { id: 'date', label: 'Date', width: 96, sort: 'date', text: (row) => row.date },
  { id: 'shipper', label: 'Shipper', width: 170, sort: 'shipper', text: (row) => row.shipper },
  {
    id: 'consignee',
    label: 'Consignee',
    width: 170,
    sort: 'consignee',
    text: (row) => row.consignee,
  },
  {
    id: 'origin',
    label: 'From',
    width: 52,
    sort: 'originCountry',
    text: (row) => row.originCountry,
  },
  {
    id: 'destination',
    label: 'To',
    width: 52,
    sort: 'destinationCountry',
    text: (row) => row.destinationCountry,
  },
  { id: 'hs', label: 'HS code', width: 108, sort: 'hsCode', text: (row) => row.hsCode },
  {
    id: 'description',
    label: 'Description',
    width: 184,
    sort: 'description',
    text: (row) => row.description,
  },
  {
    id: 'weight',
    label: 'Weight kg',
    width: 84,
    numeric: true,
    sort: 'weightKg',
    text: (row) => formatAmount(row.weightKg ?? Number.NaN),
  },
  {
    id: 'value',
    label: 'Value',
    width: 104,
    numeric: true,
    sort: 'value',
    text: (row) => formatAmount(row.value ?? Number.NaN),
  },
  { id: 'currency', label: 'Cur.', width: 48, sort: 'currency', text: (row) => row.currency },
  {
    id: 'declaration',
    label: 'Declaration',
    width: 190,
    sort: 'declarationId',
    text: (row) => row.declarationId,
  },
  {
    id: 'billOfLading',
    label: 'B/L number',
    width: 150,
    sort: 'billOfLading',
    text: (row) => row.billOfLading,
  },
  { id: 'dataset', label: 'Dataset', width: 112, sort: 'dataset', text: (row) => row.datasetLabel },
  {
    id: 'reportedBy',
    label: 'Reported by',
    width: 94,
    numeric: true,
    sort: 'reportedBy',
    text: (row) => String(row.reportedBy),
  },
  {
    id: 'designated',
    label: 'Designated at the time',
    width: 200,
    sort: 'designated',
    text: (row) => row.designated,
  },
  {
    id: 'row',
    label: 'Row',
    width: 64,
    numeric: true,
    sort: 'row',
    text: (row) => String(row.rowNumber),
  },
];

export const defaultVisibleColumns = [
  'date',
  'shipper',
  'consignee',
  'origin',
  'destination',
  'hs',
  'description',
  'weight',
  'value',
  'currency',
  'dataset',
  'reportedBy',
  'row',
];
