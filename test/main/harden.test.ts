// The Electron wiring of the security policy, against a stand-in for Electron: every permission
// denied, every foreign request cancelled, the CSP header on every response, navigation, new
// windows and webviews refused, and the bundle protocol confined to the built renderer.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const session = {
    partition: '',
    options: {} as unknown,
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    devicePermission: null as Handler | null,
    displayMedia: null as Handler | null,
    spellChecker: true,
    events: new Map<string, Handler>(),
    beforeRequest: null as Handler | null,
    headersReceived: null as Handler | null,
    protocols: new Map<string, Handler>(),
  };
  const defaultSession = {
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    devicePermission: null as Handler | null,
    spellChecker: true,
    events: new Map<string, Handler>(),
    beforeRequest: null as Handler | null,
  };
  return {
    session,
    defaultSession,
    appEvents: new Map<string, Handler>(),
    privileged: [] as unknown[],
    sandboxEnabled: false,
  };
});

vi.mock('electron', () => ({
  app: {
    enableSandbox: () => {
      fake.sandboxEnabled = true;
    },
    on: (event: string, handler: Handler) => fake.appEvents.set(event, handler),
  },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes) },
  session: {
    get defaultSession() {
      const d = fake.defaultSession;
      return {
        setPermissionRequestHandler: (h: Handler) => (d.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => (d.permissionCheck = h),
        setDevicePermissionHandler: (h: Handler) => (d.devicePermission = h),
        setSpellCheckerEnabled: (enabled: boolean) => (d.spellChecker = enabled),
        on: (event: string, h: Handler) => d.events.set(event, h),
        webRequest: { onBeforeRequest: (h: Handler) => (d.beforeRequest = h) },
      };
    },
    fromPartition: (partition: string, options: unknown) => {
      const s = fake.session;
      s.partition = partition;
      s.options = options;
      return {
        setPermissionRequestHandler: (h: Handler) => (s.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => (s.permissionCheck = h),
        setDevicePermissionHandler: (h: Handler) => (s.devicePermission = h),
        setDisplayMediaRequestHandler: (h: Handler) => (s.displayMedia = h),
        setSpellCheckerEnabled: (enabled: boolean) => (s.spellChecker = enabled),
        on: (event: string, h: Handler) => s.events.set(event, h),
        webRequest: {
          onBeforeRequest: (h: Handler) => (s.beforeRequest = h),
          onHeadersReceived: (h: Handler) => (s.headersReceived = h),
        },
        protocol: { handle: (scheme: string, h: Handler) => s.protocols.set(scheme, h) },
      };
    },
  },
}));

import { hardenApp, hardenDefaultSession, hardenedSession, registerBundleScheme } from '../../src/main/security/harden.ts';
import { BUNDLE_ENTRY_URL, loadTarget, SESSION_PARTITION } from '../../src/main/security/policy.ts';
import { DESKTOP_CSP_HEADER } from '../../src/main/security/csp.ts';

const target = loadTarget(undefined, false);
let outDir: string;
let rendererDir: string;

beforeAll(async () => {
  // out/renderer inside a temporary out/, with a file beside it that must never be served.
  outDir = await mkdtemp(join(tmpdir(), 'embargo-out-'));
  rendererDir = join(outDir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Embargo</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(outDir, 'outside.js'), 'secret()');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  registerBundleScheme();
  hardenApp(target);
  hardenedSession(target, rendererDir);
  hardenDefaultSession();
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the renderer session', () => {
  it('is in memory (no persist: partition) without an HTTP cache', () => {
    expect(fake.session.partition).toBe(SESSION_PARTITION);
    expect(fake.session.partition.startsWith('persist:')).toBe(false);
    expect(fake.session.options).toEqual({ cache: false });
    expect(fake.session.spellChecker).toBe(false);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      fake.session.permissionRequest?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.session.permissionCheck?.({}, permission, 'app://bundle', {})).toBe(false);
    }
    expect(fake.session.devicePermission?.({})).toBe(false);
  });

  it('refuses downloads', () => {
    const event = { preventDefault: vi.fn() };
    fake.session.events.get('will-download')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it("cancels every request that is not the app's own bundle", () => {
    const decide = (url: string): unknown => {
      let decision: unknown;
      fake.session.beforeRequest?.({ url }, (response: unknown) => (decision = response));
      return decision;
    };
    expect(decide('app://bundle/index.html')).toEqual({ cancel: false });
    expect(decide('https://example.com/collect')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });

  it('adds the CSP header to every response', () => {
    let headers: unknown;
    fake.session.headersReceived?.({ responseHeaders: { 'X-Other': ['1'] } }, (response: { responseHeaders: unknown }) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [DESKTOP_CSP_HEADER] });
  });
});

describe('the default session (which no window uses)', () => {
  it('denies every permission, download and request (dev tools pages aside)', () => {
    const d = fake.defaultSession;
    const callback = vi.fn();
    d.permissionRequest?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(d.permissionCheck?.({}, 'geolocation', 'https://example.com', {})).toBe(false);
    expect(d.devicePermission?.({})).toBe(false);
    expect(d.spellChecker).toBe(false);
    const download = { preventDefault: vi.fn() };
    d.events.get('will-download')?.(download);
    expect(download.preventDefault).toHaveBeenCalled();
    for (const [url, cancel] of [
      ['https://example.com/', true],
      ['app://bundle/index.html', true],
      ['http://127.0.0.1/', true],
      ['devtools://devtools/bundled/inspector.html', false],
    ] as const) {
      let decision: unknown;
      d.beforeRequest?.({ url }, (response: unknown) => (decision = response));
      expect(decision, url).toEqual({ cancel });
    }
  });
});

describe('the bundle protocol', () => {
  const fetchBundle = (url: string): Promise<Response> => fake.session.protocols.get('app')?.(new Request(url)) as Promise<Response>;

  it('is registered as a secure standard scheme', () => {
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('serves the files of the built renderer with the CSP header', async () => {
    const response = await fetchBundle(BUNDLE_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(DESKTOP_CSP_HEADER);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Embargo</title>');
    expect((await fetchBundle('app://bundle/assets/app.js')).status).toBe(200);
  });

  it('answers 404 for missing files and anything outside the renderer directory', async () => {
    for (const url of ['app://bundle/missing.js', 'app://bundle/assets/..%2f..%2foutside.js', 'app://other/index.html']) {
      const response = await fetchBundle(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Content-Security-Policy')).toBe(DESKTOP_CSP_HEADER);
    }
  });
});

describe('every webContents', () => {
  function created(): { handlers: Map<string, Handler>; openHandler: Handler | null } {
    const handlers = new Map<string, Handler>();
    const contents = {
      openHandler: null as Handler | null,
      setWindowOpenHandler(h: Handler) {
        this.openHandler = h;
      },
      on: (event: string, h: Handler) => handlers.set(event, h),
    };
    fake.appEvents.get('web-contents-created')?.({}, contents);
    return { handlers, openHandler: contents.openHandler };
  }

  it('runs sandboxed', () => {
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('may not open windows', () => {
    expect(created().openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('may not navigate or be redirected away from the app, nor attach webviews', () => {
    const { handlers } = created();
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://example.com/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-redirect', 'https://example.com/', true],
      ['will-navigate', BUNDLE_ENTRY_URL, false],
    ] as const) {
      const navigation = { preventDefault: vi.fn() };
      handlers.get(event)?.(navigation, url);
      expect(navigation.preventDefault.mock.calls.length > 0, `${event} ${url}`).toBe(blocked);
    }
    const attach = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')?.(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});
