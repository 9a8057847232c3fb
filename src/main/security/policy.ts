// The security decisions of the main process, as pure functions so that they are unit-tested
// without Electron (test/main/policy.test.ts). Electron wiring lives in harden.ts and ipc.ts;
// whatever they allow or refuse is decided here.
import type { WebPreferences } from 'electron';

/** The app's own bundle is served from this privileged scheme and host, never from file://. */
export const BUNDLE_SCHEME = 'app';
export const BUNDLE_HOST = 'bundle';
export const BUNDLE_ORIGIN = `${BUNDLE_SCHEME}://${BUNDLE_HOST}`;
export const BUNDLE_ENTRY_URL = `${BUNDLE_ORIGIN}/index.html`;

/** No `persist:` prefix: cookies, caches and storage live in memory and die with the app. */
export const SESSION_PARTITION = 'embargo';

export interface LoadTarget {
  /** The URL the window loads. */
  entryUrl: string;
  /** The origin every allowed request and every allowed IPC sender must have. */
  origin: string;
  /** Set in development only: the electron-vite dev server, which also needs its HMR socket. */
  devServer: URL | null;
}

/**
 * Where the renderer comes from: the bundled files through the app scheme, or, when
 * electron-vite runs in dev mode (it sets ELECTRON_RENDERER_URL), its loopback dev server.
 * A dev server URL that is not loopback http is refused: it would let the network in.
 */
export function loadTarget(devServerUrl: string | undefined, isPackaged: boolean): LoadTarget {
  if (!isPackaged && devServerUrl) {
    const url = new URL(devServerUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'http:' || !loopback) {
      throw new Error(`Refusing a renderer dev server that is not on loopback http: ${devServerUrl}`);
    }
    return { entryUrl: url.href, origin: originOf(url), devServer: url };
  }
  return { entryUrl: BUNDLE_ENTRY_URL, origin: BUNDLE_ORIGIN, devServer: null };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * scheme://host[:port]. Not URL.origin: for a scheme Node's URL does not know as special
 * (our app:), URL.origin is the string "null", which would make every app: URL look alike.
 */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * Is a web request one the app may make? Only its own bundle (and in dev the dev server,
 * including its HMR websocket), plus inline data: URLs, which never leave the process.
 * Everything else — http(s) anywhere, file://, ftp, other schemes — is cancelled.
 */
export function isAllowedRequest(url: string, target: LoadTarget): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return true;
  if (originOf(parsed) === BUNDLE_ORIGIN && target.devServer === null) return true;
  if (target.devServer) {
    if (parsed.protocol === 'http:' && parsed.host === target.devServer.host) return true;
    if (parsed.protocol === 'ws:' && parsed.host === target.devServer.host) return true;
  }
  return false;
}

/** Navigation never leaves the loaded page: a reload of the entry URL is the one exception. */
export function isAllowedNavigation(url: string, target: LoadTarget): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const entry = new URL(target.entryUrl);
  return originOf(parsed) === originOf(entry) && parsed.pathname === entry.pathname;
}

export interface SenderFacts {
  /** The frame that sent the IPC message; null when it was destroyed or navigated away. */
  frameUrl: string | null | undefined;
  /** Is the frame the top-level frame of the window (no iframe)? */
  isMainFrame: boolean;
  /** Did the message come from the webContents of our own window? */
  isOurWindow: boolean;
}

/** Every IPC call is checked: our window, its main frame, a page of our own bundle. */
export function isAllowedSender(sender: SenderFacts, target: LoadTarget): boolean {
  if (!sender.isOurWindow || !sender.isMainFrame || !sender.frameUrl) return false;
  const parsed = parse(sender.frameUrl);
  return parsed !== null && originOf(parsed) === target.origin;
}

/** The one set of web preferences every window gets. */
export function secureWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    partition: SESSION_PARTITION,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    safeDialogs: true,
    spellcheck: false,
    // A middle click on a link would ask for a new window (refused anyway by the open handler).
    disableBlinkFeatures: 'Auxclick',
    devTools: allowDevTools,
  };
}
