// Crash dumps hold the process's memory: an unlocked vault's keys, open case data. Embargo never
// starts the crash reporter (nothing calls crashReporter.start), and in case Chromium writes a
// dump anyway, its directory is a private one inside Embargo's own data directory, emptied at
// every start and every quit — never the system's shared crash directory.
import { mkdirSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

export const CRASH_DUMPS_DIR = 'crash-dumps';

/** Empties (or creates) the private crash-dump directory, mode 0700, and returns it. */
export function wipeCrashDumps(userDataDir: string): string {
  const dir = join(userDataDir, CRASH_DUMPS_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  return dir;
}

export interface CrashDumpApp {
  setPath(name: 'crashDumps', path: string): void;
  on(event: 'will-quit', listener: () => void): unknown;
}

/** Points Electron's crash dumps at the private directory and wipes it now and at quit. */
export function confineCrashDumps(app: CrashDumpApp, userDataDir: string): string {
  const dir = wipeCrashDumps(userDataDir);
  app.setPath('crashDumps', dir);
  app.on('will-quit', () => {
    wipeCrashDumps(userDataDir);
  });
  return dir;
}
