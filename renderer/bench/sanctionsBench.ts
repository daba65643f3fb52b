/**
 * The sanctions benchmark (built only by `npm run bench`): a generated 500,000-target snapshot
 * imported by the real sanctions worker, beside its floor (every line read and JSON-parsed in a
 * worker, nothing kept); then 10,000 parties screened against it, beside one pass over its name keys;
 * then entity pages opened one after another, and the case's screening kept and read back.
 */
import * as Comlink from 'comlink';
import { partyKey } from '#shared/customs/partyKey';
import type { SanctionsTarget } from '#shared/sanctions/ftm';
import { ScreeningIndex } from '#shared/sanctions/screening';
import { investigationDb } from '../src/db/databases';
import { referenceDb } from '../src/db/referenceDb';
import { recordScreening } from '../src/case/sanctions/caseScreenings';
import { createInvestigation } from '../src/features/investigations/investigationMutations';
import type { SanctionsWorkerApi } from '../src/workers/sanctionsWorker';
import type { BenchWorkerApi } from './benchWorker';
import { phase } from './benchPhase';

const PARTIES = 10_000;
/** Entity pages opened, one after another. */
const OPENS = 100;

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
  const screened = parties.map((spelling) =>
    index.screen({ spellings: [spelling], identifiers: [] }),
  );
  const screenMs = performance.now() - started;
  const candidates = screened.reduce((sum, found) => sum + found.length, 0);

  // Opening an entity: the entity page's one party screened by the sanctions worker (a Comlink
  // round trip, its designations with it) and the case's decisions about it read. The worker reads
  // and indexes the snapshot at its first call (once per snapshot a session: the Entities tab's
  // case-wide screening makes it as the tab opens); the figure is every call after it.
  const screener = new Worker(new URL('../src/workers/sanctionsWorker.ts', import.meta.url), {
    type: 'module',
  });
  const api = Comlink.wrap<SanctionsWorkerApi>(screener);
  const db = investigationDb(await createInvestigation('Sanctions benchmark'));
  const party = (at: number) => ({ spellings: [parties[at]], identifiers: [] });
  started = performance.now();
  await api.screen(snapshot.id, [party(0)]);
  const firstOpenMs = performance.now() - started;
  const openMs: number[] = [];
  let designationsShown = 0;
  for (let at = 0; at < OPENS; at += 1) {
    started = performance.now();
    const [[list], decisions] = await Promise.all([
      api.screen(snapshot.id, [party(at * 2)]),
      db.sanctionsMatches.toArray(),
    ]);
    openMs.push(performance.now() - started);
    designationsShown += list.reduce(
      (sum, candidate) => sum + candidate.target.designations.length,
      0,
    );
    designationsShown += decisions.length;
  }
  // The floor: a round trip to the same worker asking for nothing.
  const tripMs: number[] = [];
  for (let at = 0; at < OPENS; at += 1) {
    started = performance.now();
    await api.targets(snapshot.id, []);
    tripMs.push(performance.now() - started);
  }
  tripMs.sort((a, b) => a - b);
  screener.terminate();
  openMs.sort((a, b) => a - b);

  // The case's screening kept in it (sealed), and read back whole: what an entity page reads where
  // the app no longer holds the snapshot.
  const byId = new Map(targets.map((target) => [target.id, target]));
  const found = screened.flatMap((list, at) =>
    list.length === 0
      ? []
      : [
          {
            id: `party-${at}`,
            name: parties[at],
            candidates: list.map((candidate) => ({
              ...candidate,
              target: byId.get(candidate.targetId)!,
            })),
          },
        ],
  );
  started = performance.now();
  await recordScreening(db, { snapshot, screened: PARTIES, found });
  const keepMs = performance.now() - started;
  started = performance.now();
  const [kept] = await db.sanctionsScreenings.toArray();
  const keptReadMs = performance.now() - started;
  return {
    firstOpenMs,
    openMedianMs: openMs[Math.floor(openMs.length / 2)],
    openMaxMs: openMs.at(-1)!,
    opens: OPENS,
    tripMedianMs: tripMs[Math.floor(tripMs.length / 2)],
    designationsShown,
    keptEntities: kept.found.length,
    keptBytes: JSON.stringify(kept).length,
    keepMs,
    keptReadMs,
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
