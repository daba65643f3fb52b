import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { inOwnWorker } from '../../renderer/src/lib/ownWorker';

type Api = { slow(ms: number): Promise<string> };

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((port) => port.close()));

/** A worker stand-in: the API served on one end of a channel, the other end with terminate(). */
function channelWorker(): { worker: Worker; ended: () => boolean } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(
    { slow: (ms: number) => new Promise((resolve) => setTimeout(() => resolve('done'), ms)) },
    port1,
  );
  let terminated = false;
  const worker = Object.assign(port2, { terminate: () => (terminated = true) });
  return { worker: worker as unknown as Worker, ended: () => terminated };
}

describe('work in a worker of its own', () => {
  it('answers what the worker answers, then ends it', async () => {
    const { worker, ended } = channelWorker();
    const run = inOwnWorker<Api, string>(worker, (api) => api.slow(1));
    expect(await run.outcome).toBe('done');
    expect(ended()).toBe(true);
  });

  it('answers null at once when cancelled, and ends the worker mid-way', async () => {
    const { worker, ended } = channelWorker();
    const run = inOwnWorker<Api, string>(worker, (api) => api.slow(10_000));
    run.cancel();
    expect(await run.outcome).toBeNull();
    expect(ended()).toBe(true);
  });
});
