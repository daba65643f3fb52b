/**
 * Browser mode: serves the built renderer on one fixed localhost port, so that the app's origin, and
 * with it the IndexedDB data, stays the same from run to run.
 *   npm run start:browser            (builds first)
 *   WAYBILL_PORT=5200 npm run start:browser
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeFor, resolveAppPath } from '../shared/appPath';
import { contentSecurityPolicy } from '../electron/security';

export const DEFAULT_PORT = 5178;
const distRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');

export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`WAYBILL_PORT must be a port number from 1 to 65535, not “${value}”.`);
  }
  return port;
}

export function startServer(port: number, root = distRoot): Promise<Server> {
  const server = createServer((request, response) => {
    const headers = {
      'content-security-policy': contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    };
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const relative = resolveAppPath(pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    if (relative === null) {
      response.writeHead(403, headers).end('Forbidden');
      return;
    }
    readFile(path.join(root, ...relative.split('/'))).then(
      (bytes) => {
        response.writeHead(200, { ...headers, 'content-type': contentTypeFor(relative) });
        response.end(request.method === 'HEAD' ? undefined : bytes);
      },
      () => response.writeHead(404, headers).end('Not found'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the app's data is no one else's business, on this machine's network or any.
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const port = portFromEnv(process.env.WAYBILL_PORT);
    await startServer(port);
    console.log(`Waybill (browser mode) is running at http://localhost:${port}/  (Ctrl+C to stop)`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? 'That port is in use: is Waybill already running? Set WAYBILL_PORT to use another.'
        : message,
    );
    process.exit(1);
  }
}
