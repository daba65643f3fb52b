import { strFromU8 } from 'fflate';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type ArchiveHeader,
  type ArchiveManifest,
} from '#shared/archive/archiveFormat';
import {
  archiveHeaderSchema,
  archiveManifestSchema,
  isArchiveEntryName,
  parseArchivePart,
  parseJson,
} from '#shared/archive/archiveSchema';
import { sha256Hex } from '../../lib/bytes';
import { passphraseKey } from '../../lib/passphraseKey';
import { decryptEntry, PassphraseNeeded, verifyPassphrase } from './archiveCrypto';
import { fromBase64 } from './base64';
import { stopIfCancelled, type ArchiveProgress } from './writeArchive';

export type OpenedArchive = {
  header: ArchiveHeader;
  manifest: ArchiveManifest;
  /** Every entry's verified content, by name. */
  entries: Map<string, Uint8Array>;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
/** General-purpose flags: bit 0 encrypted (never written), bit 3 sizes in a data descriptor. */
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;

type DirectoryEntry = { name: string; offset: number; size: number; flags: number };

const truncated = () =>
  new ArchiveError('This archive ends early: it was cut short (truncated) or is incomplete.');
const damaged = (what: string) => new ArchiveError(`This archive is damaged: ${what}.`);

/**
 * The zip's central directory (at its end, found from the end record): every entry's name, where its
 * local header is and its size. It is checked before anything is read: the end record must close
 * the file and the directory end where it begins; each entry is stored (not compressed), with equal
 * sizes, a name of the format's own grammar and listed once; and the sizes together fit in the
 * file. An archive cut short has no end record.
 */
async function centralDirectory(
  file: Blob,
): Promise<{ entries: DirectoryEntry[]; directoryStart: number }> {
  if (file.size < EOCD_BYTES) throw truncated();
  const end = new DataView(await file.slice(file.size - EOCD_BYTES).arrayBuffer());
  if (end.getUint32(0, true) !== EOCD_SIGNATURE) throw truncated();
  const count = end.getUint16(10, true);
  const size = end.getUint32(12, true);
  const offset = end.getUint32(16, true);
  if (
    end.getUint16(4, true) !== 0 ||
    end.getUint16(6, true) !== 0 ||
    end.getUint16(8, true) !== count
  )
    throw damaged('it claims to span several disks');
  if (offset + size > file.size - EOCD_BYTES) throw truncated();
  if (offset + size !== file.size - EOCD_BYTES)
    throw damaged('its table of contents does not end where the file’s end record begins');
  const directory = new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
  const view = new DataView(directory.buffer);
  const entries: DirectoryEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_BYTES > directory.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw damaged('its table of contents cannot be read');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + CENTRAL_BYTES + nameLength > directory.length)
      throw damaged('its table of contents cannot be read');
    const name = strFromU8(directory.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength));
    const entry = {
      name,
      flags: view.getUint16(at + 8, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    if (!isArchiveEntryName(name))
      throw damaged(`it holds an entry named “${name.slice(0, 80)}”, which Waybill never writes`);
    if (names.has(name)) throw damaged(`it holds the entry “${name}” twice`);
    if (view.getUint16(at + 10, true) !== 0)
      throw damaged(`“${name}” is compressed, which Waybill never does`);
    if (view.getUint32(at + 20, true) !== entry.size)
      throw damaged(`its table of contents gives “${name}” two different sizes`);
    if (entry.flags & FLAG_ENCRYPTED) throw damaged(`“${name}” is zip-encrypted`);
    total += entry.size;
    if (total > offset || entry.offset >= offset)
      throw damaged('its entries are larger than the file that holds them');
    names.add(name);
    entries.push(entry);
    at += CENTRAL_BYTES + nameLength + extra + comment;
  }
  if (at !== directory.length) throw damaged('its table of contents holds more than its entries');
  return { entries, directoryStart: offset };
}

const WINDOW = 64 * 1024 * 1024;

/**
 * Reads every entry by the central directory, each local header checked against it, and no entry
 * overlapping the one before (a zip whose entries share bytes makes a small file read as a huge
 * one). The file is read in windows of 64 MB in entry order, and entries are cut from them:
 * hundreds of small reads of a large Blob cost far more than a few large ones. (Reading the zip as
 * a stream instead means searching every byte for the end of each entry: ten times slower again.)
 */
async function readEntries(file: Blob): Promise<Map<string, Uint8Array>> {
  const { entries: listed, directoryStart } = await centralDirectory(file);
  const directory = listed.sort((a, b) => a.offset - b.offset);
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
  const uint32At = async (at: number) => {
    const bytes = await bytesAt(at, at + 4);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  };
  let previousEnd = 0;
  for (const entry of directory) {
    if (entry.offset < previousEnd) throw damaged(`the entry “${entry.name}” overlaps another`);
    const header = await bytesAt(entry.offset, entry.offset + LOCAL_BYTES);
    const local = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (local.getUint32(0, true) !== LOCAL_SIGNATURE)
      throw damaged(`the entry “${entry.name}” is not where its table of contents says`);
    const flags = local.getUint16(6, true);
    const nameLength = local.getUint16(26, true);
    const extra = local.getUint16(28, true);
    const nameStart = entry.offset + LOCAL_BYTES;
    const name = strFromU8(await bytesAt(nameStart, nameStart + nameLength));
    if (name !== entry.name) throw damaged(`the entry “${entry.name}” has a different name inside`);
    const sizes =
      flags & FLAG_DESCRIPTOR ? [] : [local.getUint32(18, true), local.getUint32(22, true)];
    if (local.getUint16(8, true) !== 0 || sizes.some((value) => value !== entry.size))
      throw damaged(`the entry “${name}” says otherwise inside than its table of contents`);
    const start = nameStart + nameLength + extra;
    let dataEnd = start + entry.size;
    if (flags & FLAG_DESCRIPTOR) {
      // The sizes follow the data: 12 bytes, or 16 with the descriptor's own signature.
      const signed = (await uint32At(dataEnd)) === DESCRIPTOR_SIGNATURE ? 4 : 0;
      const [compressed, plain] = [
        await uint32At(dataEnd + signed + 4),
        await uint32At(dataEnd + signed + 8),
      ];
      if (compressed !== entry.size || plain !== entry.size)
        throw damaged(`the entry “${name}” says otherwise inside than its table of contents`);
      dataEnd += signed + 12;
    }
    if (dataEnd > directoryStart)
      throw damaged(`the entry “${name}” runs into the table of contents`);
    previousEnd = dataEnd;
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
  const stop = stopIfCancelled(cancelled);
  const raw = await readEntries(file);
  const header = parseHeader(raw);
  let open = (_name: string, bytes: Uint8Array) => Promise.resolve(bytes);
  if (header.encrypted && header.kdf) {
    if (!passphrase) throw new PassphraseNeeded(false);
    const { salt, check, ...params } = header.kdf;
    const key = await passphraseKey(passphrase, fromBase64(salt), params, stop);
    await verifyPassphrase(key, fromBase64(check));
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
    stop();
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
