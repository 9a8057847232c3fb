// The leak guard (issue 14, item 6) with real git: a bare remote, a clone, the pre-push hook
// `workspace install-hook` writes, and pushes that git runs it for.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { buildFix, buildUpstream, commitAll, git, gitStatus, write } from './git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const LEAD = { name: 'Fix Lead', email: 'lead@example.org' };
const CANARY = 'CANARY-leakguard-91c2';
const CVE = 'CVE-2026-61616';
const CODENAME = 'Bluebottle Heron';

type Vault = Awaited<ReturnType<typeof freshVault>>;

describe('the pre-push leak guard', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let fix: { repo: string; commits: string[] };
  let vault: Vault;
  let caseId: string;
  let work: string;
  let installed: { hook: string; list: string; words: number; patchIds: number };

  beforeAll(async () => {
    root = await tempDir('embargo-leakguard-');
    upstream = buildUpstream(root.path);
    fix = buildFix(root.path, upstream, CANARY);
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    caseId = (await vault.call('case.create', { title: `guard ${CANARY}`, disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('case.update', { id: caseId, edits: { cve: CVE, releaseDate: new Date(Date.now() + 20 * 86_400_000).toISOString() } });
    await vault.call('workspace.import', { id: caseId, upstream });
    await vault.call('workspace.fix', { id: caseId, from: join(root.path, 'fix.bundle') });
    await vault.call('workspace.releaseBranches', { id: caseId, minors: ['1.6'], committer: LEAD });
    await vault.call('workspace.lint', { id: caseId, words: [CODENAME], save: true });
    // the public repository: a bare remote and a developer's clone of it
    const remote = join(root.path, 'public.git');
    git(root.path, ['clone', '-q', '--bare', upstream, remote]);
    work = join(root.path, 'work');
    git(root.path, ['clone', '-q', remote, work]);
    git(work, ['checkout', '-q', 'main']);
    installed = await vault.call('workspace.installHook', { id: caseId, repo: work });
  }, 180_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  const push = (env: NodeJS.ProcessEnv = {}, args: string[] = []) => gitStatus(work, ['push', ...args, 'origin', 'HEAD:refs/heads/main'], env);

  it('installs an executable pre-push hook and a hashed list in the git directory', () => {
    expect(installed.hook).toBe(join(work, '.git', 'hooks', 'pre-push'));
    expect(installed.list).toBe(join(work, '.git', 'embargo-leak-guard.json'));
    expect(statSync(installed.hook).mode & 0o111).not.toBe(0);
    expect(installed.patchIds).toBeGreaterThanOrEqual(3);
    expect(installed.words).toBe(2);
    expect(git(work, ['status', '--porcelain']).trim()).toBe('');
  });

  it('the hook and the list hold no plaintext: no canary, CVE ID, case word or patch-id', async () => {
    const patchIds = git(fix.repo, ['log', '-p', '--full-index', '--format=commit %H', 'v1.6.0..fix']);
    const ids = git(fix.repo, ['patch-id', '--stable'], { input: patchIds })
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0]!);
    expect(ids).toHaveLength(3);
    for (const file of [installed.hook, installed.list]) {
      const text = readFileSync(file, 'utf8').toLowerCase();
      for (const needle of [CANARY, CVE, '61616', 'bluebottle', 'heron', caseId, ...ids]) expect(text.includes(needle.toLowerCase()), `${needle} in ${file}`).toBe(false);
    }
  });

  it('refuses a commit carrying the fix under another message (same patch-id), with a clear message', () => {
    const series = git(fix.repo, ['format-patch', '--stdout', '-1', fix.commits[2]!]);
    git(work, ['am', '-q'], { input: series });
    git(work, ['commit', '-q', '--amend', '-m', 'Tidy the secure package']);
    const sha = git(work, ['rev-parse', 'HEAD']).trim();
    const refused = push();
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('embargo leak guard: refusing to push before the Release Date');
    expect(refused.stderr).toContain(`${sha.slice(0, 12)} "Tidy the secure package": it carries the embargoed fix (same patch-id)`);
    expect(refused.stderr).toContain('EMBARGO_ALLOW_PUSH=1');
    expect(gitStatus(work, ['ls-remote', '--exit-code', 'origin', 'refs/heads/main']).stdout).not.toContain(sha);
    git(work, ['reset', '-q', '--hard', 'HEAD~1']);
  });

  it('refuses a message naming the CVE ID (any spelling) or a case word', () => {
    for (const message of [`Fix the token check (cve_2026_61616)`, `Harden auth, see ${CODENAME.toLowerCase()}`]) {
      write(work, 'notes.txt', `${message}\n`);
      commitAll(work, message);
      const refused = push();
      expect(refused.code, message).not.toBe(0);
      expect(refused.stderr).toContain('its message names an embargoed word');
      git(work, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  it('lets an unrelated commit through', () => {
    write(work, 'docs/CHANGES.md', 'An unrelated change.\n');
    commitAll(work, 'docs: note an unrelated change');
    const pushed = push();
    expect(pushed.code, pushed.stderr).toBe(0);
  });

  it('EMBARGO_ALLOW_PUSH=1 and git push --no-verify override it', () => {
    const series = git(fix.repo, ['format-patch', '--stdout', '-1', fix.commits[2]!]);
    git(work, ['am', '-q'], { input: series });
    git(work, ['commit', '-q', '--amend', '-m', 'Overridden on purpose']);
    const allowed = gitStatus(work, ['push', '--dry-run', 'origin', 'HEAD:refs/heads/main'], { EMBARGO_ALLOW_PUSH: '1' });
    expect(allowed.code).toBe(0);
    expect(push({}, ['--dry-run', '--no-verify']).code).toBe(0);
  });

  it('passes after the Release Date (the list carries the date; no vault needed at push time)', async () => {
    await vault.call('case.update', { id: caseId, edits: { releaseDate: new Date(Date.now() - 86_400_000).toISOString() } });
    await vault.call('workspace.installHook', { id: caseId, repo: work });
    await vault.core.lock();
    const pushed = push();
    expect(pushed.code, pushed.stderr).toBe(0);
  });

  it('refuses to replace a pre-push hook that is not its own', async () => {
    const other = join(root.path, 'other');
    git(root.path, ['clone', '-q', upstream, other]);
    write(other, '.git/hooks/pre-push', '#!/bin/sh\nexit 0\n', 0o755);
    const fresh = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    try {
      const id = (await fresh.call('case.create', { title: 'other', disclosedAt: '2026-01-10T09:00:00Z' })).id;
      const result = await fresh.result('workspace.installHook', { id, repo: other });
      expect(result.ok ? null : result.error.code).toBe('Conflict');
      expect(readFileSync(join(other, '.git/hooks/pre-push'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
      const notRepo = await fresh.result('workspace.installHook', { id, repo: root.path });
      expect(notRepo.ok ? null : notRepo.error.code).toBe('NotARepository');
    } finally {
      await fresh.cleanup();
    }
  });
});
