import { dictionaryColumns } from './dataset';

/** A filter over shipments, as the user typed it; a saved filter stores exactly this. */
export type ShipmentFilter = {
  /** Words that must all occur in a party's normalised key (`poly tech`). */
  party: string;
  partyRole: 'either' | 'shipper' | 'consignee';
  /** Entity ids ('' for any): every spelling the entity gathers, after the user's merges. */
  shipperEntity: string;
  consigneeEntity: string;
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
  /** Part of a declaration number. */
  declaration: string;
  valueMin: string;
  valueMax: string;
  weightMin: string;
  weightMax: string;
  /**
   * Rows whose party (either, the shipper or the consignee) was certainly designated on the
   * shipment's date, by a designation of a sanctions match the case confirmed or a sanctions flag the user
   * declared with its date (declaredDesignation.ts); '' for any row.
   */
  designated: '' | 'either' | 'shipper' | 'consignee';
  /** With `designated`: only designations on this list ('' for any). */
  designatedList: string;
  /** With `designated`: only designations that certainly began on or after this day ('' for any). */
  designatedSince: string;
};

export const emptyShipmentFilter: ShipmentFilter = {
  party: '',
  partyRole: 'either',
  shipperEntity: '',
  consigneeEntity: '',
  dateFrom: '',
  dateTo: '',
  hsPrefix: '',
  originCountry: '',
  destinationCountry: '',
  datasetIds: [],
  words: '',
  declaration: '',
  valueMin: '',
  valueMax: '',
  weightMin: '',
  weightMax: '',
  designated: '',
  designatedList: '',
  designatedSince: '',
};

/**
 * What the table sorts by: a number column, a text column (alphabetical, empty last), an
 * identifier (declaration or B/L number: code-unit order, empty last), the dataset's name, how
 * many datasets report the shipment, or who was designated at the time (in words, empty last).
 */
export const shipmentSortColumns = [
  'date',
  'value',
  'weightKg',
  'row',
  'dataset',
  'declarationId',
  'billOfLading',
  'reportedBy',
  'designated',
  ...dictionaryColumns,
] as const;

export type ShipmentSort = {
  column: (typeof shipmentSortColumns)[number];
  direction: 'asc' | 'desc';
};

export type SavedFilter = { id: string; name: string; filter: ShipmentFilter; createdAt: number };

/** A filter as stored by an older version, completed with today's fields. */
export const completeFilter = (filter: Partial<ShipmentFilter>): ShipmentFilter => ({
  ...emptyShipmentFilter,
  ...filter,
});
