/**
 * Everything the dossier is built from: the investigation's records, and the shipment engine's
 * answers at the moment of export (the rows each saved filter matched then, each claim's summary).
 */
import type { ShipmentEvidenceSummary } from '../customs/corroboration';
import type { Dataset } from '../customs/dataset';
import type { SavedFilter } from '../customs/shipmentFilter';
import type { ShipmentRow } from '../customs/shipmentIndex';
import type { Excerpt, PdfDocument } from '../documents/document';
import type { Entity } from '../entities/entity';
import type { EvidenceLink } from '../evidence/link';
import type { AuditEntry, Claim, Section, Status } from '../investigation';
import type { SourceNote } from '../notes/sourceNote';
import type { Source } from '../notes/source';
import type { Designation } from '../sanctions/ftm';
import type { SanctionsMatch } from '../sanctions/sanctionsMatch';

export type CitedShipmentRow = Omit<ShipmentRow, 'datasetLabel'> & {
  cells: string[];
  /** Which distinct shipment the row reports: rows with one number were matched as one. */
  shipment: number;
  /** The entities its parties resolve to at export ('' for none): what matching compares. */
  shipperParty: string;
  consigneeParty: string;
};

/** One distinct shipment a claim's summary counts: the row standing for it, and its counted rows. */
export type ShipmentDerivation = { representative: string; rows: string[] };

export type DossierInput = {
  investigation: { name: string; synthetic: boolean; notice: string };
  exportedAt: string;
  statuses: Status[];
  sections: Section[];
  claims: Claim[];
  links: EvidenceLink[];
  datasets: Dataset[];
  documents: PdfDocument[];
  excerpts: Excerpt[];
  notes: SourceNote[];
  /** The audit entries of datasets and documents: when their origins were declared. */
  provenance: AuditEntry[];
  /** Every source: redaction hides the confidential ones wherever they occur, cited or not. */
  sources: Source[];
  savedFilters: SavedFilter[];
  /** Cited entities, by the id links and filters recorded (after merges: the entity now). */
  entities: Record<
    string,
    Pick<Entity, 'name' | 'country' | 'identifiers' | 'flags'> & {
      /** Every spelling the entity gathers, as the files write it. */
      spellings: string[];
      /** The user's merges and splits behind it, dated, from the audit log. */
      decisions: string[];
    }
  >;
  /**
   * Every shipment row cited, directly or through a saved filter, and every row of another dataset
   * matched with one, by `datasetId:rowNumber`.
   */
  rows: Record<string, CitedShipmentRow>;
  /** The rows each saved filter matched at the moment of export. */
  filterRows: Record<string, string[]>;
  /** Each claim's shipment summary from the engine (contradicting links not counted). */
  summaries: Record<string, ShipmentEvidenceSummary>;
  /** Each claim's distinct shipments as its summary counts them. */
  derivations: Record<string, ShipmentDerivation[]>;
  /**
   * The designations claims cite, by link target: each with its match (frozen with the snapshot),
   * the entity the match is of now (its id as rows' parties give it, after merges) and its name.
   */
  designations: Record<
    string,
    { match: SanctionsMatch; designation: Designation; party: string; entity: string }
  >;
};
