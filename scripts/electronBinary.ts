import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The path of the Electron binary that `npm install` left, or null when there is none. Electron 45+
 * installs without its binary and downloads it on first launch; this only looks, it never downloads.
 */
export function installedElectronBinary(): string | null {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override
    ? path.join(override, executable)
    : path.join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

/** Tries Electron's own installer once, with a time limit, quietly; true when a binary is there after. */
export async function tryDownloadElectron(timeoutMs: number): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  const require = createRequire(import.meta.url);
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return installedElectronBinary() !== null;
}
