import { describe, expect, it } from 'vitest';
import { guardHandler, type InvokeEvent } from '../../electron/ipcGuard';
import { saveFileRequestSchema } from '../../shared/ipc';

const mainFrame = { url: 'app://waybill/index.html' };
const fromApp: InvokeEvent = { senderFrame: mainFrame, sender: { mainFrame } };

describe('guardHandler', () => {
  const save = guardHandler(saveFileRequestSchema, (request) =>
    Promise.resolve(request.suggestedName),
  );

  it('answers a valid request from the app with ok', async () => {
    const result = await save(fromApp, {
      suggestedName: 'dossier.html',
      bytes: new Uint8Array([1]),
    });
    expect(result).toEqual({ ok: true, value: 'dossier.html' });
  });

  it('refuses a sender that is not the app’s main frame', async () => {
    const subFrame = { url: 'app://waybill/index.html' };
    const fromSubFrame = { senderFrame: subFrame, sender: { mainFrame } };
    const foreign = { url: 'https://example.com/' };
    for (const event of [
      fromSubFrame,
      { senderFrame: foreign, sender: { mainFrame: foreign } },
      { senderFrame: null, sender: { mainFrame } },
    ]) {
      const result = await save(event, { suggestedName: 'a.txt', bytes: new Uint8Array() });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });

  it('refuses a payload that does not match the contract, naming the field', async () => {
    const pathName = await save(fromApp, {
      suggestedName: '../../.bashrc',
      bytes: new Uint8Array(),
    });
    expect(pathName).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    if (!pathName.ok) expect(pathName.error.message).toContain('suggestedName');
    const noBytes = await save(fromApp, { suggestedName: 'a.txt', bytes: 'AAAA' });
    expect(noBytes).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await save(fromApp, undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });

  it('turns a failing handler into an error result instead of a throw across the boundary', async () => {
    const failing = guardHandler(saveFileRequestSchema, () =>
      Promise.reject(new Error('EACCES: permission denied')),
    );
    const result = await failing(fromApp, { suggestedName: 'a.txt', bytes: new Uint8Array() });
    expect(result).toEqual({
      ok: false,
      error: { code: 'io-failed', message: 'EACCES: permission denied' },
    });
  });
});
