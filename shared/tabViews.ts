/**
 * What a tab was showing, kept in the case (schema 17) so that switching tabs, going back and
 * reloading find it as it was. Never in the URL: a filter holds names and words, and Chromium keeps
 * every URL in files the lock cannot reach (app/routeState.ts). Sealed whole with the case.
 */
import type { ShipmentFilter, ShipmentSort } from './customs/shipmentFilter';

/** The Shipments tab: its filter, sort, columns shown, and the row open beside the table. */
export type ShipmentsView = {
  id: 'shipments';
  filter: ShipmentFilter;
  sort: ShipmentSort;
  columns: string[];
  /** The open row, by its place under this filter and sort; null when none is open. */
  openRow: number | null;
};

export type TabView = ShipmentsView;
