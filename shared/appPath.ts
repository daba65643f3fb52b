/**
 * Maps the path of an `app://waybill/...` URL (or a browser-mode URL) to a file inside the build
 * folder, as forward-slash segments. Returns null for anything that could escape that folder or name
 * something odd: `..` segments (raw or percent-encoded), backslashes, NUL bytes, drive letters.
 * Pure string logic, so that the Electron protocol and the browser-mode server share it.
 */
export function resolveAppPath(urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || /^[A-Za-z]:$/.test(segment))) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  map: 'application/json',
};

export function contentTypeFor(relativePath: string): string {
  const extension = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
  return contentTypes[extension] ?? 'application/octet-stream';
}
