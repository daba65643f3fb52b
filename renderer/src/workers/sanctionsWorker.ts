/// <reference lib="webworker" />
/**
 * The sanctions worker: imports snapshot files into the reference database off the UI thread. The
 * page talks to it through Comlink (see case/sanctions/snapshots.ts).
 */
import * as Comlink from 'comlink';
import type { SanctionsTarget } from '#shared/sanctions/ftm';
import { SnapshotRefused } from '#shared/sanctions/readSnapshot';
import type { ScreenedCandidate } from '#shared/sanctions/caseScreening';
import { ScreeningIndex, type ScreenedParty } from '#shared/sanctions/screening';
import { ReferenceDb } from '../db/referenceDb';
import {
  importSnapshot,
  type SnapshotChoices,
  type SnapshotImportProgress,
} from './sanctions/importSnapshot';
import { messageOf } from '../lib/errorMessage';

const db = new ReferenceDb();
let running: AbortController | null = null;
type Screening = {
  index: ScreeningIndex;
  byId: Map<string, SanctionsTarget>;
};
/** The snapshot last screened against, indexed (or being indexed: asked twice, read once). */
let screening: { snapshotId: string; ready: Promise<Screening> } | null = null;

function screeningOf(snapshotId: string): Promise<Screening> {
  if (screening?.snapshotId !== snapshotId) {
    const ready = (async () => {
      const targets: SanctionsTarget[] = [];
      await db.targetBlocks
        .where('snapshotId')
        .equals(snapshotId)
        .each((block) => void targets.push(...block.targets));
      return {
        index: new ScreeningIndex(targets),
        byId: new Map(targets.map((target) => [target.id, target])),
      };
    })();
    screening = { snapshotId, ready };
    // A failure is the caller's to report; the next call tries again.
    ready.catch(() => {
      if (screening?.ready === ready) screening = null;
    });
  }
  return screening.ready;
}

const api = {
  async import(
    file: Blob,
    fileName: string,
    choices: SnapshotChoices,
    onProgress: (progress: SnapshotImportProgress) => void,
  ) {
    running = new AbortController();
    try {
      const snapshot = await importSnapshot(db, file, fileName, choices, {
        onProgress,
        signal: running.signal,
      });
      return { ok: true as const, value: snapshot };
    } catch (error) {
      if (running.signal.aborted)
        return {
          ok: false as const,
          cancelled: true,
          message: 'Import cancelled: nothing was kept.',
        };
      // A refusal is already one sentence; anything else is said plainly, with its cause.
      const message =
        error instanceof SnapshotRefused
          ? error.message
          : `${fileName} could not be imported: ${messageOf(error)}. Nothing was kept.`;
      return { ok: false as const, cancelled: false, message };
    } finally {
      running = null;
    }
  },

  cancel() {
    running?.abort();
  },

  /**
   * Screens parties against a snapshot: each party's candidates, best first, with the targets they
   * name. The snapshot's targets are read and indexed once, then kept while it is the one asked for.
   */
  async screen(
    snapshotId: string,
    parties: readonly ScreenedParty[],
  ): Promise<ScreenedCandidate[][]> {
    const { index, byId } = await screeningOf(snapshotId);
    return parties.map((party) =>
      index
        .screen(party)
        .map((candidate) => ({ ...candidate, target: byId.get(candidate.targetId)! })),
    );
  },

  /** Targets of a snapshot by id (those it lists; an id it does not list is left out). */
  async targets(snapshotId: string, ids: readonly string[]): Promise<SanctionsTarget[]> {
    const wanted = new Set(ids);
    if (screening?.snapshotId === snapshotId) {
      const { byId } = await screening.ready;
      return ids.flatMap((id) => byId.get(id) ?? []);
    }
    const found: SanctionsTarget[] = [];
    await db.targetBlocks
      .where('snapshotId')
      .equals(snapshotId)
      .each((block) => void found.push(...block.targets.filter((target) => wanted.has(target.id))));
    return found;
  },
};

export type SanctionsWorkerApi = typeof api;

Comlink.expose(api);
