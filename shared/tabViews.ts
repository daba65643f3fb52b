/**
 * What a tab was showing, kept in the case (schema 17) so that switching tabs, going back and
 * reloading find it as it was. Never in the URL: a filter holds names and words, and Chromium keeps
 * every URL in files the lock cannot reach (app/routeState.ts). Sealed whole with the case.
 */
import type { PivotDimension } from './customs/shipmentGroups';
import type { ShipmentFilter, ShipmentSort } from './customs/shipmentFilter';

/**
 * What the Shipments tab shows of its filter: every row, one row a distinct shipment (rows reporting
 * one shipment matched), the pivot, or the network.
 */
export const shipmentDisplays = ['rows', 'shipments', 'pivot', 'network'] as const;
export type ShipmentDisplay = (typeof shipmentDisplays)[number];

/** The Shipments tab: its filter, sort, columns shown, and the row open beside the table. */
export type ShipmentsView = {
  id: 'shipments';
  filter: ShipmentFilter;
  sort: ShipmentSort;
  columns: string[];
  /** The open row, by its place under this filter and sort; null when none is open. */
  openRow: number | null;
  /** Since schema 19: the rows, the distinct shipments, the pivot or the network (absent: the rows). */
  display?: ShipmentDisplay;
  /** Since schema 19: what the pivot groups by (absent: the shipper). */
  pivotBy?: PivotDimension;
};

export type TabView = ShipmentsView;
