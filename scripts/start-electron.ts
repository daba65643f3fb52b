/**
 * `npm start`: builds and launches the desktop app. Where no Electron binary can be had,
 * it says so in one line and exits non-zero, pointing at browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { installedElectronBinary, tryDownloadElectron } from './electronBinary';

const binary =
  installedElectronBinary() ??
  ((await tryDownloadElectron(60_000)) ? installedElectronBinary() : null);
if (!binary) {
  console.error(
    'Waybill: no Electron binary is installed and none could be downloaded on this machine; run `npm run start:browser` to use the app in your browser instead.',
  );
  process.exit(1);
}
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
