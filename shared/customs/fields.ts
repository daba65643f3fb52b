/** The canonical fields of a shipment, whatever a vendor calls its columns. */
export const canonicalFields = [
  'declarationId',
  'billOfLading',
  'date',
  'shipper',
  'consignee',
  'originCountry',
  'destinationCountry',
  'hsCode',
  'description',
  'weightKg',
  'value',
  'currency',
] as const;

export type CanonicalField = (typeof canonicalFields)[number];

export const fieldLabels: Record<CanonicalField, string> = {
  declarationId: 'Record / declaration id',
  billOfLading: 'Bill of lading number',
  date: 'Date',
  shipper: 'Shipper',
  consignee: 'Consignee',
  originCountry: 'Origin country',
  destinationCountry: 'Destination country',
  hsCode: 'HS code',
  description: 'Description',
  weightKg: 'Gross weight (kg)',
  value: 'Value',
  currency: 'Currency',
};

/** Column index per field, or null where the file has no such column. */
export type ColumnMapping = Record<CanonicalField, number | null>;

export const emptyMapping = (): ColumnMapping =>
  Object.fromEntries(canonicalFields.map((field) => [field, null])) as ColumnMapping;
