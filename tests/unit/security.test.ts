import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { dossierStyleSource } from '../../shared/dossier/html';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  printWindowPreferences,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
  shouldCancelRequest,
} from '../../electron/security';
import { menuTemplate } from '../../electron/menuTemplate';

describe('isAppUrl', () => {
  it('accepts the app’s own scheme and host only', () => {
    expect(isAppUrl('app://waybill/index.html')).toBe(true);
    expect(isAppUrl('app://waybill/#/investigations/1')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://waybill/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://waybill.evil.example/')).toBe(false);
    expect(isAppUrl('app://user@waybill.evil/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('shouldCancelRequest', () => {
  it('lets only the app’s own URLs and in-memory blob/data URLs through', () => {
    expect(shouldCancelRequest('app://waybill/assets/index.js')).toBe(false);
    expect(shouldCancelRequest('blob:app://waybill/5d2c')).toBe(false);
    expect(shouldCancelRequest('data:image/png;base64,AAAA')).toBe(false);
    expect(shouldCancelRequest('https://example.com/track.gif')).toBe(true);
    expect(shouldCancelRequest('http://127.0.0.1:8080/')).toBe(true);
    expect(shouldCancelRequest('ws://localhost:5173/')).toBe(true);
    expect(shouldCancelRequest('file:///home/user/secret.pdf')).toBe(true);
    expect(shouldCancelRequest('devtools://devtools/bundled/x.js')).toBe(true);
  });
});

describe('permissions', () => {
  it('allow clipboard writing for the app’s own origin and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://waybill/')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(permission, 'app://waybill/')).toBe(false);
    }
  });

  it('are wired into the session: requests, checks, devices and web requests', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: never) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: never) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: never) => (handlers.device = handler),
      webRequest: { onBeforeRequest: (handler: never) => (handlers.beforeRequest = handler) },
    } as unknown as Session;
    hardenSession(session);

    const answers: boolean[] = [];
    const contents = { getURL: () => 'app://waybill/index.html' };
    const request = handlers.request as (...args: unknown[]) => void;
    request(contents, 'media', (allowed: boolean) => answers.push(allowed), {
      requestingUrl: 'app://waybill/',
    });
    request(contents, 'clipboard-sanitized-write', (allowed: boolean) => answers.push(allowed), {
      requestingUrl: 'app://waybill/',
    });
    expect(answers).toEqual([false, true]);

    const check = handlers.check as (...args: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://waybill')).toBe(true);
    expect(check(null, 'clipboard-read', 'app://waybill')).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);

    const decisions: unknown[] = [];
    const beforeRequest = handlers.beforeRequest as (...args: unknown[]) => void;
    beforeRequest({ url: 'https://example.com/' }, (decision: unknown) => decisions.push(decision));
    beforeRequest({ url: 'app://waybill/index.html' }, (decision: unknown) =>
      decisions.push(decision),
    );
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
  });
});

describe('web contents', () => {
  function hardened() {
    const emitter = new EventEmitter();
    let openHandler: (() => unknown) | undefined;
    const contents = Object.assign(emitter, {
      setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler),
    }) as unknown as WebContents;
    hardenWebContents(contents);
    const fire = (event: string, url?: string) => {
      let prevented = false;
      emitter.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { fire, openWindow: () => openHandler?.() };
  }

  it('denies every new window', () => {
    expect(hardened().openWindow()).toEqual({ action: 'deny' });
  });

  it('denies navigation and redirects away from the app, and webviews', () => {
    const { fire } = hardened();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://waybill/index.html#/settings')).toBe(false);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const preferences = secureWebPreferences('/app/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(secureWebPreferences('/app/preload.cjs', true).devTools).toBe(true);
    expect(printWindowPreferences().devTools).toBe(false);
  });
});

describe('printWindowPreferences', () => {
  it('print the dossier sandboxed, isolated, without Node, preload or JavaScript', () => {
    const preferences = printWindowPreferences();
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    });
    expect(preferences).not.toHaveProperty('preload');
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy();
  const directives = new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('allows no eval and no inline script; WebAssembly (the OCR engine) compiles, nothing more', () => {
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('names no remote origin: every source is self, none, data:, blob: or a hash', () => {
    for (const sources of directives.values()) {
      for (const source of sources)
        if (!/^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))
          expect(["'self'", "'none'", 'data:', 'blob:', "'wasm-unsafe-eval'"]).toContain(source);
    }
  });

  it('allows exactly the dossier’s style sheet by hash, for its preview', () => {
    expect(directives.get('style-src')).toEqual(["'self'", dossierStyleSource()]);
  });

  it('falls back to self and shuts objects, frames, forms and base URLs', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'form-action', 'base-uri', 'frame-ancestors']) {
      expect(directives.get(name)).toEqual(["'none'"]);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app’s own main frame', () => {
    expect(isTrustedSender('app://waybill/index.html', true)).toBe(true);
    expect(isTrustedSender('app://waybill/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('the application menu', () => {
  const roles = (developer: boolean, platform: NodeJS.Platform = 'linux') =>
    JSON.stringify(menuTemplate(platform, 'Waybill', developer));

  it('offers the developer tools in a development build only', () => {
    expect(roles(true)).toContain('toggleDevTools');
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      expect(roles(false, platform)).not.toContain('DevTools');
  });

  it('holds roles only: no item opens a web page', () => {
    expect(roles(true, 'darwin')).not.toMatch(/click|https?:/);
  });
});
