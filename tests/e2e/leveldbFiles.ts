import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uncompress } from 'snappyjs';

/**
 * The bytes Chromium keeps for an origin's IndexedDB, readable to a search: LevelDB's tables have
 * their Snappy-compressed blocks expanded (compression would hide a string from a plain byte
 * search), its write-ahead logs have their record framing removed, blob files are read as they are.
 * Formats: github.com/google/leveldb/blob/main/doc/table_format.md and log_format.md.
 */
export function indexedDbContents(profile: string): Buffer[] {
  return filesUnder(join(profile, 'Default', 'IndexedDB')).map((path) => {
    const bytes = readFileSync(path);
    if (path.endsWith('.ldb')) return tableContents(bytes);
    if (path.endsWith('.log') && /\.leveldb$/.test(join(path, '..'))) return logContents(bytes);
    return bytes;
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

class Reader {
  constructor(
    readonly bytes: Buffer,
    public at = 0,
  ) {}
  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
}

/** A block's contents, expanded when compressed (its trailer's first byte says how). */
function block(file: Buffer, offset: number, size: number): Buffer {
  const contents = file.subarray(offset, offset + size);
  const type = file[offset + size];
  if (type === 0) return contents;
  if (type === 1) return Buffer.from(uncompress(contents));
  throw new Error(`LevelDB block compressed with type ${type}, which this reader does not know`);
}

/** Every data block of a table file, expanded, one after another. */
function tableContents(file: Buffer): Buffer {
  const footer = new Reader(file, file.length - 48);
  footer.varint(); // the metaindex block
  footer.varint();
  const index = block(file, footer.varint(), footer.varint());
  const restarts = index.readUInt32LE(index.length - 4);
  const end = index.length - 4 - 4 * restarts;
  const entries = new Reader(index);
  const parts: Buffer[] = [];
  while (entries.at < end) {
    entries.varint(); // shared key bytes
    const unshared = entries.varint();
    const valueLength = entries.varint();
    entries.at += unshared;
    const handle = new Reader(index.subarray(entries.at, entries.at + valueLength));
    entries.at += valueLength;
    parts.push(block(file, handle.varint(), handle.varint()));
  }
  return Buffer.concat(parts);
}

/** A log's records joined: each 32 KiB block holds records with 7-byte headers. */
function logContents(file: Buffer): Buffer {
  const BLOCK = 32 * 1024;
  const parts: Buffer[] = [];
  for (let blockStart = 0; blockStart < file.length; blockStart += BLOCK) {
    let at = blockStart;
    const blockEnd = Math.min(blockStart + BLOCK, file.length);
    while (at + 7 <= blockEnd) {
      const length = file.readUInt16LE(at + 4);
      const type = file[at + 6];
      if (type === 0 && length === 0) break; // zero padding to the block's end
      parts.push(file.subarray(at + 7, at + 7 + length));
      at += 7 + length;
    }
  }
  return Buffer.concat(parts);
}
