/** A filter over shipments, as the user typed it; a saved filter stores exactly this. */
export type ShipmentFilter = {
  /** Words that must all occur in a party's normalised key (`poly tech`). */
  party: string;
  partyRole: 'either' | 'shipper' | 'consignee';
  /** ISO dates, inclusive; '' for open. */
  dateFrom: string;
  dateTo: string;
  hsPrefix: string;
  originCountry: string;
  destinationCountry: string;
  /** Dataset ids; empty for all. */
  datasetIds: string[];
  /** Words that must all occur in the description, any order, any case. */
  words: string;
  valueMin: string;
  valueMax: string;
  weightMin: string;
  weightMax: string;
};

export const emptyShipmentFilter: ShipmentFilter = {
  party: '',
  partyRole: 'either',
  dateFrom: '',
  dateTo: '',
  hsPrefix: '',
  originCountry: '',
  destinationCountry: '',
  datasetIds: [],
  words: '',
  valueMin: '',
  valueMax: '',
  weightMin: '',
  weightMax: '',
};

export type ShipmentSort = {
  column: 'date' | 'value' | 'weightKg' | 'row';
  direction: 'asc' | 'desc';
};

export type SavedFilter = { id: string; name: string; filter: ShipmentFilter; createdAt: number };
