/**
 * A sanctions snapshot file read as it streams: decoded, split into bounded lines, each line read
 * by the FtM reader, the whole file hashed (SHA-256) on the way. A file whose first megabyte holds
 * no FollowTheMoney entity is refused in one sentence; a malformed line further on is reported by
 * number and the rest is read.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { LineSplitter, SnapshotReader, type SanctionsTarget, type SnapshotProblem } from './ftm';
import type { PartialDate } from './partialDate';

/** The snapshot is refused as a whole: nothing of it is to be stored. */
export class SnapshotRefused extends Error {}

/** How far into a file an entity must have been seen. */
const FIRST_ENTITY_WITHIN = 1024 * 1024;

export type SnapshotRead = {
  fileName: string;
  sha256: string;
  bytes: number;
  lines: number;
  /** The latest `last_seen` in the file: the snapshot's date unless the user gives another. */
  lastSeen: PartialDate | null;
  targets: SanctionsTarget[];
  problems: SnapshotProblem[];
  problemCount: number;
  /** Sanctions naming an entity the file never gives. */
  unmatchedSanctions: number;
};

export async function readSnapshot(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  fileName: string,
  options: { onProgress?: (bytes: number) => void; cancelled?: () => boolean } = {},
): Promise<SnapshotRead> {
  const reader = new SnapshotReader();
  const splitter = new LineSplitter(
    (line, number) => reader.line(line, number),
    (number) => reader.tooLong(number),
  );
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const hash = sha256.create();
  let bytes = 0;
  const refuse = () =>
    new SnapshotRefused(
      `${fileName} is not a sanctions snapshot: its first megabyte holds no FollowTheMoney entity.`,
    );
  for await (const chunk of chunks) {
    if (options.cancelled?.()) throw new SnapshotRefused('The snapshot import was cancelled.');
    hash.update(chunk);
    bytes += chunk.length;
    splitter.push(decoder.decode(chunk, { stream: true }));
    if (bytes >= FIRST_ENTITY_WITHIN && reader.entities === 0) throw refuse();
    options.onProgress?.(bytes);
  }
  splitter.push(decoder.decode());
  splitter.end();
  if (reader.entities === 0) throw refuse();
  return {
    fileName,
    sha256: bytesToHex(hash.digest()),
    bytes,
    lines: reader.lines,
    lastSeen: reader.lastSeen,
    ...reader.finish(),
  };
}
