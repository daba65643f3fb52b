import * as Comlink from 'comlink';

/** Work under way in a worker of its own: its outcome (null once cancelled), and how to cancel it. */
export type OwnWorkerRun<T> = { outcome: Promise<T | null>; cancel: () => void };

/**
 * Runs `work` against a worker started for it alone, and ends the worker when the work is done,
 * fails or is cancelled: cancelling answers null at once and stops the work mid-way, however far
 * it got. (The worker is created by the caller: its `new Worker(new URL(…))` is how the bundler
 * finds it.)
 */
export function inOwnWorker<Api, T>(
  worker: Worker,
  work: (api: Comlink.Remote<Api>) => Promise<T>,
): OwnWorkerRun<T> {
  let cancelled!: (value: null) => void;
  const stopped = new Promise<null>((resolve) => (cancelled = resolve));
  const outcome = Promise.race([work(Comlink.wrap<Api>(worker)), stopped]).finally(() =>
    worker.terminate(),
  );
  return { outcome, cancel: () => cancelled(null) };
}
