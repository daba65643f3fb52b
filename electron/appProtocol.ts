import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentTypeFor, resolveAppPath } from '../shared/appPath';
import { APP_HOST, APP_SCHEME, contentSecurityPolicy } from './security';

/** The privileges of the `app://` scheme; registered before the app is ready. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The absolute path of the file an `app://waybill/...` URL names inside `root`, or null when the URL
 * is not the app's or its path would leave `root` (the check is repeated on the joined path, so no
 * trick of encoding or separators gets past it).
 */
export function resolveInsideRoot(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const relative = resolveAppPath(url.pathname);
  if (relative === null) return null;
  const absoluteRoot = path.resolve(root);
  const absolute = path.resolve(absoluteRoot, ...relative.split('/'));
  return absolute.startsWith(absoluteRoot + path.sep) ? absolute : null;
}

export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveInsideRoot(root, request.url);
    if (file === null) return new Response('Forbidden', { status: 403 });
    try {
      const bytes = await readFile(file);
      return new Response(bytes, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': contentSecurityPolicy(),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
