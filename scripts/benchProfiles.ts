/**
 * CPU profiles of a page's workers, nested ones included, for each phase the page marks
 * (`waybill-bench: <phase> starts|ends`, see renderer/bench/benchPhase.ts): `BENCH_PROFILE=<dir>`
 * writes one `.cpuprofile` a worker a phase there (DevTools' Performance panel opens them) and prints
 * each worker's heaviest functions by self time. The /proc figures (benchCpu.ts) say which thread
 * was busy; these say with what.
 *
 * Workers are reached through the page's DevTools session, attached as they start; each nested one
 * through the session of the worker that started it. A worker that ends before its phase does (an
 * export's store workers) ends its profile with it, unsaved.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type CpuProfile = {
  nodes: { id: number; callFrame: Frame }[];
  samples: number[];
  timeDeltas: number[];
};
type Reply = { result?: { profile?: CpuProfile } };
type Attached = { sessionId: string; targetInfo: { url: string } };
type Message = { id?: number; method?: string; params?: Record<string, unknown> } & Reply;

const SAMPLE_INTERVAL_US = 500;
const REPLY_MS = 10_000;
const LISTED = 12;

/** Functions by self time, heaviest first, with where they are (minified: line and column). */
function heaviest(profile: CpuProfile): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, at) => {
    const frame = nodes.get(id);
    if (!frame) return;
    const where = frame.url
      ? ` ${path.basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[at] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LISTED)
    .map(([name, ms]) => `\n    ${ms.toFixed(0).padStart(6)} ms  ${name}`)
    .join('');
}

export async function profileWorkers(
  context: BrowserContext,
  page: Page,
  directory: string,
): Promise<void> {
  mkdirSync(directory, { recursive: true });
  const session: CDPSession = await context.newCDPSession(page);
  const workers = new Map<string, { url: string; parent: string | null }>();
  const replies = new Map<number, (reply: Reply) => void>();
  const profiling = new Set<string>();
  let phase: string | null = null;
  let nextId = 1;

  // A command for a worker travels wrapped in one `sendMessageToTarget` per session above it.
  const post = (sessionId: string, message: string) => {
    const worker = workers.get(sessionId);
    if (!worker) return;
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
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<Reply>((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      setTimeout(() => resolve({}), REPLY_MS);
      post(sessionId, JSON.stringify({ id, method, params }));
    });
  const forget = (sessionId: string) => {
    workers.delete(sessionId);
    profiling.delete(sessionId);
  };
  const attached = ({ sessionId, targetInfo }: Attached, parent: string | null) => {
    workers.set(sessionId, { url: targetInfo.url, parent });
    void (async () => {
      await send(sessionId, 'Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: false,
      });
      await send(sessionId, 'Profiler.enable');
      await send(sessionId, 'Profiler.setSamplingInterval', { interval: SAMPLE_INTERVAL_US });
      if (phase !== null) {
        profiling.add(sessionId);
        await send(sessionId, 'Profiler.start');
      }
    })();
  };
  const received = (sessionId: string, raw: string) => {
    const message = JSON.parse(raw) as Message;
    const params = message.params ?? {};
    if (message.method === 'Target.receivedMessageFromTarget')
      received(params.sessionId as string, params.message as string);
    else if (message.method === 'Target.attachedToTarget')
      attached(params as unknown as Attached, sessionId);
    else if (message.method === 'Target.detachedFromTarget') forget(params.sessionId as string);
    else if (message.id !== undefined) replies.get(message.id)?.(message);
  };

  session.on('Target.receivedMessageFromTarget', ({ sessionId, message }) =>
    received(sessionId ?? '', message),
  );
  session.on('Target.attachedToTarget', (params) => attached(params, null));
  session.on('Target.detachedFromTarget', ({ sessionId }) => forget(sessionId ?? ''));
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });

  page.on('console', (message) => {
    const mark = /^waybill-bench: (.+) (starts|ends)$/.exec(message.text());
    if (!mark) return;
    const [, name, edge] = mark;
    if (edge === 'starts') {
      phase = name;
      for (const sessionId of workers.keys()) {
        profiling.add(sessionId);
        void send(sessionId, 'Profiler.start');
      }
      return;
    }
    phase = null;
    const running = [...profiling];
    profiling.clear();
    for (const sessionId of running) {
      const url = workers.get(sessionId)?.url ?? '';
      void send(sessionId, 'Profiler.stop').then(({ result }) => {
        if (!result?.profile) return;
        const worker = path.basename(url).replace(/[^\w.-]/g, '_');
        const file = path.join(
          directory,
          `${name.replace(/\W+/g, '-')}-${worker}-${sessionId.slice(0, 8)}.cpuprofile`,
        );
        writeFileSync(file, JSON.stringify(result.profile));
        console.log(`[profile] ${name}, ${worker} (${file}):${heaviest(result.profile)}`);
      });
    }
  });
}
