/**
 * The investigation archive (`.waybill`): a zip holding `archive.json` (always in the clear: the
 * format and, when a passphrase protects it, how the key is derived), every table as JSON lines,
 * shipment blocks and their raw cells as binary entries (cells as JSON before schema 16), every stored file's original bytes, and
 * last `manifest.json` with the SHA-256 of every entry's content. With a passphrase, every entry but
 * `archive.json` is encrypted, the manifest included.
 */
import type { KdfParams } from '../crypto/kdf';
import type { Investigation } from '../investigation';

export const ARCHIVE_FORMAT = 'waybill-archive';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_EXTENSION = 'waybill';
export const HEADER_ENTRY = 'archive.json';
export const MANIFEST_ENTRY = 'manifest.json';

export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  encrypted: boolean;
  /**
   * How the key is derived (Argon2id since December 2026, PBKDF2 before; salt in base64), and a
   * value sealed with it (base64) to tell a wrong passphrase.
   */
  kdf: (KdfParams & { salt: string; check: string }) | null;
};

export type ArchiveEntry = { name: string; bytes: number; sha256: string };

export type ArchiveManifest = {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  /** The investigation database's schema version when it was written. */
  schemaVersion: number;
  createdAt: string;
  investigation: Pick<
    Investigation,
    'id' | 'name' | 'createdAt' | 'updatedAt' | 'synthetic' | 'notice'
  >;
  /** Rows per table. */
  tables: Record<string, number>;
  entries: ArchiveEntry[];
};

/** Where each kind of record goes in the archive. */
export const entryNames = {
  table: (table: string) => `tables/${table}.jsonl`,
  block: (datasetId: string, blockNo: number) => `blocks/${datasetId}/${blockNo}.bin`,
  cells: (datasetId: string, blockNo: number) => `cells/${datasetId}/${blockNo}.bin`,
  file: (sha256: string) => `files/${sha256}`,
};

/** Tables stored as entries of their own rather than as JSON lines. */
export const SEPARATE_TABLES = ['shipmentBlocks', 'shipmentCells', 'files'] as const;

/** Tables an archive leaves out: a stored file's parts, whose bytes are its entry `files/<sha256>`. */
export const UNARCHIVED_TABLES: readonly string[] = ['fileParts'];

export class ArchiveError extends Error {}
