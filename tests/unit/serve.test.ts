import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { DEFAULT_PORT, portFromEnv, startServer } from '../../scripts/serve';

describe('portFromEnv', () => {
  it('defaults to one fixed port and accepts an override', () => {
    expect(portFromEnv(undefined)).toBe(DEFAULT_PORT);
    expect(portFromEnv('')).toBe(DEFAULT_PORT);
    expect(portFromEnv('5200')).toBe(5200);
  });

  it('refuses what is not a port', () => {
    expect(() => portFromEnv('http')).toThrow('WAYBILL_PORT');
    expect(() => portFromEnv('70000')).toThrow('WAYBILL_PORT');
  });
});

describe('the browser-mode server', () => {
  let server: Server;
  let base: string;
  const parent = mkdtempSync(path.join(tmpdir(), 'waybill-serve-'));
  const root = path.join(parent, 'renderer');

  beforeAll(async () => {
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Waybill</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(parent, 'secret.txt'), 'outside the build folder');
    server = await startServer(0, root);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the app with its CSP', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>Waybill</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
  });

  it('never serves a file outside the build folder', async () => {
    for (const attempt of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const response = await fetch(`${base}${attempt}`);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('outside');
    }
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});
