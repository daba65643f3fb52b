import { strFromU8 } from 'fflate';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type ArchiveHeader,
  type ArchiveManifest,
} from '../../../../shared/archive/archiveFormat';
import {
  archiveHeaderSchema,
  archiveManifestSchema,
  parseArchivePart,
} from '../../../../shared/archive/archiveSchema';
import { sha256Hex } from '../../lib/bytes';
import { decryptEntry, deriveKey, PassphraseNeeded, verifyPassphrase } from './archiveCrypto';
import { fromBase64 } from './base64';
import { ArchiveCancelled, type ArchiveProgress } from './writeArchive';

export type OpenedArchive = {
  header: ArchiveHeader;
  manifest: ArchiveManifest;
  /** Every entry's verified content, by name. */
  entries: Map<string, Uint8Array>;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;

type DirectoryEntry = { name: string; offset: number; size: number; compression: number };

const truncated = () =>
  new ArchiveError('This archive ends early: it was cut short (truncated) or is incomplete.');
const damaged = (what: string) => new ArchiveError(`This archive is damaged: ${what}.`);

/**
 * The zip's central directory (at its end, found from the end record): every entry's name, where its
 * local header is and its size. An archive cut short has no end record.
 */
async function centralDirectory(file: Blob): Promise<DirectoryEntry[]> {
  if (file.size < EOCD_BYTES) throw truncated();
  const end = new DataView(await file.slice(file.size - EOCD_BYTES).arrayBuffer());
  if (end.getUint32(0, true) !== EOCD_SIGNATURE) throw truncated();
  const count = end.getUint16(10, true);
  const size = end.getUint32(12, true);
  const offset = end.getUint32(16, true);
  if (offset + size > file.size - EOCD_BYTES) throw truncated();
  const directory = new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
  const view = new DataView(directory.buffer);
  const entries: DirectoryEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw damaged('its table of contents cannot be read');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({
      name: strFromU8(directory.subarray(at + 46, at + 46 + nameLength)),
      compression: view.getUint16(at + 10, true),
      size: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const WINDOW = 64 * 1024 * 1024;

/**
 * Reads every entry by the central directory, each local header checked against it. The file is
 * read in windows of 64 MB in entry order, and entries are cut from them: hundreds of small reads
 * of a large Blob cost far more than a few large ones. (Reading the zip as a stream instead means
 * searching every byte for the end of each entry: ten times slower again.)
 */
async function readEntries(file: Blob): Promise<Map<string, Uint8Array>> {
  const directory = (await centralDirectory(file)).sort((a, b) => a.offset - b.offset);
  const entries = new Map<string, Uint8Array>();
  let window = new Uint8Array(0);
  let windowStart = 0;
  const bytesAt = async (from: number, to: number): Promise<Uint8Array> => {
    if (to > file.size) throw truncated();
    if (from < windowStart || to > windowStart + window.length) {
      windowStart = from;
      window = new Uint8Array(
        await file.slice(from, Math.min(file.size, Math.max(to, from + WINDOW))).arrayBuffer(),
      );
    }
    return window.subarray(from - windowStart, to - windowStart);
  };
  for (const entry of directory) {
    if (entry.compression !== 0)
      throw damaged(`“${entry.name}” is compressed in a way Waybill never writes`);
    const header = await bytesAt(entry.offset, entry.offset + 30);
    const local = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (local.getUint32(0, true) !== LOCAL_SIGNATURE)
      throw damaged(`the entry “${entry.name}” is not where its table of contents says`);
    const nameLength = local.getUint16(26, true);
    const extra = local.getUint16(28, true);
    const nameStart = entry.offset + 30;
    const name = strFromU8(await bytesAt(nameStart, nameStart + nameLength));
    if (name !== entry.name) throw damaged(`the entry “${entry.name}” has a different name inside`);
    if (entries.has(name)) throw damaged(`it holds the entry “${name}” twice`);
    const start = nameStart + nameLength + extra;
    // A copy: the entry must not keep the whole window alive.
    entries.set(name, (await bytesAt(start, start + entry.size)).slice());
  }
  if (!entries.has(MANIFEST_ENTRY)) throw truncated();
  return entries;
}

/** The archive's clear header: whether it needs a passphrase. */
export async function archiveHeader(file: Blob): Promise<ArchiveHeader> {
  const entries = await readEntries(file);
  return parseHeader(entries);
}

/** JSON of an entry, or one plain sentence naming the entry. */
export function parseJson(text: Uint8Array | string, entry: string): unknown {
  try {
    return JSON.parse(typeof text === 'string' ? text : strFromU8(text));
  } catch {
    throw new ArchiveError(`This archive’s ${entry} is not valid JSON: nothing was restored.`);
  }
}

function parseHeader(entries: Map<string, Uint8Array>): ArchiveHeader {
  const bytes = entries.get(HEADER_ENTRY);
  if (!bytes) throw new ArchiveError('This is not a Waybill archive: it has no archive.json.');
  const header = parseJson(bytes, HEADER_ENTRY) as Partial<ArchiveHeader> | null;
  if (header?.format !== ARCHIVE_FORMAT) throw new ArchiveError('This is not a Waybill archive.');
  if (typeof header.version === 'number' && header.version > ARCHIVE_VERSION)
    throw new ArchiveError('This archive was written by a newer Waybill: update the app first.');
  return parseArchivePart(archiveHeaderSchema, header, HEADER_ENTRY);
}

/**
 * Opens an archive and verifies every entry against the manifest before anything is stored: an
 * entry missing, added, changed or undecryptable refuses the whole archive, naming what failed.
 */
export async function openArchive(
  file: Blob,
  passphrase: string | null,
  onProgress?: ArchiveProgress,
  cancelled?: () => boolean,
): Promise<OpenedArchive> {
  const raw = await readEntries(file);
  const header = parseHeader(raw);
  let open = (_name: string, bytes: Uint8Array) => Promise.resolve(bytes);
  if (header.encrypted && header.kdf) {
    if (!passphrase) throw new PassphraseNeeded(false);
    const key = await deriveKey(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
    await verifyPassphrase(key, fromBase64(header.kdf.check));
    open = (name, bytes) => decryptEntry(key, name, bytes);
  }
  const manifest: ArchiveManifest = parseArchivePart(
    archiveManifestSchema,
    parseJson(
      await open(MANIFEST_ENTRY, raw.get(MANIFEST_ENTRY) ?? new Uint8Array()),
      MANIFEST_ENTRY,
    ),
    MANIFEST_ENTRY,
  );
  const listed = new Set(manifest.entries.map((entry) => entry.name));
  if (listed.size !== manifest.entries.length)
    throw new ArchiveError('This archive’s manifest lists an entry twice: nothing was restored.');
  for (const name of raw.keys()) {
    if (name !== HEADER_ENTRY && name !== MANIFEST_ENTRY && !listed.has(name))
      throw new ArchiveError(
        `“${name}” is in the archive but not in its manifest: it was changed.`,
      );
  }
  const entries = new Map<string, Uint8Array>();
  let done = 0;
  for (const entry of manifest.entries) {
    if (cancelled?.()) throw new ArchiveCancelled();
    const sealed = raw.get(entry.name);
    if (!sealed) throw new ArchiveError(`“${entry.name}” is missing from the archive.`);
    const plain = await open(entry.name, sealed);
    if (plain.length !== entry.bytes || (await sha256Hex(plain)) !== entry.sha256)
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
