/**
 * Imports a sanctions snapshot file into the reference database, streaming: targets are written in
 * blocks as the file is read (a block per TARGETS_PER_BLOCK targets), then the blocks that a later
 * line changed (a Sanction read after its target, a target no sanction
 * names after all) are written again. The snapshot's row says `importing` until the end; a refusal,
 * a failure or Cancel removes it and every block written, so nothing of it stays, and what an import
 * cut short by a closed tab left is removed before the next one.
 */
import { completeTargets, type SanctionsTarget } from '#shared/sanctions/ftm';
import { readSnapshot, SnapshotRefused } from '#shared/sanctions/readSnapshot';
import { TARGETS_PER_BLOCK, type SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { parsePartialDate } from '#shared/sanctions/partialDate';
import { exclusiveAcrossTabs, ifNoTabWorksOn } from '../../db/crossTabWork';
import { deleteSnapshot, type ReferenceDb } from '../../db/referenceDb';
import { blobChunks } from '../../lib/bytes';

export type SnapshotImportProgress = { bytesRead: number; targets: number };

export type SnapshotChoices = {
  /** Who publishes it, as the user names it. */
  source: string;
  /** The snapshot's date where the file's `last_seen` should not decide it. */
  date: string | null;
};

/** Blocks waiting for their write, at most: reading goes on while one is written. */
const BLOCKS_IN_FLIGHT = 2;

/** The lock an import holds while it runs, so that no tab takes it for abandoned. */
const importLock = (snapshotId: string) => `snapshot-${snapshotId}`;

/** Removes what imports cut short (a closed tab, a crash) left: rows still `importing`, no one at work on them. */
async function removeAbandonedImports(db: ReferenceDb): Promise<void> {
  const importing = (await db.snapshots.toArray()).filter((row) => row.status === 'importing');
  for (const row of importing)
    await ifNoTabWorksOn(importLock(row.id), () => deleteSnapshot(db, row.id));
}

export async function importSnapshot(
  db: ReferenceDb,
  file: Blob,
  fileName: string,
  choices: SnapshotChoices,
  options: { onProgress?: (progress: SnapshotImportProgress) => void; signal?: AbortSignal } = {},
): Promise<SanctionsSnapshot> {
  await removeAbandonedImports(db);
  if (choices.date !== null && parsePartialDate(choices.date) !== choices.date)
    throw new SnapshotRefused(
      `“${choices.date}” is not a date: give the snapshot’s date as YYYY-MM-DD.`,
    );
  const id = crypto.randomUUID();
  return exclusiveAcrossTabs(importLock(id), () =>
    writeSnapshot(db, id, file, fileName, choices, options),
  );
}

async function writeSnapshot(
  db: ReferenceDb,
  id: string,
  file: Blob,
  fileName: string,
  choices: SnapshotChoices,
  options: { onProgress?: (progress: SnapshotImportProgress) => void; signal?: AbortSignal },
): Promise<SanctionsSnapshot> {
  const blockOf = new Map<string, number>();
  let current: SanctionsTarget[] = [];
  let blocks = 0;
  let targets = 0;
  let designations = 0;
  let writes: Promise<unknown>[] = [];
  const flush = async () => {
    if (current.length === 0) return;
    const block = { snapshotId: id, blockNo: blocks, targets: current };
    current = [];
    blocks += 1;
    writes.push(db.targetBlocks.put(block));
    if (writes.length >= BLOCKS_IN_FLIGHT) {
      await Promise.all(writes);
      writes = [];
    }
  };

  const started: SanctionsSnapshot = {
    id,
    status: 'importing',
    fileName,
    source: choices.source.trim(),
    sha256: '',
    bytes: file.size,
    date: choices.date ?? '',
    dateFrom: choices.date ? 'given' : 'last_seen',
    importedAt: Date.now(),
    targets: 0,
    designations: 0,
    blocks: 0,
    lines: 0,
    problems: [],
    problemCount: 0,
    unmatchedSanctions: 0,
  };
  await db.snapshots.add(started);
  try {
    const read = await readSnapshot(blobChunks(file), fileName, {
      cancelled: () => options.signal?.aborted ?? false,
      onProgress: (bytesRead) => options.onProgress?.({ bytesRead, targets }),
      onTarget: async (target) => {
        blockOf.set(target.id, blocks);
        current.push(target);
        targets += 1;
        designations += target.designations.length;
        if (current.length >= TARGETS_PER_BLOCK) await flush();
      },
    });
    await flush();
    await Promise.all(writes);
    const twin = await db.snapshots
      .where('importedAt')
      .above(0)
      .filter((other) => other.sha256 === read.sha256 && other.status === 'ready')
      .first();
    if (twin)
      throw new SnapshotRefused(
        `${fileName} is already imported: it is the snapshot ${twin.fileName} of ${twin.date}.`,
      );
    const date = choices.date ?? read.lastSeen;
    if (!date)
      throw new SnapshotRefused(
        `${fileName} gives no date (no entity has a last_seen): give the snapshot’s date.`,
      );
    // Blocks a later line changed, written again.
    const changed = new Set<number>();
    for (const targetId of [...read.late.keys(), ...read.dropped])
      changed.add(blockOf.get(targetId)!);
    for (const blockNo of changed) {
      if (options.signal?.aborted) throw new SnapshotRefused('The snapshot import was cancelled.');
      const block = (await db.targetBlocks.get([id, blockNo]))!;
      await db.targetBlocks.put({ ...block, targets: completeTargets(block.targets, read) });
    }
    for (const list of read.late.values()) designations += list.length;
    const snapshot: SanctionsSnapshot = {
      ...started,
      status: 'ready',
      sha256: read.sha256,
      bytes: read.bytes,
      date,
      // A target no sanction names after all is not listed: dropped from its block above.
      targets: targets - read.dropped.size,
      designations,
      blocks,
      lines: read.lines,
      problems: read.problems,
      problemCount: read.problemCount,
      unmatchedSanctions: read.unmatchedSanctions,
    };
    await db.snapshots.put(snapshot);
    return snapshot;
  } catch (error) {
    await Promise.allSettled(writes);
    await deleteSnapshot(db, id);
    throw error;
  }
}
