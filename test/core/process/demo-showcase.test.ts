// The demo fills every screen: an upstream repository that real git reads, the fix with its
// LGTMs, branches with one conflict, keys, distributors, an exported notice with answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockedVault, type ClockedVault } from './engine-helpers.ts';
import { git, gitStatus } from '../workspace/git-fixture.ts';
import { demoUpstreamPath } from '../../../src/core/process/demo-showcase.ts';

const open: ClockedVault[] = [];
const temps: string[] = [];
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.cleanup();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('demo.create: everything around the case', () => {
  it('builds an upstream git reads, a fix, branches with one conflict, keys, distributors and a notice two of three answered', async () => {
    const vault = await clockedVault('2026-06-10T12:00:00.000Z');
    open.push(vault);
    const { case: record } = await vault.call('demo.create', {});
    const status = await vault.call('workspace.status', { id: record.id });
    expect(status.upstream).toMatchObject({ kind: 'bundle', defaultBranch: 'refs/heads/main', available: true });
    expect(status.fixComplete).toBe(true);
    expect(status.branches.filter((b) => b.status === 'conflict').map((b) => b.branch)).toEqual(['release-1.31']);
    expect(status.branches.find((b) => b.branch === 'v1.31.6')?.status).toBe('resolved');
    expect(status.branches.map((b) => b.branch)).toEqual(expect.arrayContaining(['main', 'v1.32.3', 'v1.33.1', 'release-1.33']));

    // Real git clones the bundle and applies the exported 1.32 patch series onto v1.32.2.
    const work = mkdtempSync(join(tmpdir(), 'embargo-demo-git-'));
    temps.push(work);
    git(work, ['clone', '-q', demoUpstreamPath(vault.dir), 'up']);
    const repo = join(work, 'up');
    expect(git(repo, ['tag']).split('\n')).toEqual(expect.arrayContaining(['v1.31.5', 'v1.32.2', 'v1.33.0']));
    expect(gitStatus(repo, ['fsck', '--strict']).code).toBe(0);
    const exported = await vault.call('workspace.exportPatches', { id: record.id, branches: ['v1.32.3'], output: join(work, 'patches'), encryptTo: [], sign: false });
    git(repo, ['checkout', '-q', 'v1.32.2']);
    git(repo, ['am', '-q', exported.files[0]!]);
    expect(git(repo, ['log', '--format=%s', '-2']).trim().split('\n')).toEqual([
      'widget: test that Secrets stay in their namespace',
      'widget: read referenced Secrets from the Widget namespace only',
    ]);
    // and real git agrees that the fix conflicts on release-1.31
    git(repo, ['checkout', '-q', 'release-1.31']);
    expect(gitStatus(repo, ['am', '-q', exported.files[0]!]).code).not.toBe(0);

    const keys = await vault.call('keyring.list', {});
    expect(keys).toHaveLength(4);
    const distributors = await vault.call('distributors.list', {});
    expect(distributors).toHaveLength(3);
    expect(distributors.every((d) => d.health.ok)).toBe(true);
    const [notice] = await vault.call('mail.notices', { caseId: record.id });
    expect(notice!.members.map((m) => m.state).sort()).toEqual(['acknowledged', 'no-answer', 'tested-ok']);
    const drafts = await vault.call('mail.drafts', { caseId: record.id });
    expect(drafts.map((d) => d.templateId).sort()).toEqual(['distributors-notice', 'security-advisory']);
    expect((await vault.call('vault.verify', {})).ok).toBe(true);
  });
});
