// Maps an app://bundle/... URL to a file of the built renderer, refusing anything outside it.
// Pure (no Electron) so the refusals are unit-tested.
import { extname, resolve, sep } from 'node:path';
import { BUNDLE_ORIGIN, originOf } from './security/policy.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface BundleFile {
  path: string;
  contentType: string;
}

/** The file an app:// URL names inside `rootDir`, or null when it is not a file of the bundle. */
export function resolveBundleFile(url: string, rootDir: string): BundleFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (originOf(parsed) !== BUNDLE_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) return null;
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return null;
  return { path, contentType };
}
