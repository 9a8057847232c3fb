// Crash dumps never leave Embargo's own data directory and never outlive a run: the directory
// is private (0700) and emptied at start and at quit.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confineCrashDumps } from '../../src/main/security/crash-dumps.ts';
import { tempDir } from '../helpers/core.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('confineCrashDumps', () => {
  it('points crashDumps at a private directory inside userData, emptied now and at quit', async () => {
    const root = await tempDir();
    cleanups.push(root.remove);
    const userData = join(root.path, 'Embargo');
    mkdirSync(join(userData, 'crash-dumps', 'pending'), { recursive: true, mode: 0o755 });
    writeFileSync(join(userData, 'crash-dumps', 'pending', 'old.dmp'), 'memory of an earlier run');
    const paths = new Map<string, string>();
    const listeners = new Map<string, () => void>();
    const app = { setPath: (name: string, path: string) => paths.set(name, path), on: (event: string, listener: () => void) => listeners.set(event, listener) };

    const dir = confineCrashDumps(app, userData);
    expect(dir).toBe(join(userData, 'crash-dumps'));
    expect(paths.get('crashDumps')).toBe(dir);
    expect(readdirSync(dir)).toEqual([]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    writeFileSync(join(dir, 'new.dmp'), 'memory of this run');
    listeners.get('will-quit')?.();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
