import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInsideRoot } from '../../electron/appProtocol';
import { contentTypeFor, resolveAppPath } from '../../shared/appPath';

describe('resolveAppPath', () => {
  it('maps the root to index.html and keeps ordinary paths', () => {
    expect(resolveAppPath('/')).toBe('index.html');
    expect(resolveAppPath('')).toBe('index.html');
    expect(resolveAppPath('/assets/index-abc.js')).toBe('assets/index-abc.js');
    expect(resolveAppPath('/./assets//x.css')).toBe('assets/x.css');
    expect(resolveAppPath('/fonts/Noto%20Sans.woff2')).toBe('fonts/Noto Sans.woff2');
  });

  it.each([
    '/../package.json',
    '/assets/../../secret',
    '/%2e%2e/package.json',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%5c..%5csecret',
    '/assets\\..\\secret',
    '/index.html%00.png',
    '/C:/Windows/win.ini',
    '/%E0%A4%A',
  ])('refuses %s', (pathname) => {
    expect(resolveAppPath(pathname)).toBeNull();
  });
});

describe('resolveInsideRoot', () => {
  const root = path.resolve('/opt/waybill/dist/renderer');

  it('resolves app:// URLs to files inside the build folder', () => {
    expect(resolveInsideRoot(root, 'app://waybill/')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, 'app://waybill/assets/a.js?v=1#x')).toBe(
      path.join(root, 'assets', 'a.js'),
    );
  });

  it('refuses other hosts, other schemes and every way out of the folder', () => {
    expect(resolveInsideRoot(root, 'app://other/index.html')).toBeNull();
    expect(resolveInsideRoot(root, 'file:///opt/waybill/dist/renderer/index.html')).toBeNull();
    expect(resolveInsideRoot(root, 'not a url')).toBeNull();
  });

  it('keeps dot segments that the URL parser folds away inside the folder', () => {
    // WHATWG URL parsing turns %2e%2e into `..` and resolves it against the root of the URL itself.
    expect(resolveInsideRoot(root, 'app://waybill/%2e%2e/%2e%2e/package.json')).toBe(
      path.join(root, 'package.json'),
    );
    expect(resolveInsideRoot(root, 'app://waybill/..%2f..%2fmain.cjs')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build contains', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});
