/**
 * Each JavaScript thread's memory in a page (the page and every worker, nested ones included), read
 * through the DevTools protocol: the V8 heap, and the ArrayBuffers' backing stores beside it. Workers
 * are reached with `Target.setAutoAttach` without flattening, a worker's own workers through it.
 */
import type { CDPSession, Page } from 'playwright-core';
import { mb } from './benchMemory';

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown };

/** A DevTools session: the page's own, or one inside it (a worker's) reached through its parent. */
type Channel = {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  onEvent(listener: (method: string, params: Record<string, unknown>) => void): void;
};

function pageChannel(cdp: CDPSession): Channel {
  return {
    send: (method, params) => cdp.send(method as 'Runtime.enable', params),
    onEvent(listener) {
      cdp.on('Target.attachedToTarget', (params) =>
        listener('Target.attachedToTarget', params as never),
      );
      cdp.on('Target.receivedMessageFromTarget', (params) =>
        listener('Target.receivedMessageFromTarget', params as never),
      );
      cdp.on('Target.detachedFromTarget', (params) =>
        listener('Target.detachedFromTarget', params as never),
      );
    },
  };
}

function childChannel(parent: Channel, sessionId: string): Channel {
  let next = 0;
  const answers = new Map<number, (result: unknown) => void>();
  const listeners: ((method: string, params: Record<string, unknown>) => void)[] = [];
  parent.onEvent((method, params) => {
    if (method !== 'Target.receivedMessageFromTarget' || params.sessionId !== sessionId) return;
    const message = JSON.parse(params.message as string) as Message;
    if (message.id !== undefined) {
      answers.get(message.id)?.(message.result);
      answers.delete(message.id);
    } else if (message.method)
      for (const listener of listeners) listener(message.method, message.params ?? {});
  });
  return {
    send(method, params = {}) {
      const id = (next += 1);
      return new Promise((resolve) => {
        answers.set(id, resolve);
        void parent
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          })
          .catch(() => resolve(undefined));
      });
    },
    onEvent: (listener) => listeners.push(listener),
  };
}

export type ThreadMemory = { name: string; heap: number; buffers: number };

/** Each thread's memory in one line. */
export const describeThreads = (threads: Iterable<ThreadMemory>): string =>
  [...threads]
    .map(({ name, heap, buffers }) => `${name}: heap ${mb(heap)}, ArrayBuffers ${mb(buffers)}`)
    .join('; ');

/** Starts following a page's threads; `read()` gives each one's memory now. */
export async function followThreads(page: Page) {
  const threads = new Map<string, { name: string; channel: Channel }>();
  const attach = async (channel: Channel) => {
    channel.onEvent((method, params) => {
      if (method === 'Target.attachedToTarget') {
        const info = params.targetInfo as { targetId: string; title: string; url: string };
        const child = childChannel(channel, params.sessionId as string);
        threads.set(params.sessionId as string, {
          name: `${info.title || info.url.split('/').pop()} ${(params.sessionId as string).slice(0, 4)}`,
          channel: child,
        });
        void attach(child);
      }
      if (method === 'Target.detachedFromTarget') threads.delete(params.sessionId as string);
    });
    await channel.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  };
  const root = pageChannel(await page.context().newCDPSession(page));
  threads.set('page', { name: 'page', channel: root });
  await attach(root);
  return {
    async read(): Promise<ThreadMemory[]> {
      return Promise.all(
        [...threads.values()].map(async ({ name, channel }) => {
          const usage = (await Promise.race([
            channel.send('Runtime.getHeapUsage'),
            new Promise((resolve) => setTimeout(() => resolve(undefined), 500)),
          ])) as { usedSize?: number; backingStorageSize?: number } | undefined;
          return { name, heap: usage?.usedSize ?? 0, buffers: usage?.backingStorageSize ?? 0 };
        }),
      );
    },
  };
}
