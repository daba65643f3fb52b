/**
 * The sanctions benchmark (built only by `npm run bench`): a generated 500,000-target snapshot
 * imported by the real sanctions worker, beside its floor (every line read and JSON-parsed in a
 * worker, nothing kept); then 10,000 parties screened against it, beside one pass over its name keys.
 */
import * as Comlink from 'comlink';
import { partyKey } from '#shared/customs/partyKey';
import type { SanctionsTarget } from '#shared/sanctions/ftm';
import { ScreeningIndex } from '#shared/sanctions/screening';
import { referenceDb } from '../src/db/referenceDb';
import type { SanctionsWorkerApi } from '../src/workers/sanctionsWorker';
import type { BenchWorkerApi } from './benchWorker';
import { phase } from './benchPhase';

const PARTIES = 10_000;

export async function sanctions(url: string) {
  const file = await (await fetch(url)).blob();
  const floorThread = new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module' });
  const floor = await Comlink.wrap<BenchWorkerApi>(floorThread).parseSnapshotOnly(file);
  floorThread.terminate();

  const thread = new Worker(new URL('../src/workers/sanctionsWorker.ts', import.meta.url), {
    type: 'module',
  });
  const worker = Comlink.wrap<SanctionsWorkerApi>(thread);
  let importMs = 0;
  const result = await phase('sanctions import', async () => {
    const started = performance.now();
    const imported = await worker.import(
      file,
      'bench.ftm.json',
      { source: 'benchmark', date: null },
      Comlink.proxy(() => undefined),
    );
    importMs = performance.now() - started;
    return imported;
  });
  thread.terminate();
  if (!result.ok) throw new Error(result.message);
  const snapshot = result.value;

  // Screening: the index built from the stored blocks, then 10,000 parties (half of them spelt
  // like listed names, with another legal form; half invented) screened against it.
  let started = performance.now();
  const targets: SanctionsTarget[] = [];
  await referenceDb.targetBlocks
    .where('snapshotId')
    .equals(snapshot.id)
    .each((block) => void targets.push(...block.targets));
  const loadMs = performance.now() - started;
  started = performance.now();
  const index = new ScreeningIndex(targets);
  const indexMs = performance.now() - started;
  const parties = Array.from({ length: PARTIES }, (_, at) =>
    at % 2 === 0
      ? `${targets[(at * 37) % targets.length].names[0] ?? 'NONE'} TRADING LLC`.toUpperCase()
      : `BENCH PARTY ${at} HOLDING CO LTD`,
  );
  // The floor: one pass over every name of the snapshot (names, aliases, previous names), each
  // looked up among the parties' keys.
  const partyKeys = new Set(parties.map(partyKey));
  started = performance.now();
  let keys = 0;
  let hits = 0;
  for (const target of targets)
    for (const list of [target.names, target.aliases, target.previousNames])
      for (const name of list) {
        keys += 1;
        if (partyKeys.has(name)) hits += 1;
      }
  const keyPassMs = performance.now() - started;
  started = performance.now();
  let candidates = 0;
  for (const spelling of parties)
    candidates += index.screen({ spellings: [spelling], identifiers: [] }).length;
  const screenMs = performance.now() - started;
  return {
    bytes: file.size,
    lines: snapshot.lines,
    targets: snapshot.targets,
    designations: snapshot.designations,
    floorMs: floor.ms,
    importMs,
    loadMs,
    indexMs,
    keys,
    hits,
    keyPassMs,
    screenMs,
    candidates,
    parties: PARTIES,
  };
}
