// The desktop security decisions: which requests, navigations and IPC senders are allowed, and
// the web preferences of every window.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUNDLE_ENTRY_URL,
  BUNDLE_ORIGIN,
  SESSION_PARTITION,
  isAllowedNavigation,
  isAllowedRequest,
  isAllowedSender,
  loadTarget,
  secureWebPreferences,
} from '../../src/main/security/policy.ts';

const production = loadTarget(undefined, false);
const development = loadTarget('http://localhost:5173/', false);

describe('loadTarget', () => {
  it('loads the bundle through the app scheme without a dev server', () => {
    expect(production).toEqual({ entryUrl: BUNDLE_ENTRY_URL, origin: BUNDLE_ORIGIN, devServer: null });
  });

  it('ignores a dev server URL in a packaged app', () => {
    expect(loadTarget('http://localhost:5173/', true).devServer).toBeNull();
  });

  it('accepts only a loopback http dev server', () => {
    expect(development.origin).toBe('http://localhost:5173');
    expect(loadTarget('http://127.0.0.1:5173/', false).origin).toBe('http://127.0.0.1:5173');
    expect(() => loadTarget('http://dev.example.com:5173/', false)).toThrow(/loopback/);
    expect(() => loadTarget('https://localhost:5173/', false)).toThrow(/loopback/);
    expect(() => loadTarget('http://192.168.1.10:5173/', false)).toThrow(/loopback/);
  });
});

describe('isAllowedRequest', () => {
  it("allows the app's own bundle and inline data, nothing else", () => {
    expect(isAllowedRequest('app://bundle/index.html', production)).toBe(true);
    expect(isAllowedRequest('app://bundle/assets/index-abc.js', production)).toBe(true);
    expect(isAllowedRequest('data:image/svg+xml,<svg/>', production)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'http://localhost/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://other/index.html',
      'ftp://example.com/x',
      'blob:https://example.com/uuid',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'not a url',
    ]) {
      expect(isAllowedRequest(url, production), url).toBe(false);
    }
  });

  it('refuses every web URL in production', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => !isAllowedRequest(url, production)));
  });

  it('in development allows the dev server and its HMR socket only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', development)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', development)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', development)).toBe(false);
    expect(isAllowedRequest('https://localhost:5173/', development)).toBe(false);
    expect(isAllowedRequest('https://registry.npmjs.org/', development)).toBe(false);
    expect(isAllowedRequest('app://bundle/index.html', development)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only reloading the entry page', () => {
    expect(isAllowedNavigation(BUNDLE_ENTRY_URL, production)).toBe(true);
    expect(isAllowedNavigation(`${BUNDLE_ENTRY_URL}#x`, production)).toBe(true);
    expect(isAllowedNavigation('app://bundle/other.html', production)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', production)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', production)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', production)).toBe(false);
  });
});

describe('isAllowedSender', () => {
  const ours = { frameUrl: BUNDLE_ENTRY_URL, isMainFrame: true, isOurWindow: true };

  it('accepts the main frame of our window showing our bundle', () => {
    expect(isAllowedSender(ours, production)).toBe(true);
  });

  it('refuses a subframe, another window, a destroyed frame and foreign pages', () => {
    expect(isAllowedSender({ ...ours, isMainFrame: false }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, isOurWindow: false }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, frameUrl: null }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, frameUrl: undefined }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, frameUrl: 'https://evil.example/' }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, frameUrl: 'file:///tmp/index.html' }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, frameUrl: 'app://bundle.evil/index.html' }, production)).toBe(false);
    expect(isAllowedSender({ ...ours, frameUrl: 'http://localhost:5173/' }, production)).toBe(false);
  });

  it('in development accepts the dev server page only', () => {
    expect(isAllowedSender({ ...ours, frameUrl: 'http://localhost:5173/' }, development)).toBe(true);
    expect(isAllowedSender({ ...ours, frameUrl: BUNDLE_ENTRY_URL }, development)).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  it('sandboxes and isolates every window in an in-memory session', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs', false);
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      partition: SESSION_PARTITION,
    });
    // No "persist:" prefix: nothing of the session is written to disk.
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });
});
