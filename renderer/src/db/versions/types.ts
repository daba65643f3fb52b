import type { Transaction } from 'dexie';

/**
 * One schema version of an investigation's database. Once on main it is never edited: a change is
 * a new version, in a file of its own, with an upgrade test that opens the version before it.
 */
export type SchemaVersion = {
  version: number;
  /** Dexie's store declarations of the tables this version adds or changes (null drops one). */
  stores: Record<string, string | null>;
  /** Rewrites the rows of earlier versions, inside Dexie's upgrade transaction. */
  upgrade?: (transaction: Transaction) => Promise<void>;
};
