import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// electron-builder's own validation of its configuration (the same check `npm run dist` runs first).
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { build: Configuration };

describe('electron-builder configuration', () => {
  it('is valid by electron-builder’s schema', async () => {
    await expect(
      validateConfiguration(packageJson.build, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('targets AppImage and deb, dmg, and nsis', () => {
    expect(packageJson.build.linux?.target).toEqual(['AppImage', 'deb']);
    expect(packageJson.build.mac?.target).toEqual(['dmg']);
    expect(packageJson.build.win?.target).toEqual(['nsis']);
  });

  it('sets the Electron fuses that close Node entry points', () => {
    expect(packageJson.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
