// Electron wiring of the security policy: app-wide switches, the renderer's session
// (permissions, requests, CSP header, the bundle protocol) and every webContents
// (navigation, new windows, webviews). The decisions themselves are in policy.ts.
import { readFile } from 'node:fs/promises';
import { app, protocol, session, type Session } from 'electron';
import { resolveBundleFile } from '../bundle-files.ts';
import { DESKTOP_CSP_HEADER, developmentCsp } from './csp.ts';
import {
  BUNDLE_SCHEME,
  SESSION_PARTITION,
  isAllowedNavigation,
  isAllowedRequest,
  type LoadTarget,
} from './policy.ts';

/** Must run before the app is ready: the bundle scheme is registered as a secure standard scheme. */
export function registerBundleScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: BUNDLE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** App-wide: every renderer sandboxed; every webContents denied navigation, new windows and webviews. */
export function hardenApp(target: LoadTarget): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, target)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, target)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function cspFor(target: LoadTarget): string {
  return target.devServer ? developmentCsp(target.devServer.origin) : DESKTOP_CSP_HEADER;
}

async function serveBundleFile(request: Request, rendererDir: string, csp: string): Promise<Response> {
  const file = resolveBundleFile(request.url, rendererDir);
  const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file.path);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

/**
 * The default session is never used by a window (they all use the in-memory partition), but
 * Electron creates it regardless: it gets the same refusals, so nothing can use it either.
 */
export function hardenDefaultSession(): Session {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => {
    // The developer tools' own pages (development builds only) are the one thing allowed.
    const allowed = details.url.startsWith('devtools://');
    if (!allowed) console.warn(`Blocked a request from the default session: ${details.url}`);
    callback({ cancel: !allowed });
  });
  return ses;
}

/** The in-memory session every window uses, with everything locked down. */
export function hardenedSession(target: LoadTarget, rendererDir: string): Session {
  const ses = session.fromPartition(SESSION_PARTITION, { cache: false });
  const csp = cspFor(target);

  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.setSpellCheckerEnabled(false);
  ses.on('will-download', (event) => event.preventDefault());

  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, target);
    if (!allowed) console.warn(`Blocked a request that is not the app's own bundle: ${details.url}`);
    callback({ cancel: !allowed });
  });
  // The bundle protocol sets the header itself; this covers the dev server's responses.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });

  ses.protocol.handle(BUNDLE_SCHEME, (request) => serveBundleFile(request, rendererDir, csp));
  return ses;
}
