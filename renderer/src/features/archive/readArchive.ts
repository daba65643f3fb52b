import { strFromU8, Unzip, UnzipPassThrough } from 'fflate';
import {
  ARCHIVE_FORMAT,
  ArchiveError,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type ArchiveHeader,
  type ArchiveManifest,
} from '../../../../shared/archive/archiveFormat';
import { sha256Hex } from '../../../../shared/dossier/dossierPackage';
import { decryptEntry, deriveKey, PassphraseNeeded, verifyPassphrase } from './archiveCrypto';
import { fromBase64 } from './base64';
import type { ArchiveProgress } from './writeArchive';

export type OpenedArchive = {
  header: ArchiveHeader;
  manifest: ArchiveManifest;
  /** Every entry's verified content, by name. */
  entries: Map<string, Uint8Array>;
};

const concat = (chunks: Uint8Array[]): Uint8Array => {
  if (chunks.length === 1) return chunks[0] ?? new Uint8Array(0);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_BYTES = 22;

/**
 * The names in a zip's central directory (at its end, read from the end record). An archive cut
 * short has no end record; one whose directory disagrees with its entries was changed.
 */
async function centralDirectoryNames(file: Blob): Promise<string[]> {
  const truncated = () =>
    new ArchiveError('This archive ends early: it was cut short (truncated) or is incomplete.');
  if (file.size < EOCD_BYTES) throw truncated();
  const end = new DataView(await file.slice(file.size - EOCD_BYTES).arrayBuffer());
  if (end.getUint32(0, true) !== EOCD_SIGNATURE) throw truncated();
  const count = end.getUint16(10, true);
  const size = end.getUint32(12, true);
  const offset = end.getUint32(16, true);
  if (offset + size > file.size - EOCD_BYTES) throw truncated();
  const directory = new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
  const view = new DataView(directory.buffer);
  const names: string[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw new ArchiveError('This archive is damaged: its table of contents cannot be read.');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(strFromU8(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Reads a zip's entries as a stream; an archive cut short is told apart from a damaged one. */
async function unzipEntries(file: Blob): Promise<Map<string, Uint8Array>> {
  // The table of contents is at the end: a file cut short has none, and is told so first.
  const listed = await centralDirectoryNames(file);
  const entries = new Map<string, Uint8Array>();
  const open = new Set<string>();
  const state: { failure: Error | null } = { failure: null };
  const unzip = new Unzip((entry) => {
    if (entry.compression !== 0) {
      state.failure = new ArchiveError(
        `“${entry.name}” is compressed in a way Waybill never writes.`,
      );
      return;
    }
    const chunks: Uint8Array[] = [];
    open.add(entry.name);
    entry.ondata = (error, chunk, final) => {
      if (error) state.failure = error;
      chunks.push(chunk);
      if (final) {
        entries.set(entry.name, concat(chunks));
        open.delete(entry.name);
      }
    };
    entry.start();
  });
  unzip.register(UnzipPassThrough);
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      unzip.push(value, false);
      if (state.failure) throw state.failure;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('This is not a Waybill archive, or it is damaged beyond reading.');
  }
  if (state.failure) throw new ArchiveError('This archive is damaged: an entry cannot be read.');
  if (open.size > 0 || !entries.has(MANIFEST_ENTRY))
    throw new ArchiveError(
      'This archive ends early: it was cut short (truncated) or is incomplete.',
    );
  if (listed.length !== entries.size || listed.some((name) => !entries.has(name)))
    throw new ArchiveError(
      'This archive is damaged: its table of contents does not match its entries.',
    );
  return entries;
}

/** The archive's clear header: whether it needs a passphrase. */
export async function archiveHeader(file: Blob): Promise<ArchiveHeader> {
  const entries = await unzipEntries(file);
  return parseHeader(entries);
}

function parseHeader(entries: Map<string, Uint8Array>): ArchiveHeader {
  const bytes = entries.get(HEADER_ENTRY);
  if (!bytes) throw new ArchiveError('This is not a Waybill archive: it has no archive.json.');
  const header = JSON.parse(strFromU8(bytes)) as ArchiveHeader;
  if (header.format !== ARCHIVE_FORMAT) throw new ArchiveError('This is not a Waybill archive.');
  if (header.version > 1)
    throw new ArchiveError('This archive was written by a newer Waybill: update the app first.');
  return header;
}

/**
 * Opens an archive and verifies every entry against the manifest before anything is stored: an
 * entry missing, added, changed or undecryptable refuses the whole archive, naming what failed.
 */
export async function openArchive(
  file: Blob,
  passphrase: string | null,
  onProgress?: ArchiveProgress,
): Promise<OpenedArchive> {
  const raw = await unzipEntries(file);
  const header = parseHeader(raw);
  let open = (_name: string, bytes: Uint8Array) => Promise.resolve(bytes);
  if (header.encrypted && header.kdf) {
    if (!passphrase) throw new PassphraseNeeded(false);
    const key = await deriveKey(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
    await verifyPassphrase(key, fromBase64(header.kdf.check));
    open = (name, bytes) => decryptEntry(key, name, bytes);
  }
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(
      strFromU8(await open(MANIFEST_ENTRY, raw.get(MANIFEST_ENTRY) ?? new Uint8Array())),
    ) as ArchiveManifest;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('The archive’s manifest cannot be read: the archive is damaged.');
  }
  const listed = new Set(manifest.entries.map((entry) => entry.name));
  for (const name of raw.keys()) {
    if (name !== HEADER_ENTRY && name !== MANIFEST_ENTRY && !listed.has(name))
      throw new ArchiveError(
        `“${name}” is in the archive but not in its manifest: it was changed.`,
      );
  }
  const entries = new Map<string, Uint8Array>();
  let done = 0;
  for (const entry of manifest.entries) {
    const sealed = raw.get(entry.name);
    if (!sealed) throw new ArchiveError(`“${entry.name}” is missing from the archive.`);
    const plain = await open(entry.name, sealed);
    if (plain.length !== entry.bytes || sha256Hex(plain) !== entry.sha256)
      throw new ArchiveError(
        `“${entry.name}” does not match its SHA-256 in the manifest: the archive was changed or damaged.`,
      );
    entries.set(entry.name, plain);
    raw.delete(entry.name);
    done += 1;
    onProgress?.(done, manifest.entries.length);
  }
  return { header, manifest, entries };
}
