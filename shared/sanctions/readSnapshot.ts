/**
 * A sanctions snapshot file read as it streams: decoded, split into bounded lines, each line read
 * by the FtM reader, the whole file hashed (SHA-256) on the way. A file whose first megabyte holds
 * no FollowTheMoney entity is refused in one sentence; a malformed line further on is reported by
 * number and the rest is read.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  completeTargets,
  LineSplitter,
  SnapshotReader,
  type SanctionsTarget,
  type SnapshotTail,
} from './ftm';
import type { PartialDate } from './partialDate';

/** The snapshot is refused as a whole: nothing of it is to be stored. */
export class SnapshotRefused extends Error {}

/** How far into a file an entity must have been seen. */
const FIRST_ENTITY_WITHIN = 1024 * 1024;

export type SnapshotRead = Omit<SnapshotTail, 'late' | 'dropped'> & {
  fileName: string;
  sha256: string;
  bytes: number;
  lines: number;
  /** The latest `last_seen` in the file: the snapshot's date unless the user gives another. */
  lastSeen: PartialDate | null;
};

/** Reads a snapshot, handing each target on as it is read (see SnapshotReader). */
export async function readSnapshot(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  fileName: string,
  options: {
    onTarget: (target: SanctionsTarget) => void | Promise<void>;
    onProgress?: (bytes: number) => void;
    cancelled?: () => boolean;
  },
): Promise<SnapshotRead & Pick<SnapshotTail, 'late' | 'dropped'>> {
  // Targets the reader hands on after a chunk are passed to the sink then, so it may write them.
  let batch: SanctionsTarget[] = [];
  const reader = new SnapshotReader((target) => batch.push(target));
  const splitter = new LineSplitter(
    (line, number) => reader.line(line, number),
    (number) => reader.tooLong(number),
  );
  const passOn = async () => {
    const targets = batch;
    batch = [];
    for (const target of targets) await options.onTarget(target);
  };
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
    reader.handOn();
    await passOn();
    options.onProgress?.(bytes);
  }
  splitter.push(decoder.decode());
  splitter.end();
  if (reader.entities === 0) throw refuse();
  const tail = reader.finish();
  await passOn();
  return {
    fileName,
    sha256: bytesToHex(hash.digest()),
    bytes,
    lines: reader.lines,
    lastSeen: reader.lastSeen,
    ...tail,
  };
}

/** A snapshot read whole into memory, its targets complete (the command line, tests). */
export async function readSnapshotTargets(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  fileName: string,
): Promise<SnapshotRead & { targets: SanctionsTarget[] }> {
  const held: SanctionsTarget[] = [];
  const { late, dropped, ...read } = await readSnapshot(chunks, fileName, {
    onTarget: (target) => void held.push(target),
  });
  return { ...read, targets: completeTargets(held, { late, dropped }) };
}
