// `embargo workspace stale` and `embargo workspace refresh` through the real binary: exit 1
// while a branch is stale, JSON shapes, the interdiff printed for people.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { BIN } from '../helpers/cli.ts';
import { commitAll, git, write } from '../core/workspace/git-fixture.ts';

const text = (edit: (l: string[]) => void = () => {}) => {
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
  edit(lines);
  return `${lines.join('\n')}\n`;
};

describe('embargo workspace stale / refresh (CLI)', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let env: NodeJS.ProcessEnv;
  let vault: string;
  let upstream: string;
  const run = (json: boolean, ...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, '--vault', vault, ...(json ? ['--json'] : []), ...args], { env, encoding: 'utf8' });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    root = await tempDir('embargo-stale-cli-');
    const home = join(root.path, 'home');
    const tmp = join(root.path, 'tmp');
    for (const dir of [home, tmp]) mkdirSync(dir);
    vault = join(root.path, 'vault');
    env = { PATH: process.env.PATH, TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: 'stale cli passphrase' };
    upstream = join(root.path, 'upstream');
    git(root.path, ['init', '-q', '-b', 'main', upstream]);
    write(upstream, 'a.txt', text());
    commitAll(upstream, 'initial');
    git(upstream, ['tag', 'v2.0.0']);
    const fixRepo = join(root.path, 'fix');
    git(root.path, ['clone', '-q', upstream, fixRepo]);
    git(fixRepo, ['checkout', '-q', '-b', 'fix', 'v2.0.0']);
    write(fixRepo, 'a.txt', text((l) => (l[20] = 'line 21 fixed')));
    commitAll(fixRepo, 'fix line 21');
    git(fixRepo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v2.0.0..fix']);
  }, 60_000);

  afterAll(async () => root?.remove());

  it('exits 1 while a branch is stale and rebuilds it with refresh', () => {
    expect(run(true, 'vault', 'init').code).toBe(0);
    const id = String(JSON.parse(run(true, 'case', 'create', '--title', 'Stale', '--disclosed-at', '2026-01-10T09:00:00Z').stdout).id);
    for (const args of [
      ['workspace', 'import', id, '--upstream', upstream],
      ['workspace', 'fix', id, '--from', join(root.path, 'fix.bundle')],
      ['workspace', 'cherry-pick', id],
    ]) {
      const result = run(true, ...args);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(run(true, 'workspace', 'stale', id).code).toBe(0);
    write(upstream, 'a.txt', text((l) => (l[17] = 'line 18 moved upstream')));
    commitAll(upstream, 'upstream moves');
    expect(run(true, 'workspace', 'import', id, '--upstream', upstream).code).toBe(0);
    const stale = run(true, 'workspace', 'stale', id);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.stdout)).toMatchObject({ stale: 1, branches: [{ branch: 'main', state: 'moved', patchIdsSame: false }] });
    expect(run(false, 'workspace', 'stale', id).stdout).toContain('Upstream moved: 1 branch stale');
    const refreshed = run(false, 'workspace', 'refresh', id);
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(refreshed.stdout).toMatch(/^1: {2}[0-9a-f]{12} ! 1: {2}[0-9a-f]{12} fix line 21$/m);
    // no sender address in this vault: the branches are rebuilt, the draft is explained
    expect(refreshed.stdout).toContain('no draft was made');
    expect(run(true, 'workspace', 'stale', id).code).toBe(0);
  }, 240_000);
});
