import type { Shipment } from '../../shared/customs/shipment';

/** A shipment as a file's line `rowNumber` gives it, with `changes`: for tests that build blocks. */
export function shipment(rowNumber: number, changes: Partial<Shipment> = {}): Shipment {
  return {
    rowNumber,
    declarationId: `D-${rowNumber}`,
    billOfLading: '',
    date: 19_000 + (rowNumber % 30),
    shipper: 'Alpha LLC',
    consignee: 'Beta JSC',
    shipperKey: 'alpha',
    consigneeKey: 'beta',
    originCountry: 'CN',
    destinationCountry: 'RU',
    hsCode: '880730',
    description: 'parts',
    weightKg: 10,
    value: 100,
    currency: 'USD',
    duplicateOf: 0,
    cells: [],
    ...changes,
  };
}
