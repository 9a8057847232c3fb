// The whole workspace against real git: import, fix (bundle and mbox), cherry-picks compared
// with `git cherry-pick`, series that `git am` applies to the same tree, bundles git accepts,
// patch-ids equal to `git patch-id --stable`, fsck --strict on everything we write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { buildFix, buildUpstream, git, gitStatus } from './git-fixture.ts';
import { statusOf, tempGpg } from '../keyring/gpg.ts';
import { createHash } from 'node:crypto';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const CANARY = 'CANARY-workspace-0f3c9e';

type Vault = Awaited<ReturnType<typeof freshVault>>;

describe('workspace against real git', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let fix: { repo: string; commits: string[] };
  let vault: Vault;
  let caseId: string;

  beforeAll(async () => {
    root = await tempDir('embargo-ws-');
    upstream = buildUpstream(root.path);
    fix = buildFix(root.path, upstream, CANARY);
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    writeFileSync(join(root.path, 'fix.mbox'), git(fix.repo, ['format-patch', '--stdout', 'v1.6.0..fix']));
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    const opened = await vault.call('case.create', { title: 'Kubelet token bypass', disclosedAt: '2026-01-10T09:00:00Z' });
    caseId = opened.id;
    await vault.call('case.update', { id: caseId, edits: { cve: 'CVE-2026-31337' } });
  }, 60_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  it('imports a clone in place and reads its refs', async () => {
    const summary = await vault.call('workspace.import', { id: caseId, upstream });
    expect(summary.kind).toBe('clone');
    expect(summary.defaultBranch).toBe('refs/heads/main');
    expect(summary.tags).toBe(6);
    expect(summary.branches).toBe(3);
  });

  it('imports the fix from a bundle with the exact commit ids', async () => {
    const out = await vault.call('workspace.fix', { id: caseId, from: join(root.path, 'fix.bundle') });
    expect(out.commits).toEqual(fix.commits);
    expect(out.base).toBe(git(upstream, ['rev-parse', 'v1.6.0^{commit}']).trim());
  });

  it('imports the same fix from an mbox exactly as git am does', async () => {
    const other = await vault.call('case.create', { title: 'mbox twin', disclosedAt: '2026-01-10T09:00:00Z' });
    await vault.call('workspace.import', { id: other.id, upstream });
    const ours = await vault.call('workspace.fix', { id: other.id, from: join(root.path, 'fix.mbox'), base: 'v1.6.0' });
    const clone = join(root.path, 'am-twin');
    git(root.path, ['clone', '-q', upstream, clone]);
    git(clone, ['checkout', '-q', '--detach', 'v1.6.0']);
    // git am with the committer equal to each author (our default) and the author's date.
    const mbox = readFileSync(join(root.path, 'fix.mbox'));
    const shas: string[] = [];
    for (const mail of mbox.toString('latin1').split(/(?=^From [0-9a-f]{40} )/m)) {
      const author = /^From: (.*) <(.*)>$/m.exec(Buffer.from(mail, 'latin1').toString('utf8'))!;
      const name = author[1]!.startsWith('=?') ? 'José Fixer' : author[1]!;
      git(clone, ['am', '-q', '--committer-date-is-author-date'], { input: Buffer.from(mail, 'latin1'), env: { GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: author[2]! } });
      shas.push(git(clone, ['rev-parse', 'HEAD']).trim());
    }
    expect(ours.commits).toEqual(shas);
    // the trees equal the original fix's
    for (const [i, sha] of ours.commits.entries()) {
      expect(git(clone, ['rev-parse', `${sha}^{tree}`]).trim()).toBe(git(fix.repo, ['rev-parse', `${fix.commits[i]}^{tree}`]).trim());
    }
  });

  it('suggests the Fix Team from OWNERS and completes only with owner LGTMs', async () => {
    let status = await vault.call('workspace.status', { id: caseId });
    const first = status.fix!.commits[0]!;
    expect(first.owners.approvers).toEqual(['alice', 'bob', 'root-approver']);
    expect(first.owners.reviewers).toEqual(['carol', 'root-reviewer']);
    const third = status.fix!.commits[2]!;
    expect(third.owners.approvers).toContain('dave'); // pkg/secure has no_parent_owners
    expect(status.suggestedFixTeam).toContain('alice');
    expect(status.fixComplete).toBe(false);
    const stranger = await vault.call('workspace.lgtm', { id: caseId, commit: first.sha.slice(0, 8), by: 'mallory' });
    expect(stranger.approved).toBe(false);
    await vault.call('workspace.lgtm', { id: caseId, commit: first.sha, by: 'alice' });
    await vault.call('workspace.lgtm', { id: caseId, commit: status.fix!.commits[1]!.sha, by: 'root-reviewer' });
    const last = await vault.call('workspace.lgtm', { id: caseId, commit: third.sha, by: '@dave' });
    expect(last.fixComplete).toBe(true);
    status = await vault.call('workspace.status', { id: caseId });
    expect(status.fixComplete).toBe(true);
    const timeline = await vault.call('case.timeline', { id: caseId });
    expect(timeline.filter((e) => e.type === 'workspace.lgtm')).toHaveLength(4);
  });

  it('creates patch-release branches from the latest patch tags, matching git cherry-pick', async () => {
    const out = await vault.call('workspace.releaseBranches', { id: caseId, minors: ['1.6'], committer: { name: 'Fix Lead', email: 'lead@example.org' } });
    expect(out.branches.map((b) => [b.name, b.from])).toEqual([['v1.6.1', 'v1.6.0']]);
    expect(out.branches[0]!.status).toBe('clean');
    expect(out.branches[0]!.pinned).toBe(true);
    const tip = out.branches[0]!.tip;
    const clone = join(root.path, 'pick-1.6');
    git(root.path, ['clone', '-q', upstream, clone]);
    git(fix.repo, ['push', '-q', clone, 'fix:refs/heads/the-fix']);
    git(clone, ['checkout', '-q', '--detach', 'v1.6.0']);
    git(clone, ['cherry-pick', ...fix.commits]);
    expect(await treeOf(tip)).toBe(git(clone, ['rev-parse', 'HEAD^{tree}']).trim());
  });

  let treeCalls = 0;
  async function treeOf(commit: string): Promise<string> {
    const dir = join(root.path, `bundle-${(treeCalls += 1)}`);
    mkdirSync(dir, { recursive: true });
    const bundle = join(dir, 'b.bundle');
    await vault.call('workspace.exportBundle', { id: caseId, output: bundle });
    const clone = join(dir, 'clone');
    git(root.path, ['clone', '-q', upstream, clone]);
    git(clone, ['fetch', '-q', bundle, 'refs/heads/*:refs/remotes/case/*']);
    return git(clone, ['rev-parse', `${commit}^{tree}`]).trim();
  }

  it('cherry-picks onto main and release branches: clean where git is clean, conflicts where git conflicts', async () => {
    const results = await vault.call('workspace.cherryPick', { id: caseId, onto: ['main', 'release-1.6', 'release-1.5'], committer: { name: 'Fix Lead', email: 'lead@example.org' } });
    const byName = new Map(results.map((r) => [r.branch, r]));
    for (const target of ['main', 'release-1.6', 'release-1.5']) {
      const clone = join(root.path, `git-pick-${target}`);
      git(root.path, ['clone', '-q', upstream, clone]);
      git(fix.repo, ['push', '-q', clone, 'fix:refs/heads/the-fix']);
      git(clone, ['checkout', '-q', '--detach', `origin/${target}`]);
      let gitConflict: string | null = null;
      for (const sha of fix.commits) {
        const r = gitStatus(clone, ['cherry-pick', sha]);
        if (r.code !== 0) {
          gitConflict = git(clone, ['diff', '--name-only', '--diff-filter=U']).trim();
          break;
        }
      }
      const ours = byName.get(target)!;
      if (gitConflict === null) {
        expect(ours.status, target).toBe('clean');
        expect(await treeOf(ours.tip)).toBe(git(clone, ['rev-parse', 'HEAD^{tree}']).trim());
      } else {
        expect(ours.status, target).toBe('conflict');
        expect(ours.conflicts.map((c) => c.path).sort().join('\n')).toBe(gitConflict.split('\n').sort().join('\n'));
        expect(ours.conflicts[0]!.hunks.length).toBeGreaterThan(0);
      }
    }
    expect(byName.get('main')!.status).toBe('conflict');
    expect(byName.get('release-1.6')!.status).toBe('clean');
  });

  it('keeps pinned branches and flags a forced change', async () => {
    const before = (await vault.call('workspace.status', { id: caseId })).branches.find((b) => b.branch === 'release-1.6')!;
    const again = await vault.call('workspace.cherryPick', { id: caseId, onto: ['release-1.6'] });
    expect(again[0]!.tip).toBe(before.tip);
    expect(again[0]!.pinChanges).toEqual([]);
  });

  it('exports patch series that git am applies to the same trees, with git-compatible patch-ids', async () => {
    const out = join(root.path, 'patches');
    mkdirSync(out);
    const status = await vault.call('workspace.status', { id: caseId });
    const clean = status.branches.filter((b) => b.kind !== 'fix' && b.status === 'clean');
    const result = await vault.call('workspace.exportPatches', { id: caseId, output: out, branches: clean.map((b) => b.branch) });
    expect(result.files.map((f) => f.split('/').pop()).sort()).toEqual(['31337_v1.6.1.patch', '31337_v1.6.patch'].sort());
    for (const branch of clean) {
      const file = result.files.find((f) => f.endsWith(branch.branch === 'v1.6.1' ? '_v1.6.1.patch' : '_v1.6.patch'))!;
      const clone = join(root.path, `am-${branch.branch}`);
      git(root.path, ['clone', '-q', upstream, clone]);
      git(clone, ['checkout', '-q', '--detach', branch.base]);
      git(clone, ['am', '-q', file]);
      expect(git(clone, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(await treeOf(branch.tip));
      // the applied series passes git's strictest checks, and a fetch of it with transfer.fsckObjects
      expect(gitStatus(clone, ['fsck', '--strict', '--no-dangling']).code).toBe(0);
      const receiver = join(root.path, `patch-receiver-${branch.branch}`);
      git(root.path, ['init', '-q', '--bare', receiver]);
      const fetched = gitStatus(receiver, ['-c', 'transfer.fsckObjects=true', 'fetch', '-q', clone, 'HEAD:refs/heads/applied']);
      expect(fetched.code, fetched.stderr).toBe(0);
      const gitIds = git(clone, ['patch-id', '--stable'], { input: readFileSync(file) })
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]);
      const manifest = result.manifest.find((m) => m.branch === branch.branch)!;
      expect(manifest.patchIds).toEqual(gitIds);
      // and equal to git's own format-patch of the commits we built
      const own = git(clone, ['format-patch', '--stdout', `${branch.base}..HEAD`]);
      const ownIds = git(clone, ['patch-id', '--stable'], { input: own }).trim().split('\n').map((l) => l.split(' ')[0]);
      expect(manifest.patchIds).toEqual(ownIds);
    }
    const timeline = await vault.call('case.timeline', { id: caseId });
    expect(timeline.some((e) => e.type === 'workspace.exported')).toBe(true);
  });

  it('exports patches encrypted and signed to a distributor: gpg decrypts them, git am applies them, the manifest is signed', async () => {
    const gpg = await tempGpg();
    try {
      const distributor = gpg.generate('Distro Security <security@distro.example>', 'ed25519', 'cv25519');
      const own = await vault.call('keyring.generate', { name: 'Fix Lead', email: 'lead@example.org', expiresInDays: null });
      gpg.ok(['--import'], (await vault.call('keyring.exportPublic', { fingerprint: own.fingerprint })).armored);
      await vault.call('keyring.import', { data: { text: gpg.ok(['--armor', '--export', distributor]).stdout.toString('utf8') } });
      await vault.call('keyring.verify', { fingerprint: distributor });

      const out = join(root.path, 'sealed');
      mkdirSync(out);
      const status = await vault.call('workspace.status', { id: caseId });
      const branch = status.branches.find((b) => b.branch === 'v1.6.1')!;
      const result = await vault.call('workspace.exportPatches', { id: caseId, output: out, branches: ['v1.6.1'], encryptTo: [distributor], sign: true });
      expect(result.files.map((f) => f.split('/').pop()).sort()).toEqual(['31337_v1.6.1.patch.asc', 'MANIFEST.json.asc']);
      for (const file of result.files) expect(readFileSync(file, 'utf8')).not.toContain(CANARY);

      const patch = gpg.ok(['--decrypt'], readFileSync(result.files.find((f) => f.endsWith('.patch.asc'))!));
      expect(statusOf(patch, 'GOODSIG')[0]).toContain('Fix Lead');
      const clone = join(root.path, 'am-sealed');
      git(root.path, ['clone', '-q', upstream, clone]);
      git(clone, ['checkout', '-q', '--detach', branch.base]);
      git(clone, ['am', '-q'], { input: patch.stdout });
      expect(git(clone, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(await treeOf(branch.tip));

      const manifest = gpg.ok(['--decrypt'], readFileSync(join(out, 'MANIFEST.json.asc')));
      expect(statusOf(manifest, 'GOODSIG')).toHaveLength(1);
      const listed = JSON.parse(manifest.stdout.toString('utf8')) as { files: { file: string; sha256: string }[] };
      expect(listed.files).toEqual([expect.objectContaining({ file: '31337_v1.6.1.patch', sha256: createHash('sha256').update(patch.stdout).digest('hex') })]);

      const clear = join(root.path, 'signed-clear');
      mkdirSync(clear);
      await vault.call('workspace.exportPatches', { id: caseId, output: clear, branches: ['v1.6.1'], sign: true });
      const verified = gpg.ok(['--verify', join(clear, 'MANIFEST.json.sig'), join(clear, 'MANIFEST.json')]);
      expect(statusOf(verified, 'GOODSIG')).toHaveLength(1);
    } finally {
      await gpg.cleanup();
    }
  });

  it('exports a bundle that git bundle verify accepts, fetches, and fsck --strict finds clean', async () => {
    const bundle = join(root.path, 'case.bundle');
    const out = await vault.call('workspace.exportBundle', { id: caseId, output: bundle });
    expect(out.prerequisites.length).toBeGreaterThan(0);
    const clone = join(root.path, 'verify-clone');
    git(root.path, ['clone', '-q', '--mirror', upstream, clone]);
    expect(gitStatus(clone, ['bundle', 'verify', bundle]).code).toBe(0);
    const fetched = gitStatus(clone, ['-c', 'transfer.fsckObjects=true', 'fetch', '-q', bundle, 'refs/heads/*:refs/heads/case/*']);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(gitStatus(clone, ['fsck', '--strict', '--no-dangling']).code).toBe(0);
    expect(git(clone, ['rev-parse', 'refs/heads/case/fix']).trim()).toBe(fix.commits[2]);
  });

  it('exports a full bundle that git clone accepts on its own', async () => {
    const bundle = join(root.path, 'full.bundle');
    await vault.call('workspace.exportBundle', { id: caseId, output: bundle, full: true });
    const clone = join(root.path, 'full-clone');
    const r = gitStatus(root.path, ['-c', 'transfer.fsckObjects=true', 'clone', '-q', bundle, clone]);
    expect(r.code, r.stderr).toBe(0);
    expect(gitStatus(clone, ['fsck', '--strict', '--no-dangling']).code).toBe(0);
    const receiver = join(root.path, 'full-receiver');
    git(root.path, ['init', '-q', '--bare', receiver]);
    const fetched = gitStatus(receiver, ['-c', 'transfer.fsckObjects=true', 'fetch', '-q', bundle, 'refs/heads/*:refs/heads/*']);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(git(clone, ['rev-parse', 'origin/fix']).trim()).toBe(fix.commits[2]);
  });

  it('matches merged commits by patch-id on release day and flags changed ids', async () => {
    const status = await vault.call('workspace.status', { id: caseId });
    const v161 = status.branches.find((b) => b.branch === 'v1.6.1')!;
    const merged = join(root.path, 'merged');
    git(root.path, ['clone', '-q', upstream, merged]);
    git(merged, ['checkout', '-q', '-b', 'release-1.6', 'origin/release-1.6']);
    git(merged, ['am', '-q', join(root.path, 'patches', '31337_v1.6.1.patch')], { env: { GIT_COMMITTER_DATE: '1800000000 +0000' } });
    git(merged, ['bundle', 'create', '-q', join(root.path, 'merged.bundle'), 'origin/release-1.6..release-1.6']);
    const report = await vault.call('workspace.verifyRelease', { id: caseId, bundle: join(root.path, 'merged.bundle') });
    const row = report.branches.find((b) => b.branch === 'v1.6.1')!;
    expect(row.commits.map((c) => c.sha)).toEqual(v161.commits);
    expect(row.commits.every((c) => c.merged !== null && !c.sameSha)).toBe(true);
  });

  it('flags the CVE ID and listed words in branch names and messages', async () => {
    const lint = await vault.call('workspace.lint', { id: caseId, words: [CANARY] });
    expect(lint.ok).toBe(false);
    expect(lint.findings.some((f) => f.where === 'commit' && f.word === CANARY)).toBe(true);
    const none = await vault.call('workspace.lint', { id: caseId, words: ['no-such-word'] });
    expect(none.findings.filter((f) => f.word === 'no-such-word')).toEqual([]);
  });
});
