/**
 * Sanctions snapshots as the app keeps them, in the reference database (its own, shared by every
 * case; never inside one): a row per snapshot (its file's name, SHA-256, size and date), and its
 * targets in blocks of up to TARGETS_PER_BLOCK, as shipments are, each block with a name-key index
 * of its own (sorted keys, each with its target's place in the block), so a key is found by a
 * binary search in each block without reading every target. A Dexie row per target writes at
 * 7.6–17k rows/s here, a minute for half a million; blocks of 2,000 write in seconds.
 */
import { partyKey } from '../customs/partyKey';
import type { SanctionsTarget, SnapshotProblem } from './ftm';
import type { PartialDate } from './partialDate';

export const TARGETS_PER_BLOCK = 2_000;

export type SanctionsSnapshot = {
  id: string;
  /** `importing` until every block is written: never shown, removed if the import stops. */
  status: 'importing' | 'ready';
  fileName: string;
  /** Who publishes it, as the user names it (OpenSanctions, a national list…). */
  source: string;
  sha256: string;
  bytes: number;
  /** The snapshot's date: its latest `last_seen`, or the date the user gave. */
  date: PartialDate;
  dateFrom: 'last_seen' | 'given';
  importedAt: number;
  targets: number;
  designations: number;
  blocks: number;
  lines: number;
  problems: SnapshotProblem[];
  problemCount: number;
  unmatchedSanctions: number;
};

export type TargetBlock = {
  snapshotId: string;
  blockNo: number;
  targets: SanctionsTarget[];
  /** Name keys (names, aliases, previous names) sorted, and the place of each one's target. */
  keys: string[];
  keyTargets: Uint16Array;
};

/** The keys a target is found by: its names', aliases' and previous names' party keys. */
export const targetKeys = (target: SanctionsTarget): string[] => [
  ...new Set(
    [...target.names, ...target.aliases, ...target.previousNames]
      .map(partyKey)
      .filter((key) => key !== ''),
  ),
];

/** A block of targets with its name-key index. */
export function targetBlock(
  snapshotId: string,
  blockNo: number,
  targets: SanctionsTarget[],
): TargetBlock {
  const pairs = targets.flatMap((target, place) =>
    targetKeys(target).map((key) => [key, place] as const),
  );
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return {
    snapshotId,
    blockNo,
    targets,
    keys: pairs.map(([key]) => key),
    keyTargets: Uint16Array.from(pairs, ([, place]) => place),
  };
}

/** The block's targets a name key finds (binary search in its index). */
export function targetsByKey(block: TargetBlock, key: string): SanctionsTarget[] {
  let low = 0;
  let high = block.keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (block.keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  const found: SanctionsTarget[] = [];
  for (let at = low; at < block.keys.length && block.keys[at] === key; at += 1)
    found.push(block.targets[block.keyTargets[at]]);
  return found;
}
