/**
 * The sourced claim dossier: what an editor or a lawyer checks line by line. One versioned model,
 * built by a pure function from the investigation's data; every export format renders this model,
 * so all formats say the same thing.
 */
import type { EvidenceType, Relation } from '../evidence/link';

/**
 * Raised whenever the model's shape changes. 2: each claim's status rule and where its evidence
 * breaks it (statusRule, ruleWarnings), the summary's rows of unknown origin, and each entity's
 * spellings and resolution. 3: each cited row's matches in other datasets (`cited: false`), which
 * distinct shipment each row reports and the parties matching compared (`shipment`,
 * `shipperParty`, `consigneeParty`), the matching rule, and each summary's derivation. 4: each
 * row's bill-of-lading number (`billOfLading`); each excerpt's position in its page's text and the
 * time it was cut. 5: designations cited from sanctions snapshots (`designations`, the `L`
 * appendix), each claim's figures against their periods (`summary.designations`), and the
 * snapshots among the sources. 6: each excerpt's quote as it reads (`reading`). 7: whether an
 * excerpt was cut from text read by OCR, with its words' confidence (`ocr`).
 */
export const DOSSIER_VERSION = 7;

/** The handbook's corroboration rule, as the dossier states it (shared/customs/matching.ts). */
export const MATCHING_RULE =
  'Rows of different datasets report one shipment when they share the date and the resolved shipper ' +
  'and consignee, their weights agree within one kilogram and their values within one unit of the ' +
  'same currency (or both are missing), and their HS codes agree on their common prefix. Matching ' +
  'rows are chained: every row of a shipment matches at least one other row of it.';

export type DossierProfile = 'full' | 'publication';
export const profileLabels: Record<DossierProfile, string> = {
  full: 'Full (for the editor and the lawyer)',
  publication: 'Publication',
};

/** Which claims go in: all, those with some statuses or tags, or those picked by hand. */
export type ClaimSelection =
  | { kind: 'all' }
  | { kind: 'statuses'; statusIds: string[] }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'claims'; claimIds: string[] };

export type DossierOptions = { profile: DossierProfile; selection: ClaimSelection };

export type Citation = {
  /** Numbered through the whole dossier: [1], [2]… */
  number: number;
  relation: Relation;
  kind: EvidenceType;
  /** The appendix entries it points to (`S3`, `F1`, `E2`…). */
  targets: string[];
  label: string;
  /** The researcher's comment on the link; null in the publication profile. */
  comment: string | null;
};

export type ClaimSummary = {
  distinctShipments: number;
  sourceRows: number;
  dateFrom: string | null;
  dateTo: string | null;
  valueByCurrency: { currency: string; total: number }[];
  totalWeightKg: number;
  datasets: string[];
  origins: string[];
  /** Rows from datasets of no stated origin, which count towards no origin. */
  unknownOriginRows: number;
  reportedBy: { datasets: number; shipments: number }[];
  /**
   * How the figures above are computed: the distinct shipments, each with the row standing for it
   * and the cited rows counted with it (appendix ids). `distinctShipments` is their number and
   * `sourceRows` the number of their rows; dates, weight and value by currency are the
   * representatives' (values never summed across currencies); `datasets`, `origins`,
   * `unknownOriginRows` and `reportedBy` read every row of those shipments, matches included.
   */
  derivation: { representative: string; rows: string[] }[];
  contradicting: number;
  requests: { title: string; to: string; outcome: string }[];
  /**
   * For each designation the claim cites (`L1`…): of the derivation's distinct shipments with the
   * designation's party as shipper or consignee, how many fall inside its period, and how many
   * within a month or year a partial date leaves open (not counted inside); `text` says it.
   */
  designations: DesignationFigureEntry[];
};

type DesignationFigureEntry = {
  designation: string;
  role: 'shipper' | 'consignee' | 'party';
  inside: number;
  uncertain: number;
  shipments: number;
  period: string;
  status: 'listed' | 'formerly listed';
  text: string;
};

export type DossierClaim = {
  number: number;
  text: string;
  status: string;
  /** What the status means, e.g. the caveat "Supported by one origin of evidence only". */
  statusMeaning: string;
  /** Why the status was set; null in the publication profile. */
  reason: string | null;
  /** The status's rule in words ("at least 2 independent origins"); null when it has none. */
  statusRule: string | null;
  /**
   * Where the claim's evidence falls short of its status's rule, one sentence each (the app's
   * `ruleShortfalls`, on the supporting citations and the summary's origins); null in the
   * publication profile.
   */
  ruleWarnings: string[] | null;
  tags: string[];
  summary: ClaimSummary;
  citations: Citation[];
};

