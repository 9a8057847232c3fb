// A full disk (ENOSPC) during writes: a real, tiny tmpfs mounted in a private mount namespace
// (`unshare --mount`, as root: CI runs as root) holds the vault. Writes are made until the disk
// is full and some fail; every failed write must have changed nothing, every acknowledged one
// must be there after reopening, and the vault must verify clean.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';

const script = join(import.meta.dirname, 'fixtures', 'full-disk-run.ts');
const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']);
const canMount = probe.status === 0 && process.getuid?.() === 0;

describe('full disk', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    root = await tempDir('embargo-full-disk-');
  });
  afterAll(async () => root?.remove());

  it.skipIf(!canMount)('a write that meets ENOSPC changes nothing; every acknowledged write survives', () => {
    const node = `${process.execPath} --import tsx ${script} ${root.path}`;
    const run = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=512k,mode=0700 embargo-full ${root.path} && exec ${node}`], {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..', '..'),
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      failures: string[];
      acked: Record<'notes' | 'people' | 'members', string[]>;
      refused: Record<'notes' | 'people' | 'members', string[]>;
      after: { verify: { ok: boolean; problems: unknown[] }; notes: string[]; people: string[]; members: string[]; sameProcessNotes: number };
    };
    // The disk did fill: writes failed, with the disk named in a coded error.
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures.every((failure) => failure.startsWith('DiskFull: There is no space left'))).toBe(true);
    // Writes succeeded on both sides of the failures.
    for (const list of ['notes', 'people', 'members'] as const) {
      expect(report.acked[list].length, list).toBeGreaterThan(0);
      expect(report.refused[list].length, list).toBeGreaterThan(0);
    }
    expect(report.after.verify).toEqual({ ok: true, checkedFiles: expect.any(Number), problems: [] });
    expect(report.after.notes).toEqual(report.acked.notes);
    expect(report.after.sameProcessNotes).toBe(report.acked.notes.length);
    expect(new Set(report.after.people)).toEqual(new Set(report.acked.people));
    expect(report.after.members).toEqual(report.acked.members);
  });
});
