import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { uncompress } from 'snappyjs';

/**
 * Every file of a Chromium profile, readable to a search: the tables of its LevelDB databases
 * (IndexedDB, Local and Session Storage, and the others) have their Snappy-compressed blocks
 * expanded (compression would hide a string from a plain byte search), their write-ahead logs
 * have their record framing removed; every other file (SQLite databases such as History and Web
 * Data, session files, blobs, the private file system's files) is read as it is.
 * Formats: github.com/google/leveldb/blob/main/doc/table_format.md and log_format.md.
 */
export function profileContents(profile: string): { path: string; bytes: Buffer }[] {
  return filesUnder(profile).flatMap((path) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return []; // removed while the browser runs
    }
    const leveldb = existsSync(join(dirname(path), 'CURRENT'));
    const name = relative(profile, path);
    const decode =
      leveldb && path.endsWith('.ldb')
        ? tableContents
        : leveldb && path.endsWith('.log')
          ? logContents
          : null;
    try {
      return [{ path: name, bytes: decode ? decode(bytes) : bytes }];
    } catch {
      // A table being written while the browser runs: searched as it is, and again later.
      return [{ path: name, bytes }];
    }
  });
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return [];
    }
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
