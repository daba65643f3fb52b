/**
 * Sanctions snapshots as the app keeps them, in the reference database (its own, shared by every
 * case; never inside one): a row per snapshot (its file's name, SHA-256, size and date), and its
 * targets in blocks of up to TARGETS_PER_BLOCK, as shipments are. A Dexie row per target writes at
 * 7.6–17k rows/s here, a minute for half a million; blocks of 2,000 write in seconds. The name-key
 * index is the screening index (screening.ts), built from the blocks in the sanctions worker once
 * per snapshot: every screening reads all names anyway, so no key is looked up in IndexedDB.
 */
import type { SanctionsTarget, SnapshotProblem } from './ftm';
import type { PartialDate } from './partialDate';

export const TARGETS_PER_BLOCK = 2_000;

export type SanctionsSnapshot = {
  id: string;
  /** `importing` until every block is written: never shown, removed if the import stops. */
  status: 'importing' | 'ready';
  fileName: string;
  /** Who publishes it, as the user names it (OpenSanctions, a national list…). */
  source: string;
  sha256: string;
  bytes: number;
  /** The snapshot's date: its latest `last_seen`, or the date the user gave. */
  date: PartialDate;
  dateFrom: 'last_seen' | 'given';
  importedAt: number;
  targets: number;
  designations: number;
  blocks: number;
  lines: number;
  problems: SnapshotProblem[];
  problemCount: number;
  unmatchedSanctions: number;
};

export type TargetBlock = {
  snapshotId: string;
  blockNo: number;
  targets: SanctionsTarget[];
};
