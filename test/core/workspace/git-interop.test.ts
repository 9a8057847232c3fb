// "Exactly what git does" (issue 15): upstream history is what the refs reach, exports that
// git takes as its own. Each test builds its repositories and asks real git in the same run.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { buildFix, buildUpstream, git } from './git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

type Vault = Awaited<ReturnType<typeof freshVault>>;

describe('workspace does what git does', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let fix: { repo: string; commits: string[] };
  let vault: Vault;

  beforeAll(async () => {
    root = await tempDir('embargo-gitlike-');
    upstream = buildUpstream(root.path);
    fix = buildFix(root.path, upstream, 'CANARY-gitlike');
    git(fix.repo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.6.0..fix']);
    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
  }, 60_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  it('imports a fix bundle whose commits the upstream clone stores but no ref reaches', async () => {
    // An ordinary clone where the fix was committed on a branch, then the branch was reset back.
    const clone = join(root.path, 'reset-clone');
    git(root.path, ['clone', '-q', '--no-local', upstream, clone]);
    git(clone, ['fetch', '-q', join(root.path, 'fix.bundle'), 'fix:refs/heads/fix']);
    git(clone, ['update-ref', '-d', 'refs/heads/fix']);
    git(clone, ['reflog', 'expire', '--expire=now', '--all']);
    // git: the objects exist, and no ref reaches the fix tip
    expect(git(clone, ['cat-file', '-t', fix.commits.at(-1)!]).trim()).toBe('commit');
    expect(git(clone, ['for-each-ref', '--contains', fix.commits.at(-1)!]).trim()).toBe('');
    expect(git(clone, ['rev-list', '--all']).split('\n')).not.toContain(fix.commits[0]);
    const opened = await vault.call('case.create', { title: 'reset clone', disclosedAt: '2026-01-10T09:00:00Z' });
    await vault.call('workspace.import', { id: opened.id, upstream: clone });
    const out = await vault.call('workspace.fix', { id: opened.id, from: join(root.path, 'fix.bundle') });
    expect(out.commits).toEqual(git(fix.repo, ['rev-list', '--reverse', 'v1.6.0..fix']).trim().split('\n'));
    expect(out.base).toBe(git(clone, ['rev-parse', 'v1.6.0^{commit}']).trim());
  });
});
