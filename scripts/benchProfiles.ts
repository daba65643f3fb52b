/**
 * CPU profiles of a page's main thread and its workers, nested ones included, for each phase the
 * page marks (`waybill-bench: <phase> starts|ends`, see renderer/bench/benchPhase.ts):
 * `BENCH_PROFILE=<dir>` writes them there as `.cpuprofile` files (DevTools' Performance panel opens
 * them) and prints each thread's heaviest functions by self time. The /proc figures (benchCpu.ts)
 * say which thread was busy; these say with what. Profiling slows an export by about a fifth here:
 * use it for where the time goes, not for how long it takes.
 *
 * Workers are reached through the page's DevTools session, attached as they start; each nested one
 * through the session of the worker that started it. Each profile is taken in segments of a few
 * seconds, so that a worker that ends before its phase does (an export's store workers) leaves all
 * but its last seconds: a profile file a segment, one summary a thread.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type CpuProfile = {
  nodes: { id: number; callFrame: Frame }[];
  samples?: number[];
  timeDeltas?: number[];
};
type Reply = { result?: { profile?: CpuProfile } };
type Attached = { sessionId: string; targetInfo: { url: string } };
type Message = { id?: number; method?: string; params?: Record<string, unknown> } & Reply;

const SAMPLE_INTERVAL_US = 500;
const REPLY_MS = 10_000;
const SEGMENT_MS = 2_000;
const LISTED = 12;
/** The page's own main thread, profiled through the page's session itself. */
const PAGE = 'page';

