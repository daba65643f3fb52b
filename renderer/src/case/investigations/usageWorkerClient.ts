import * as Comlink from 'comlink';
import type { Investigation } from '#shared/investigation';
import { databaseIdOf, investigationDbName } from '../../db/schema';
import type { UsageWorkerApi } from '../../workers/usageWorker';

/** A measuring under way: each investigation's bytes, in order (null if cancelled), and its stop. */
export type UsageRun = { sizes: Promise<number[] | null>; cancel: () => void };

/** The databases an investigation's data is in: sealed at rest, and (locked) under a passphrase. */
const databasesOf = (investigation: Investigation): string[] => [
  investigationDbName(databaseIdOf(investigation), false),
  investigationDbName(databaseIdOf(investigation), true),
];

/**
 * Measures the space each investigation's databases take, in a worker of its own (ended when done
 * or cancelled); `onProgress` hears which investigation is being read and how many records so far.
 */
export function measureInvestigations(
  investigations: readonly Investigation[],
  onProgress: (index: number, records: number) => void,
): UsageRun {
  const worker = new Worker(new URL('../../workers/usageWorker.ts', import.meta.url), {
    type: 'module',
    name: 'usage',
  });
  let cancelled!: (value: null) => void;
  const stopped = new Promise<null>((resolve) => (cancelled = resolve));
  const api = Comlink.wrap<UsageWorkerApi>(worker);
  const sizes = Promise.race([
    api.measure(investigations.map(databasesOf), Comlink.proxy(onProgress)),
    stopped,
  ]).finally(() => worker.terminate());
  return { sizes, cancel: () => cancelled(null) };
}
