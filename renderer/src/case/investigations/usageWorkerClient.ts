import * as Comlink from 'comlink';
import type { Investigation } from '#shared/investigation';
import { databaseIdOf, investigationDbName } from '../../db/schema';
import { inOwnWorker, type OwnWorkerRun } from '../../lib/ownWorker';
import type { UsageWorkerApi } from '../../workers/usageWorker';

/** A measuring under way: each investigation's bytes, in order (null if cancelled), and its stop. */
export type UsageRun = OwnWorkerRun<number[]>;

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
  return inOwnWorker<UsageWorkerApi, number[]>(worker, (api) =>
    api.measure(investigations.map(databasesOf), Comlink.proxy(onProgress)),
  );
}
