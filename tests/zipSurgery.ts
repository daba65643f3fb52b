/**
 * Zip surgery for the hostile-archive tests (unit and end-to-end): an archive's table of contents
 * rewritten by hand, as an attacker would, to give entries other names, sizes or places.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';

/** One entry of a zip's table of contents, as the tests rewrite it. */
export type CentralRecord = {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
  header: Uint8Array;
};

/** A zip with its table of contents rewritten by `edit`; the entries' bytes stay as they are. */
export function rewriteDirectory(
  zip: Uint8Array,
  edit: (records: CentralRecord[]) => CentralRecord[],
): Uint8Array<ArrayBuffer> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const start = view.getUint32(end + 16, true);
  const records: CentralRecord[] = [];
  for (let at = start; at < end;) {
    const nameLength = view.getUint16(at + 28, true);
    const skip = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    records.push({
      name: strFromU8(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      header: zip.slice(at, at + 46),
    });
    at += skip;
  }
  const parts = edit(records).map((record) => {
    const name = strToU8(record.name);
    const out = new Uint8Array(46 + name.length);
    out.set(record.header);
    const fields = new DataView(out.buffer);
    fields.setUint16(10, record.method, true);
    fields.setUint32(20, record.compressed, true);
    fields.setUint32(24, record.size, true);
    fields.setUint16(28, name.length, true);
    fields.setUint16(30, 0, true);
    fields.setUint16(32, 0, true);
    fields.setUint32(42, record.offset, true);
    out.set(name, 46);
    return out;
  });
  const directorySize = parts.reduce((sum, part) => sum + part.length, 0);
  const eocd = zip.slice(end);
  const eocdView = new DataView(eocd.buffer);
  eocdView.setUint16(8, parts.length, true);
  eocdView.setUint16(10, parts.length, true);
  eocdView.setUint32(12, directorySize, true);
  const out = new Uint8Array(start + directorySize + 22);
  out.set(zip.subarray(0, start));
  let at = start;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  out.set(eocd, at);
  return out;
}

/**
 * A zip of `entries` plus one entry hidden inside another: the content of `files/000…` is a whole
 * zip entry (local header and data) named `hidden`, which the table of contents lists as well, at
 * that content's place. The two overlap; each local header agrees with its record.
 */
export function withEntryInside(
  entries: Record<string, Uint8Array>,
  hidden: string,
): Uint8Array<ArrayBuffer> {
  const holder = `files/${'0'.repeat(64)}`;
  const inner = zipSync({ [hidden]: strToU8('hidden') }, { level: 0 });
  let record: CentralRecord | undefined;
  rewriteDirectory(inner, (records) => ([record] = records));
  const content = inner.subarray(0, 30 + hidden.length + record!.compressed);
  const outer = zipSync({ ...entries, [holder]: content }, { level: 0 });
  return rewriteDirectory(outer, (records) => {
    const { offset } = records.find((candidate) => candidate.name === holder)!;
    return [...records, { ...record!, offset: offset + 30 + holder.length }];
  });
}
