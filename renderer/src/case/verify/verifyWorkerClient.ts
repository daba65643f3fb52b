import * as Comlink from 'comlink';
import { inOwnWorker, type OwnWorkerRun } from '../../lib/ownWorker';
import type { VerifyOutcome, VerifyWorkerApi } from '../../workers/verifyWorker';

export type { VerifyOutcome } from '../../workers/verifyWorker';

/** A verification under way: its outcome, and how to stop it (the worker is ended). */
export type VerifyRun = OwnWorkerRun<VerifyOutcome>;

/** Verifies a package and its original files in a worker of its own, ended when done. */
export function verifyInWorker(zip: File, originals: readonly File[]): VerifyRun {
  const worker = new Worker(new URL('../../workers/verifyWorker.ts', import.meta.url), {
    type: 'module',
    name: 'verify',
  });
  return inOwnWorker<VerifyWorkerApi, VerifyOutcome>(worker, async (api) => {
    const bytes = new Uint8Array(await zip.arrayBuffer());
    const files = await Promise.all(
      originals.map(async (file) => ({
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      })),
    );
    return api.verify(
      Comlink.transfer(bytes, [bytes.buffer]),
      Comlink.transfer(
        files,
        files.map((file) => file.bytes.buffer),
      ),
    );
  });
}
