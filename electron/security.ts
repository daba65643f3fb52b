/**
 * Every hardening rule of the desktop shell, in one place. The bar is Electron's security checklist:
 * isolated, sandboxed renderers without Node; the app served from its own privileged scheme; no
 * permission, navigation, window or network request that the app does not need.
 *
 * Only types are imported from Electron, so the pure rules below are unit-tested in plain Node.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { dossierStyleSource } from '../shared/dossier/html';

export const APP_SCHEME = 'app';
export const APP_HOST = 'waybill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The main window's preferences. `developer`: a development build (not packaged), the only one
 * whose developer tools open.
 */
export const secureWebPreferences = (preloadPath: string, developer = false): WebPreferences => ({
  preload: preloadPath,
  devTools: developer,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
});

/** The hidden window that prints the dossier: as locked down, with no preload and no JavaScript. */
export const printWindowPreferences = (): WebPreferences => {
  const { preload: _preload, ...rest } = secureWebPreferences('');
  return { ...rest, javascript: false, images: false };
};

/**
 * The Content-Security-Policy of every page the app serves (the Electron protocol and the
 * browser-mode server send it as a header; the built index.html carries it as a meta tag).
 * No `unsafe-eval`, no `unsafe-inline` scripts, no remote origin: `'self'` is app://waybill in the
 * desktop app and the fixed localhost origin in browser mode. The dossier preview (an iframe of the
 * exported HTML, which inherits this policy) may use the dossier's own style sheet, allowed by hash.
 */
export const contentSecurityPolicy = (): string =>
  [
    "default-src 'self'",
    // The OCR engine (tesseract.js) is WebAssembly: compiling it needs exactly this, not eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    `style-src 'self' ${dossierStyleSource()}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** Whether a URL belongs to the app itself (and may be navigated to or loaded). */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Whether a request from a renderer must be cancelled. The app needs no network: only its own
 * scheme passes, plus `blob:` and `data:` URLs, which name bytes already in the renderer's memory
 * (downloads of generated files, images of stored pages) and never leave the machine.
 */
export function shouldCancelRequest(rawUrl: string): boolean {
  if (isAppUrl(rawUrl)) return false;
  return !(rawUrl.startsWith('blob:') || rawUrl.startsWith('data:'));
}

/**
 * Permission requests and checks. Everything is denied but writing to the clipboard from the app's
 * own pages: copying a citation must work. Each allowed permission carries its reason here.
 */
const allowedPermissions: Record<string, string> = {
  'clipboard-sanitized-write': 'copying a citation or a quote to paste into a story',
};

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission in allowedPermissions && isAppUrl(requestingUrl);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: shouldCancelRequest(details.url) });
  });
}

/** Applied to every web contents the app creates, including ones it did not mean to. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** IPC senders must be the app's own top-level page, not a frame or page that got in somehow. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}