/** Functions by self time over a worker's segments, heaviest first (minified: line and column). */
function heaviest(segments: readonly CpuProfile[]): string {
  const self = new Map<string, number>();
  for (const profile of segments) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    profile.samples?.forEach((id, at) => {
      const frame = nodes.get(id);
      if (!frame) return;
      const where = frame.url
        ? ` ${path.basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
        : '';
      const name = `${frame.functionName || '(anonymous)'}${where}`;
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[at] ?? 0) / 1000);
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LISTED)
    .map(([name, ms]) => `\n    ${ms.toFixed(0).padStart(6)} ms  ${name}`)
    .join('');
}

type Worker = {
  url: string;
  /** The session of the worker that started it; null for the page's own. */
  parent: string | null;
  alive: boolean;
  profiling: boolean;
  /** This phase's profile so far. */
  segments: CpuProfile[];
  /** The segment being ended, if one is. */
  collecting: Promise<void>;
};

const newWorker = (url: string, parent: string | null): Worker => ({
  url,
  parent,
  alive: true,
  profiling: false,
  segments: [],
  collecting: Promise.resolve(),
});

export async function profileWorkers(
  context: BrowserContext,
  page: Page,
  directory: string,
): Promise<void> {
  mkdirSync(directory, { recursive: true });
  const session: CDPSession = await context.newCDPSession(page);
  const workers = new Map<string, Worker>();
  const replies = new Map<number, (reply: Reply) => void>();
  let phase: string | null = null;
  let segmenting: ReturnType<typeof setInterval> | undefined;
  let nextId = 1;

  // A command for a worker travels wrapped in one `sendMessageToTarget` per session above it.
  const post = (sessionId: string, message: string) => {
    const worker = workers.get(sessionId);
    if (!worker?.alive) return;
    if (worker.parent === null)
      void session
        .send('Target.sendMessageToTarget', { sessionId, message })
        .catch(() => undefined);
    else
      post(
        worker.parent,
        JSON.stringify({
          id: nextId++,
          method: 'Target.sendMessageToTarget',
          params: { sessionId, message },
        }),
      );
  };
  const send = (sessionId: string, method: string, params: object = {}): Promise<Reply> =>
    sessionId === PAGE
      ? session.send(method as 'Profiler.stop', params).then(
          (result) => ({ result }),
          () => ({}),
        )
      : new Promise<Reply>((resolve) => {
          const id = nextId++;
          // Answered once, by the worker or, if it has gone, by the timer.
          const answer = (reply: Reply) => {
            replies.delete(id);
            clearTimeout(timer);
            resolve(reply);
          };
          const timer = setTimeout(() => answer({}), REPLY_MS);
          replies.set(id, answer);
          post(sessionId, JSON.stringify({ id, method, params }));
        });
  const start = (sessionId: string, worker: Worker) => {
    worker.profiling = true;
    return send(sessionId, 'Profiler.start');
  };
  /**
   * Ends the worker's current segment, keeping it with the phase's (as they were when asked, even if
   * the next phase has begun by the time the profile comes), and starts the next unless `last`. A
   * worker's segments end one after another, so that the last waits for one still being ended.
   */
  const collect = (sessionId: string, worker: Worker, last: boolean) => {
    const { segments } = worker;
    worker.collecting = worker.collecting.then(async () => {
      if (!worker.alive || !worker.profiling) return;
      worker.profiling = false;
      const { result } = await send(sessionId, 'Profiler.stop');
      if (result?.profile) segments.push(result.profile);
      if (!last && phase !== null) await start(sessionId, worker);
    });
    return worker.collecting;
  };
  const attached = ({ sessionId, targetInfo }: Attached, parent: string | null) => {
    const worker = newWorker(targetInfo.url, parent);
    workers.set(sessionId, worker);
    void (async () => {
      await send(sessionId, 'Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: false,
      });
      await send(sessionId, 'Profiler.enable');
      await send(sessionId, 'Profiler.setSamplingInterval', { interval: SAMPLE_INTERVAL_US });
      if (phase !== null) await start(sessionId, worker);
    })();
  };
  const detached = (sessionId: string) => {
    const worker = workers.get(sessionId);
    if (worker) worker.alive = false;
  };
  const received = (sessionId: string, raw: string) => {
    const message = JSON.parse(raw) as Message;
    const params = message.params ?? {};
    if (message.method === 'Target.receivedMessageFromTarget')
      received(params.sessionId as string, params.message as string);
    else if (message.method === 'Target.attachedToTarget')
      attached(params as unknown as Attached, sessionId);
    else if (message.method === 'Target.detachedFromTarget') detached(params.sessionId as string);
    else if (message.id !== undefined) replies.get(message.id)?.(message);
  };

  session.on('Target.receivedMessageFromTarget', ({ sessionId, message }) =>
    received(sessionId ?? '', message),
  );
  session.on('Target.attachedToTarget', (params) => attached(params, null));
  session.on('Target.detachedFromTarget', ({ sessionId }) => detached(sessionId ?? ''));
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  workers.set(PAGE, newWorker('page', null));
  await send(PAGE, 'Profiler.enable');
  await send(PAGE, 'Profiler.setSamplingInterval', { interval: SAMPLE_INTERVAL_US });

  const save = (name: string, sessionId: string, url: string, segments: CpuProfile[]) => {
    const label = `${path.basename(url).replace(/[^\w.-]/g, '_')}-${sessionId.slice(0, 8)}`;
    const stem = path.join(directory, `${name.replace(/\W+/g, '-')}-${label}`);
    segments.forEach((profile, at) =>
      writeFileSync(`${stem}-${at + 1}.cpuprofile`, JSON.stringify(profile)),
    );
    console.log(`[profile] ${name}, ${label} (${stem}-*.cpuprofile):${heaviest(segments)}`);
  };

  page.on('console', (message) => {
    const mark = /^waybill-bench: (.+) (starts|ends)$/.exec(message.text());
    if (!mark) return;
    const [, name, edge] = mark;
    if (edge === 'starts') {
      phase = name;
      for (const [sessionId, worker] of workers) {
        worker.segments = [];
        if (worker.alive) void start(sessionId, worker);
      }
      segmenting = setInterval(() => {
        for (const [sessionId, worker] of workers) void collect(sessionId, worker, false);
      }, SEGMENT_MS);
      return;
    }
    phase = null;
    clearInterval(segmenting);
    const ended = [...workers].map(([sessionId, worker]) => ({
      sessionId,
      worker,
      segments: worker.segments,
      collected: collect(sessionId, worker, true),
    }));
    for (const { sessionId, worker } of ended) {
      worker.segments = [];
      if (!worker.alive) workers.delete(sessionId);
    }
    for (const { sessionId, worker, segments, collected } of ended)
      void collected.then(() => segments.length > 0 && save(name, sessionId, worker.url, segments));
  });
}
