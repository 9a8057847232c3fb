// `embargo workspace commitment|release-check|install-hook` and `embargo advisory transparency`
// through the real binary: JSON shapes, exit codes and the stable error code before the
// Release Date.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.ts';
import { BIN } from '../helpers/cli.ts';
import { buildFix, buildUpstream, git } from '../core/workspace/git-fixture.ts';

describe('embargo commitment commands (CLI)', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let env: NodeJS.ProcessEnv;
  let vault: string;
  let upstream: string;
  let inputs: string;

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, '--vault', vault, '--json', ...args], { env, encoding: 'utf8' });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) as Record<string, unknown> };
  };
  const ok = (...args: string[]) => {
    const result = run(...args);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result.json();
  };

  beforeAll(async () => {
    root = await tempDir('embargo-commit-cli-');
    const home = join(root.path, 'home');
    inputs = join(root.path, 'inputs');
    for (const dir of [home, inputs]) mkdirSync(dir);
    vault = join(root.path, 'vault');
    env = { PATH: process.env.PATH, TMPDIR: root.path, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: 'commitment cli passphrase' };
    upstream = buildUpstream(inputs);
    const fix = buildFix(inputs, upstream, 'CANARY-commit-cli');
    git(fix.repo, ['bundle', 'create', '-q', join(inputs, 'fix.bundle'), 'v1.6.0..fix']);
  }, 60_000);

  afterAll(async () => root?.remove());

  it('shows no commitment yet, refuses transparency before the Release Date, installs the hook', () => {
    ok('vault', 'init');
    const id = String(ok('case', 'create', '--title', 'Token bypass', '--disclosed-at', '2026-01-10T09:00:00Z').id);
    ok('case', 'set', id, '--cve', 'CVE-2026-7171');
    ok('workspace', 'import', id, '--upstream', upstream);
    ok('workspace', 'fix', id, '--from', join(inputs, 'fix.bundle'));
    expect(ok('workspace', 'commitment', id)).toMatchObject({ recorded: false, branches: [], deliveries: [] });
    const out = join(root.path, 'public');
    const refused = run('advisory', 'transparency', id, '--out', out);
    expect(refused.code).not.toBe(0);
    expect(refused.json()).toMatchObject({ error: { code: 'EmbargoActive' } });
    expect(existsSync(out)).toBe(false);
    const noCommitment = run('workspace', 'release-check', id, '--merged', join(inputs, 'fix.bundle'));
    expect(noCommitment.code).not.toBe(0);
    expect(noCommitment.json()).toMatchObject({ error: { code: 'WorkspaceNotReady' } });
    const clone = join(root.path, 'public-clone');
    git(root.path, ['clone', '-q', upstream, clone]);
    const hook = ok('workspace', 'install-hook', id, '--repo', clone, '--word', 'bluebottle');
    expect(hook).toMatchObject({ hook: join(clone, '.git', 'hooks', 'pre-push'), words: 2, releaseDate: null });
    expect(Number(hook.patchIds)).toBe(3);
  });
});
