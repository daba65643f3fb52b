import { expect, test } from '@playwright/test';
import { _electron as electron } from 'playwright-core';
import { installedElectronBinary } from '../../scripts/electronBinary';
import { channels } from '../../shared/ipc';

const binary = installedElectronBinary();

test('the desktop app opens the same app, isolated from Node', async () => {
  if (!binary) {
    const reason =
      'SKIPPED: no Electron binary on this machine (it cannot be downloaded here); the desktop launch test runs where one exists.';
    console.warn(reason);
    test.skip(true, reason);
    return;
  }
  const app = await electron.launch({ executablePath: binary, args: ['.'] });
  try {
    const appWindow = await app.firstWindow();
    await expect(appWindow.getByRole('heading', { name: 'Investigations' })).toBeVisible();
    expect(appWindow.url()).toMatch(/^app:\/\/waybill\//);
    // No Node in the renderer; only the one contract object from the preload.
    const exposed = await appWindow.evaluate(() => ({
      process: typeof (globalThis as { process?: unknown }).process,
      waybill: Object.keys((globalThis as { waybill?: object }).waybill ?? {}).sort(),
    }));
    expect(exposed).toEqual({ process: 'undefined', waybill: Object.keys(channels).sort() });
  } finally {
    await app.close();
  }
});
