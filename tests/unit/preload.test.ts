import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc';

/** Electron's two preload modules, stubbed: what the preload hands them is what is checked. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, (request: unknown) => unknown>>(),
  invoked: [] as [string, unknown][],
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, (request: unknown) => unknown>) =>
      electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => {
      electron.invoked.push([channel, request]);
      return Promise.resolve({ ok: true, value: null });
    },
  },
}));

describe('the preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload');
  });

  it('exposes one object, waybill, with exactly the contract’s methods', () => {
    expect([...electron.exposed.keys()]).toEqual(['waybill']);
    expect(Object.keys(electron.exposed.get('waybill')!).sort()).toEqual(
      Object.keys(channels).sort(),
    );
  });

  it('sends each method’s request on its own channel and nothing else', async () => {
    const api = electron.exposed.get('waybill')!;
    for (const [method, channel] of Object.entries(channels)) {
      electron.invoked.length = 0;
      await api[method]({ method });
      expect(electron.invoked).toEqual([[channel, { method }]]);
    }
  });
});
