// Finds the Electron binary the way the electron package would, without ever requiring
// `electron` itself: its index.js downloads the binary when it is missing, and this machine
// (and any air-gapped one) must never try that. Used by `npm start` and the Electron E2E project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ElectronBinary {
  path: string | null;
  /** Why there is none, in words for the skip message. */
  reason: string;
}

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return existsSync(path) ? { path, reason: '' } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at ${path}` };
  }
  if (!relative) {
    return {
      path: null,
      reason:
        'no Electron binary is installed (node_modules/electron/path.txt is missing: ELECTRON_SKIP_BINARY_DOWNLOAD or an offline install). ' +
        'Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run the desktop app',
    };
  }
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? { path, reason: '' } : { path: null, reason: `the Electron binary ${path} is missing` };
}
