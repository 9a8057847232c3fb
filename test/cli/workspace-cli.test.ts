// `embargo workspace …` end to end through the real binary: JSON shapes per CLI.md, exit
// codes, and the canary: after a full workflow with a unique string in the fix, no file under
// the vault, TMPDIR, HOME or the upstream clone holds it, raw or inside a zlib stream.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanary, makeCanary } from '../helpers/canary.ts';
import { tempDir } from '../helpers/core.ts';
import { BIN } from '../helpers/cli.ts';
import { buildFix, buildUpstream, git, gitStatus } from '../core/workspace/git-fixture.ts';

describe('embargo workspace (CLI)', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  const canary = makeCanary();
  let env: NodeJS.ProcessEnv;
  let vault: string;
  let upstream: string;
  let inputs: string;
  let exportsDir: string;
  let fixCommits: string[];

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
    root = await tempDir('embargo-ws-cli-');
    const tmp = join(root.path, 'tmp');
    const home = join(root.path, 'home');
    inputs = join(root.path, 'inputs');
    exportsDir = join(root.path, 'exports');
    for (const dir of [tmp, home, inputs, exportsDir]) mkdirSync(dir);
    vault = join(root.path, 'vault');
    env = { PATH: process.env.PATH, TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: 'workspace cli passphrase' };
    upstream = buildUpstream(inputs);
    const fix = buildFix(inputs, upstream, canary);
    fixCommits = fix.commits;
    git(fix.repo, ['bundle', 'create', '-q', join(inputs, 'fix.bundle'), 'v1.6.0..fix']);
    // the working clone of the fix is the Fix Team's, not ours: remove it from the search
    git(inputs, ['clone', '-q', '--bare', upstream, join(inputs, 'pristine.git')]);
  }, 60_000);

  afterAll(async () => root?.remove());

  it('runs a full workflow with the JSON shapes of CLI.md and leaves no canary outside the vault', async () => {
    ok('vault', 'init');
    const id = String(ok('case', 'create', '--title', 'Token bypass', '--disclosed-at', '2026-01-10T09:00:00Z').id);
    ok('case', 'set', id, '--cve', 'CVE-2026-4242');
    const imported = ok('workspace', 'import', id, '--upstream', upstream);
    expect(imported).toMatchObject({ kind: 'clone', defaultBranch: 'refs/heads/main' });
    const fix = ok('workspace', 'fix', id, '--from', join(inputs, 'fix.bundle'));
    expect(fix.commits).toEqual(fixCommits);
    const lgtm = ok('workspace', 'lgtm', id, fixCommits[0]!.slice(0, 10), '--by', 'alice');
    expect(lgtm.approvals).toEqual([expect.objectContaining({ by: 'alice', owner: true })]);
    const branches = ok('workspace', 'release-branches', id, '--minor', '1.6', '--committer', 'Fix Lead <lead@example.org>');
    expect(branches.branches).toEqual([expect.objectContaining({ name: 'v1.6.1', from: 'v1.6.0' })]);
    const picked = run('workspace', 'cherry-pick', id, '--onto', 'release-1.6', '--onto', 'main');
    expect(picked.code).toBe(1); // main conflicts
    const perBranch = JSON.parse(picked.stdout) as { branch: string; commits: string[]; conflicts: unknown[] }[];
    expect(perBranch.map((b) => b.branch)).toEqual(['release-1.6', 'main']);
    expect(perBranch[0]!.commits).toHaveLength(3);
    expect(perBranch[1]!.conflicts.length).toBeGreaterThan(0);
    const patches = ok('workspace', 'export-patches', id, '--branch', 'v1.6.1', '-o', exportsDir);
    expect(patches.files).toEqual([join(exportsDir, '4242_v1.6.1.patch')]);
    const bundle = ok('workspace', 'export-bundle', id, '-o', join(exportsDir, 'case.bundle'));
    expect(bundle.output).toBe(join(exportsDir, 'case.bundle'));
    expect(gitStatus(join(inputs, 'pristine.git'), ['bundle', 'verify', join(exportsDir, 'case.bundle')]).code).toBe(0);
    const lint = run('workspace', 'lint', id, '--word', canary);
    expect(lint.code).toBe(1);
    const status = ok('workspace', 'status', id);
    expect((status.branches as unknown[]).length).toBe(4);
    expect(ok('vault', 'verify').ok).toBe(true);

    // The canary is in the fix (code and messages): it must not be anywhere but in sealed files.
    const hits = await findCanary(canary, [vault, env.TMPDIR!, env.HOME!, upstream, join(inputs, 'pristine.git')]);
    expect(hits).toEqual([]);
    // and the search does see it where it is plain: the exported patches
    expect((await findCanary(canary, [exportsDir])).length).toBeGreaterThan(0);
  }, 60_000);

  it('gives typed errors and exit 1 for bad input, changing nothing', () => {
    const id = String(ok('case', 'create', '--title', 'Second', '--disclosed-at', '2026-01-10T09:00:00Z').id);
    const noUpstream = run('workspace', 'fix', id, '--from', join(inputs, 'fix.bundle'));
    expect(noUpstream.code).toBe(1);
    expect(noUpstream.json()).toMatchObject({ error: { code: 'WorkspaceNotReady' } });
    writeFileSync(join(inputs, 'junk.bundle'), '# v2 git bundle\nnot a ref line\n\nPACK');
    ok('workspace', 'import', id, '--upstream', upstream);
    const junk = run('workspace', 'fix', id, '--from', join(inputs, 'junk.bundle'));
    expect(junk.json()).toMatchObject({ error: { code: 'BundleInvalid' } });
    const notRepo = run('workspace', 'import', id, '--upstream', inputs);
    expect(notRepo.json()).toMatchObject({ error: { code: 'NotARepository' } });
    const status = ok('workspace', 'status', id);
    expect(status.fix).toBeNull();
    const usage = run('workspace', 'lgtm', id, 'zz', '--by', 'x');
    expect(usage.code).toBe(2);
  }, 60_000);
});
