// Exports as git makes them (issue 15, item 3): each test builds its repositories and asks
// real git (and gpg) in the same run.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { statusOf, tempGpg } from '../keyring/gpg.ts';
import { buildFix, buildUpstream, commitAll, git, gitStatus, write, GIT_ENV } from './git-fixture.ts';
import { spawnSync } from 'node:child_process';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const LEAD = { name: 'Fix Lead', email: 'lead@example.org' };

type Vault = Awaited<ReturnType<typeof freshVault>>;

describe('exports that git takes as its own', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let fix: { repo: string; commits: string[] };
  let vault: Vault;
  let caseId: string;

  beforeAll(async () => {
    root = await tempDir('embargo-gitexports-');
    upstream = buildUpstream(root.path);
    fix = buildFix(root.path, upstream, 'CANARY-gitexports');
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    caseId = (await vault.call('case.create', { title: 'exports', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('case.update', { id: caseId, edits: { cve: 'CVE-2026-41414' } });
    await vault.call('workspace.import', { id: caseId, upstream });
    await vault.call('workspace.fix', { id: caseId, from: join(root.path, 'fix.bundle') });
    await vault.call('workspace.releaseBranches', { id: caseId, minors: ['1.6'], committer: LEAD });
    // main conflicts with the fix (the fixture rewrote auth.go line 8 there); release-1.6 is clean
    await vault.call('workspace.cherryPick', { id: caseId, onto: ['main', 'release-1.6'], committer: LEAD });
  }, 120_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  it('export-bundle --full carries HEAD: git clone checks out a tree without a warning', async () => {
    const bundle = join(root.path, 'full.bundle');
    const out = await vault.call('workspace.exportBundle', { id: caseId, output: bundle, full: true });
    expect(out.refs.find((r) => r.name === 'HEAD')?.sha).toBe(git(upstream, ['rev-parse', 'main']).trim());
    expect(git(root.path, ['bundle', 'list-heads', bundle])).toMatch(/ HEAD$/m);
    const clone = join(root.path, 'full-clone');
    const cloned = spawnSync('git', ['clone', bundle, clone], { cwd: root.path, env: GIT_ENV, encoding: 'utf8' });
    expect(cloned.status, cloned.stderr).toBe(0);
    expect(cloned.stderr).not.toMatch(/warning|nonexistent ref|unable to checkout/i);
    expect(git(clone, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
    expect(git(clone, ['status', '--porcelain']).trim()).toBe('');
    expect(readFileSync(join(clone, 'pkg/kubelet/auth.go'), 'utf8')).toBe(git(upstream, ['show', 'main:pkg/kubelet/auth.go']));
    expect(gitStatus(clone, ['fsck', '--strict', '--no-dangling']).code).toBe(0);
  });

  it('export-patches exports the resolved branches, names the conflicted ones, and makes -o DIR', async () => {
    const status = await vault.call('workspace.status', { id: caseId });
    expect(status.branches.find((b) => b.branch === 'main')?.status).toBe('conflict');
    const dir = join(root.path, 'not', 'yet', 'there');
    expect(existsSync(dir)).toBe(false);
    const out = await vault.call('workspace.exportPatches', { id: caseId, output: dir });
    expect(out.leftOut).toEqual([{ branch: 'main', status: 'conflict' }]);
    expect(out.manifest.map((m) => m.branch).sort()).toEqual(['release-1.6', 'v1.6.1']);
    // git am applies each exported series onto its base
    for (const entry of out.manifest) {
      const branch = status.branches.find((b) => b.branch === entry.branch)!;
      const clone = join(root.path, `am-${entry.branch}`);
      git(root.path, ['clone', '-q', upstream, clone]);
      git(clone, ['checkout', '-q', '--detach', branch.base]);
      git(clone, ['am', '-q', join(dir, entry.file)]);
      expect(git(clone, ['rev-list', '--count', `${branch.base}..HEAD`]).trim()).toBe(String(entry.commits.length));
    }
    // only the conflicted branch: refused, nothing written
    const lone = join(root.path, 'lone');
    await expect(vault.call('workspace.exportPatches', { id: caseId, output: lone, branches: ['main'] })).rejects.toMatchObject({ code: 'Conflict' });
    expect(existsSync(lone)).toBe(false);
  });

  it('--encrypt-to without --sign encrypts without an own key, and gpg decrypts it', async () => {
    const gpg = await tempGpg();
    const bare = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    try {
      const distributor = gpg.generate('Distro Security <security@distro.example>', 'ed25519', 'cv25519');
      await bare.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', distributor]).stdout.toString('utf8') } });
      await bare.call('keyring.verify', { fingerprint: distributor });
      const id = (await bare.call('case.create', { title: 'no own key', disclosedAt: '2026-01-10T09:00:00Z' })).id;
      await bare.call('workspace.import', { id, upstream });
      await bare.call('workspace.fix', { id, from: join(root.path, 'fix.bundle') });
      await bare.call('workspace.releaseBranches', { id, minors: ['1.6'], committer: LEAD });
      const dir = join(root.path, 'sealed-no-key');
      const out = await bare.call('workspace.exportPatches', { id, output: dir, encryptTo: [distributor] });
      expect(out.files.map((f) => f.split('/').pop()).sort()).toEqual([`${id}_v1.6.1.patch.asc`, 'MANIFEST.json.asc']);
      for (const file of out.files) {
        const plain = gpg.ok(['--decrypt'], readFileSync(file));
        expect(statusOf(plain, 'DECRYPTION_OKAY')).toHaveLength(1);
        expect(statusOf(plain, 'GOODSIG')).toHaveLength(0);
      }
      const bundle = join(root.path, 'sealed-no-key.bundle.asc');
      await bare.call('workspace.exportBundle', { id, output: bundle, encryptTo: [distributor] });
      const plain = gpg.ok(['--decrypt'], readFileSync(bundle));
      expect(plain.stdout.subarray(0, 15).toString('latin1')).toBe('# v2 git bundle');
    } finally {
      await bare.cleanup();
      await gpg.cleanup();
    }
  });

  it('an upstream with only loose objects reports the count git counts', async () => {
    const repo = join(root.path, 'loose');
    mkdirSync(repo);
    git(repo, ['init', '-q', '-b', 'main']);
    write(repo, 'a.txt', 'one\n');
    write(repo, 'dir/b.txt', 'two\n');
    commitAll(repo, 'first');
    write(repo, 'a.txt', 'one, changed\n');
    commitAll(repo, 'second');
    const counted = Object.fromEntries(
      git(repo, ['count-objects', '-v'])
        .trim()
        .split('\n')
        .map((l) => l.split(': ') as [string, string]),
    );
    expect(counted['in-pack']).toBe('0');
    expect(Number(counted.count)).toBeGreaterThan(0);
    const id = (await vault.call('case.create', { title: 'loose', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    const summary = await vault.call('workspace.import', { id, upstream: repo });
    expect(summary.objects).toBe(Number(counted.count) + Number(counted['in-pack']));
    // and after a partial repack: packed plus the loose ones left
    write(repo, 'c.txt', 'three\n');
    git(repo, ['repack', '-d', '-q']);
    commitAll(repo, 'third');
    const after = Object.fromEntries(
      git(repo, ['count-objects', '-v'])
        .trim()
        .split('\n')
        .map((l) => l.split(': ') as [string, string]),
    );
    const again = await vault.call('workspace.import', { id, upstream: repo });
    expect(again.objects).toBe(Number(after.count) + Number(after['in-pack']));
  });
});
