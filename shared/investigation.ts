/** Domain types of an investigation and its claims, shared by the renderer, the CLI and the tests. */

import type { KdfParams } from './crypto/kdf';

export type Investigation = {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** The sample case shipped with the app: labelled as synthetic wherever it is shown. */
  synthetic: boolean;
  /** Shown as a banner on the investigation, e.g. the sample's "everything here is invented". */
  notice?: string;
  /** Set while the investigation's database is being deleted; finished at the next start if cut short. */
  deleting?: boolean;
  /** Set while an archive is being restored into it; an investigation left so is removed at the next start. */
  restoring?: boolean;
  /**
   * The id its databases are named by, when not its own: an investigation restored in place of
   * another keeps that one's id, with the restored database.
   */
  databaseId?: string;
  /** Set while the databases an in-place restore replaced are deleted; finished at the next start. */
  replacedDatabase?: string;
  /**
   * Present while the investigation is locked: its keys are wrapped under a passphrase. (Its
   * contents are encrypted at rest either way; see renderer/src/db/storedKeys.ts.)
   */
  lock?: InvestigationLock;
  /**
   * Set while a pass copies the investigation's database: `sealing` one an earlier version stored
   * in the clear; `locking` and `unlocking` only in rows of earlier versions, whose lock copied the
   * case. Undone at the next start if cut short.
   */
  lockPass?: 'sealing' | 'locking' | 'unlocking';
};

/**
 * How a locked investigation's keys are kept: wrapped (AES-GCM) under a key derived from the
 * passphrase (see shared/crypto/passphraseKey.ts). The passphrase itself is never stored.
 */
export type InvestigationLock = {
  salt: Uint8Array;
  /** How the key is derived; absent in locks made before Argon2id: PBKDF2 with `iterations`. */
  kdf?: KdfParams;
  /** PBKDF2's iterations, in locks made before Argon2id. */
  iterations?: number;
  /** IV, then the sealed seal key and index key. */
  wrappedKeys: Uint8Array;
  /** Locks again after this many minutes without a key press or click. */
  idleMinutes: number;
  lockedAt: number;
};

export type Status = {
  id: string;
  name: string;
  /** A CSS hex colour, `#rrggbb`. */
  color: string;
  description: string;
  /** Whether a claim with this status may appear in a publication dossier. */
  publishable: boolean;
  /**
   * What a claim's evidence must hold to carry this status; absent: nothing. Stored since schema
   * version 10 (its upgrade gives *Corroborated* two independent origins).
   */
  rule?: StatusRule;
  order: number;
};

/**
 * A status's rule: at least this many supporting items (links of any kind that support the claim),
 * and at least this many independent origins behind its supporting shipments. 0: no minimum.
 */
export type StatusRule = { minSupporting: number; minOrigins: number };

export type Section = {
  id: string;
  name: string;
  order: number;
};

export type Claim = {
  id: string;
  text: string;
  statusId: string;
  /**
   * The reason given with the current status ('' when none was). Stored since schema version 7;
   * absent only in rows read from an archive written before it, which the restore backfills.
   */
  statusReason?: string;
  tags: string[];
  /** null: the claim is not in any section ("Unsectioned"). */
  sectionId: string | null;
  order: number;
  createdAt: number;
  updatedAt: number;
};

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

/** Append-only: one row per change, written in the same transaction as the change itself. */
export type AuditEntry = {
  id?: number;
  at: number;
  table:
    | 'claims'
    | 'statuses'
    | 'sections'
    | 'notes'
    | 'sources'
    | 'entities'
    | 'exports'
    | 'nameChecks'
    | 'excerpts'
    | 'documents'
    | 'datasets'
    | 'savedFilters'
    | 'links'
    | 'sanctionsMatches'
    | 'sanctionsScreenings';
  recordId: string;
  action: AuditAction;
  /** The changed fields before and after; status changes also carry the status names of the time. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason?: string;
  /** Who made the change, when the user gave their name in Settings. */
  by?: string;
};