type DossierShipment = {
  id: string;
  dataset: string;
  vendor: string;
  origin: string;
  fileSha256: string;
  rowNumber: number;
  date: string;
  shipper: string;
  consignee: string;
  originCountry: string;
  destinationCountry: string;
  hsCode: string;
  description: string;
  weightKg: number | null;
  value: number | null;
  currency: string;
  declarationId: string;
  /** A bill-of-lading number, where the file gives one (format 4). */
  billOfLading: string;
  reportedBy: number;
  raw: { header: string; value: string }[];
  /** False for a row that is here only as a match of a cited row, from another dataset. */
  cited: boolean;
  /** The distinct shipment the row reports (`M1`…): rows with one were matched as one shipment. */
  shipment: string;
  /** The entities its shipper and consignee resolve to (`p1`…; '' for none), as matching compares them. */
  shipperParty: string;
  consigneeParty: string;
};

type DossierFilter = {
  id: string;
  name: string;
  /** The filter's conditions in words, as it was defined at the moment of export. */
  definition: string[];
  /** The rows it matched at that moment: the dossier never changes after the fact. */
  frozenAt: string;
  shipments: string[];
};

type DossierExcerpt = {
  id: string;
  document: string;
  documentSha256: string;
  page: number;
  /** The text as extracted from the page, line ends kept: what `prefix`, `suffix` and `position` frame. */
  quote: string;
  /** The quote as it reads: line breaks as spaces, a hyphen at a line end joined only on evidence (format 6). */
  reading: string;
  prefix: string;
  suffix: string;
  /** Where the quote lies in the stored text of its page: offsets, end exclusive (format 4). */
  position: { start: number; end: number };
  /** When the excerpt was cut (ISO 8601), not when the dossier was exported (format 4). */
  createdAt: string;
  comment: string | null;
  /** Cut from a scanned page's text read by OCR: the confidence of its words, 0–100 (format 7). */
  ocr: { confidence: number } | null;
};

type DossierNote = {
  id: string;
  kind: string;
  title: string;
  /** The source as this profile may name it: a name, an attribution, or a confidential label. */
  source: string;
  role: string;
  date: string;
  confidentiality: string;
  body: string;
  request: { to: string; sentOn: string; deadline: string; outcome: string; answer: string } | null;
};

type DossierDocument = {
  id: string;
  title: string;
  fileName: string;
  sha256: string;
  pages: number;
  origin: string;
};

type DossierEntity = {
  id: string;
  name: string;
  country: string;
  identifiers: string[];
  flags: string[];
  /** Every spelling the entity covers, as found in the files. */
  spellings: string[];
  /** The merges and splits behind it ("2026-11-02: grouped by the user as …"), from the audit log. */
  resolution: string[];
};

/** A designation a claim cites, as the snapshot listed it when the match was confirmed (format 5). */
type DossierDesignation = {
  id: string;
  /** The case's entity it is the designation of, and that entity's party label in `shipments`. */
  entity: string;
  party: string;
  /** The listed party as the list names it, and its id there. */
  target: string;
  targetId: string;
  designationId: string;
  lists: string[];
  authority: string;
  program: string;
  reason: string;
  /** As the list gives them: a year, a month or a day (`2013`, `2022-03`, `2022-03-15`). */
  start: string | null;
  end: string | null;
  period: string;
  /** As of the snapshot's date. */
  status: 'listed' | 'formerly listed';
  sourceUrl: string;
  /** How the case matched the entity with the listed party. */
  match: { tier: 1 | 2 | 3; reason: string; decidedAt: string };
  snapshot: { fileName: string; source: string; date: string; sha256: string };
};

type DossierSource = {
  kind: 'dataset' | 'document' | 'snapshot';
  name: string;
  sha256: string;
  /** What the file comes from, as the researcher declared it ('origin unknown' when not). */
  origin: string;
  /** When (and by whom, where known) the origin was declared: at import, and its last change. */
  declared: string;
};

/** A hidden name replaced inside cited evidence (see redaction.ts): where, and by what. */
export type EvidenceRedaction = { evidence: string; field: string; replacedBy: string };

export type Dossier = {
  format: 'waybill-dossier';
  version: typeof DOSSIER_VERSION;
  title: string;
  synthetic: boolean;
  notice: string;
  exportedAt: string;
  profile: DossierProfile;
  cover: { claims: number; citations: number; byStatus: { status: string; count: number }[] };
  sections: { name: string; claims: DossierClaim[] }[];
  shipments: DossierShipment[];
  /** How rows were matched as one shipment (MATCHING_RULE). */
  matchingRule: string;
  savedFilters: DossierFilter[];
  excerpts: DossierExcerpt[];
  notes: DossierNote[];
  requests: { note: string; title: string; to: string; sentOn: string; outcome: string }[];
  documents: DossierDocument[];
  entities: DossierEntity[];
  designations: DossierDesignation[];
  sources: DossierSource[];
  /** Every redaction inside cited evidence; the verifier reports these as redacted. */
  redactions: EvidenceRedaction[];
};
