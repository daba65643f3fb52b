/**
 * The app's IndexedDB databases. The index has one version; an investigation's database declares
 * every version in versions/ (one file each). Once a version is on main it is never edited: a
 * change is a new version with an upgrade function and a test that opens the old one.
 *
 * Two kinds of database: one small index of investigations, and one database per investigation, so
 * that deleting, exporting or backing up a case touches one database and cases never mix.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { AuditEntry, Claim, Investigation, Section, Status } from '#shared/investigation';
import type {
  Dataset,
  ShipmentBlock,
  ShipmentCells,
  StoredRowProblem,
} from '#shared/customs/dataset';
import type { SavedLayout } from '#shared/customs/layout';
import type { SavedFilter } from '#shared/customs/shipmentFilter';
import type { Excerpt, PageText, PdfDocument } from '#shared/documents/document';
import type { SourceNote } from '#shared/notes/sourceNote';
import type { Source } from '#shared/notes/source';
import type { EvidenceLink } from '#shared/evidence/link';
import type { Entity, SuggestionDismissal } from '#shared/entities/entity';
import type { SanctionsMatch } from '#shared/sanctions/sanctionsMatch';
import type { CaseScreeningRecord } from '#shared/sanctions/caseScreening';
import type { TabView } from '#shared/tabViews';
import { defaultStatuses } from '#shared/statusVocabulary';
import { sealingReady, type LockKeys } from '#shared/lock/sealing';
import type { FILE_CIPHER } from './fileSealing';
import { currentActor } from './actor';
import { sealingMiddleware } from './sealingMiddleware';
import { investigationSchemaVersions } from './versions';

/** An original imported file, kept byte for byte, keyed by its SHA-256; its bytes are its parts. */
export type StoredFile = {
  sha256: string;
  size: number;
  name: string;
  mime: string;
  /**
   * Since schema 23: the plain bytes each sealed segment of it holds (1 MB); 4 MB where absent
   * (storedFiles.ts). How this database stores it: archives do not carry it.
   */
  segmentSize?: number;
  /**
   * Since schema 24: the cipher its segments are sealed with (fileSealing.ts); libsodium's
   * XChaCha20-Poly1305 (sealing.ts) where absent. How this database stores it: archives do not
   * carry it.
   */
  cipher?: typeof FILE_CIPHER;
};

/** 64 MB of a stored file's bytes, sealed if the database seals (storedFiles.ts). */
export type FilePart = { sha256: string; part: number; blob: Blob };

const INDEX_DB_NAME = 'waybill-index';
/**
 * An investigation's database is sealed (see storedKeys.ts): its name ends in `-locked`, as sealing
 * came with the lock. A name without it is a database stored in the clear by an earlier version,
 * sealed at the next start (see sealClearDatabases).
 */
export const investigationDbName = (databaseId: string, sealed = true): string =>
  `waybill-investigation-${databaseId}${sealed ? '-locked' : ''}`;

/** The id an investigation's databases are named by (see Investigation.databaseId). */
export const databaseIdOf = (investigation: Pick<Investigation, 'id' | 'databaseId'>): string =>
  investigation.databaseId ?? investigation.id;

/**
 * What opening an investigation's database takes: its id, the id its database is named by when not
 * its own, and its keys (without them: a database from before sealing, see investigationDbName).
 */
export type DbAccess = {
  investigationId: string;
  databaseId?: string;
  keys?: LockKeys;
  /** Who the audit entries written through it name (actor.ts), for a worker. */
  actor?: string;
};

export const databaseName = (access: DbAccess): string =>
  investigationDbName(access.databaseId ?? access.investigationId, Boolean(access.keys));

/** An app-wide setting (not a case's): “Your name”. */
export type AppSetting = { key: 'userName'; value: string };

export class IndexDb extends Dexie {
  investigations!: EntityTable<Investigation, 'id'>;
  settings!: EntityTable<AppSetting, 'key'>;
  layouts!: EntityTable<SavedLayout, 'signature'>;

  constructor() {
    super(INDEX_DB_NAME);
    // Version 1: the list of investigations.
    this.version(1).stores({ investigations: 'id, name, createdAt' });
    // Version 2: app-wide settings.
    this.version(2).stores({ settings: 'key' });
    // Version 3: remembered customs layouts (shared/customs/layout.ts), app-wide.
    this.version(3).stores({ layouts: 'signature, updatedAt' });
  }
}

export class InvestigationDb extends Dexie {
  statuses!: EntityTable<Status, 'id'>;
  sections!: EntityTable<Section, 'id'>;
  claims!: EntityTable<Claim, 'id'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  datasets!: EntityTable<Dataset, 'id'>;
  shipmentBlocks!: Dexie.Table<ShipmentBlock, [string, number]>;
  shipmentCells!: Dexie.Table<ShipmentCells, [string, number]>;
  rowProblems!: EntityTable<StoredRowProblem, 'id'>;
  files!: EntityTable<StoredFile, 'sha256'>;
  fileParts!: Dexie.Table<FilePart, [string, number]>;
  savedFilters!: EntityTable<SavedFilter, 'id'>;
  documents!: EntityTable<PdfDocument, 'id'>;
  pageTexts!: Dexie.Table<PageText, [string, number]>;
  excerpts!: EntityTable<Excerpt, 'id'>;
  notes!: EntityTable<SourceNote, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  links!: EntityTable<EvidenceLink, 'id'>;
  entities!: EntityTable<Entity, 'id'>;
  suggestionDismissals!: EntityTable<SuggestionDismissal, 'id'>;
  sanctionsMatches!: EntityTable<SanctionsMatch, 'id'>;
  sanctionsScreenings!: EntityTable<CaseScreeningRecord, 'id'>;
  views!: EntityTable<TabView, 'id'>;

  /** How a worker opens this same database. */
  get access(): DbAccess {
    return {
      investigationId: this.investigationId,
      databaseId: this.databaseId,
      keys: this.keys,
      actor: currentActor(),
    };
  }

  readonly investigationId: string;
  readonly databaseId?: string;
  readonly keys?: LockKeys;

  constructor(access: DbAccess) {
    super(databaseName(access));
    this.investigationId = access.investigationId;
    this.databaseId = access.databaseId;
    this.keys = access.keys;
    if (access.keys) this.use(sealingMiddleware(access.keys));
    for (const { version, stores, upgrade } of investigationSchemaVersions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    // A new database starts with the default status vocabulary, in the creating transaction.
    this.on('populate', (transaction) => {
      void transaction.table<Status, string>('statuses').bulkAdd(
        defaultStatuses.map((status, index) => ({
          ...status,
          id: `status-${index + 1}`,
          order: index + 1,
        })),
      );
    });
  }

  /**
   * Opens once the cipher has started, if it seals (upgrades and the first statuses are sealed
   * too). Dexie calls this on the first query as well as when asked.
   */
  override open() {
    if (!this.keys) return super.open();
    return Dexie.Promise.resolve(sealingReady).then(() => super.open());
  }
}
