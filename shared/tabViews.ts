/**
 * What a tab was showing, kept in the case (schema 17) so that switching tabs, going back and
 * reloading find it as it was. Never in the URL: a filter holds names and words, and Chromium keeps
 * every URL in files the lock cannot reach (app/routeState.ts). Sealed whole with the case.
 */
import type { AuditFilter } from './audit/auditLog';
import type { ClaimFilter } from './claimFilter';
import type { PivotDimension } from './customs/shipmentGroups';
import type { ShipmentFilter, ShipmentSort } from './customs/shipmentFilter';
import type { NoteFilter } from './notes/sourceNote';

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

/** Since schema 19: the Claims tab's filter and the claim open beside the list. */
export type ClaimsView = { id: 'claims'; filter: ClaimFilter; openClaim: string | null };

/** Since schema 19: the Entities tab's search and the entity whose page is open ('' for none). */
export type EntitiesView = { id: 'entities'; search: string; openEntity: string };

/** Since schema 19: the Notes tab's filter. */
export type NotesView = { id: 'notes'; filter: NoteFilter };

/** Since schema 19: the document open on the Documents tab. */
export type DocumentsView = { id: 'documents'; openDocument: string | null };

/** Since schema 19: the History tab's filter. */
export type HistoryView = { id: 'history'; filter: AuditFilter };

export type TabView =
  ShipmentsView | ClaimsView | EntitiesView | NotesView | DocumentsView | HistoryView;
