// Stale patches against real git: the upstream clone moves after the branches were built
// (an unrelated change, a change in the fix's context, a conflicting patch release), the case
// re-imports it, sees which branches are stale, rebuilds them, and the interdiff it drafts for
// the distributors classifies each commit as `git range-diff` does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { commitAll, git, write } from './git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const CANARY = 'CANARY-stale-7d41aa';

type Vault = Awaited<ReturnType<typeof freshVault>>;

function authFile(edit: (lines: string[]) => void = () => {}): string {
  const lines = Array.from({ length: 100 }, (_, i) => `auth line ${i + 1}`);
  edit(lines);
  return `${lines.join('\n')}\n`;
}

function filesUnder(path: string): string[] {
  try {
    const found = statSync(path, { throwIfNoEntry: false });
    if (!found) return [];
    if (found.isFile()) return [path];
    if (!found.isDirectory()) return [];
    return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
  } catch {
    return []; // another process's temporary files, gone or not ours to read
  }
}

function holdsCanary(file: string): boolean {
  try {
    return readFileSync(file).includes(CANARY);
  } catch {
    return false;
  }
}

/** `git range-diff` markers, in its order: "1=1", "-<…" style strings. */
function gitRangeDiffMarkers(output: string): string[] {
  return output
    .split('\n')
    .map((line) => /^\s*(\d+|-):\s+[0-9a-f-]+ ([=!<>]) \s*(\d+|-):/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}${m[2]}${m[3]}`);
}

describe('stale patches after the upstream moved', () => {
  let root: Awaited<ReturnType<typeof tempDir>>;
  let upstream: string;
  let vault: Vault;
  let caseId: string;
  let oldBases: Record<string, string>;
  const tmpBefore = new Set(readdirSync(tmpdir()));

  beforeAll(async () => {
    root = await tempDir('embargo-stale-');
    upstream = join(root.path, 'upstream');
    git(root.path, ['init', '-q', '-b', 'main', upstream]);
    write(upstream, 'pkg/auth.go', authFile());
    write(upstream, 'other.txt', 'other\n');
    commitAll(upstream, 'initial');
    git(upstream, ['tag', 'v1.5.0']);
    git(upstream, ['branch', 'release-1.5']);
    // the private fix, on v1.5.0: two commits
    const fixRepo = join(root.path, 'fixwork');
    git(root.path, ['clone', '-q', upstream, fixRepo]);
    git(fixRepo, ['checkout', '-q', '-b', 'fix', 'v1.5.0']);
    write(fixRepo, 'pkg/auth.go', authFile((l) => (l[49] = `auth line 50 checks the audience ${CANARY}`)));
    commitAll(fixRepo, `auth: check the token audience\n\nSee ${CANARY}.\n`, { name: 'Fix Dev', email: 'fix@example.org' });
    write(fixRepo, 'pkg/auth_test.go', `audience test ${CANARY}\n`);
    commitAll(fixRepo, 'auth: test the audience check', { name: 'Fix Dev', email: 'fix@example.org' });
    git(fixRepo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.5.0..fix']);

    vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
    caseId = (await vault.call('case.create', { title: 'Audience bypass', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('case.update', { id: caseId, edits: { cve: 'CVE-2026-40404', summary: 'an audience bypass in token checks' } });
    const settings = await vault.call('mail.settings', {});
    await vault.call('mail.updateSettings', { lists: { ...settings.lists, distributors: 'distros@example.org' }, from: { name: 'Fix Lead', address: 'lead@example.org' } });
    await vault.call('workspace.import', { id: caseId, upstream });
    await vault.call('workspace.fix', { id: caseId, from: join(root.path, 'fix.bundle') });
    await vault.call('workspace.releaseBranches', { id: caseId, minors: ['1.5'] });
    await vault.call('workspace.cherryPick', { id: caseId });
    await vault.call('workspace.exportPatches', { id: caseId, output: join(root.path, 'sent') });
    const status = await vault.call('workspace.status', { id: caseId });
    oldBases = Object.fromEntries(status.branches.map((b) => [b.branch, b.base]));
  }, 60_000);

  afterAll(async () => {
    await vault?.cleanup();
    await root?.remove();
  });

  it('reports nothing stale while the upstream has not moved', async () => {
    const stale = await vault.call('workspace.staleness', { id: caseId });
    expect(stale.stale).toBe(0);
    expect(stale.branches.map((b) => [b.branch, b.state]).sort()).toEqual([
      ['main', 'current'],
      ['release-1.5', 'current'],
      ['v1.5.1', 'current'],
    ]);
  });

  it('after a re-import: same patch-ids, changed context, a conflicting patch release', async () => {
    // main: a change three lines above the fix (in its context, not in its lines)
    write(upstream, 'pkg/auth.go', authFile((l) => (l[46] = 'auth line 47, reworded upstream')));
    commitAll(upstream, 'upstream: reword line 47');
    // release-1.5: an unrelated change
    git(upstream, ['checkout', '-q', 'release-1.5']);
    write(upstream, 'other.txt', 'other, changed upstream\n');
    commitAll(upstream, 'upstream: other change');
    // v1.5.1 published upstream, changing the very line the fix changes
    git(upstream, ['checkout', '-q', '--detach']);
    write(upstream, 'pkg/auth.go', authFile((l) => (l[49] = 'auth line 50 hardened upstream')));
    commitAll(upstream, 'upstream: harden line 50');
    git(upstream, ['tag', 'v1.5.1']);
    git(upstream, ['checkout', '-q', 'main']);
    await vault.call('workspace.import', { id: caseId, upstream });

    const stale = await vault.call('workspace.staleness', { id: caseId });
    expect(stale.stale).toBe(3);
    const by = Object.fromEntries(stale.branches.map((b) => [b.branch, b]));
    expect(by.main).toMatchObject({ state: 'moved', patchIdsSame: false, conflicts: [] });
    expect(by.main!.newBase).toBe(git(upstream, ['rev-parse', 'main']).trim());
    expect(by['release-1.5']).toMatchObject({ state: 'moved', patchIdsSame: true, conflicts: [] });
    expect(by['v1.5.1']).toMatchObject({ state: 'conflict', newName: 'v1.5.2', newFrom: 'v1.5.1', patchIdsSame: null });
    expect(by['v1.5.1']!.conflicts.map((c) => c.path)).toEqual(['pkg/auth.go']);
    // a check changes nothing
    const status = await vault.call('workspace.status', { id: caseId });
    expect(Object.fromEntries(status.branches.map((b) => [b.branch, b.base]))).toEqual(oldBases);
  });

  it('git agrees: the fix applies to main and release-1.5 and conflicts on v1.5.1', () => {
    const clone = join(root.path, 'check');
    git(root.path, ['clone', '-q', upstream, clone]);
    git(clone, ['fetch', '-q', join(root.path, 'fix.bundle'), 'fix:refs/heads/the-fix']);
    for (const [target, clean] of [
      ['origin/main', true],
      ['origin/release-1.5', true],
      ['v1.5.1', false],
    ] as const) {
      git(clone, ['checkout', '-q', '--detach', target]);
      let ok = true;
      try {
        git(clone, ['cherry-pick', 'v1.5.0..the-fix']);
      } catch {
        ok = false;
        git(clone, ['cherry-pick', '--abort']);
      }
      expect(ok, target).toBe(clean);
    }
  });

  it('refreshes the stale branches, records it, and drafts the interdiff for the distributors', async () => {
    const result = await vault.call('workspace.refresh', { id: caseId });
    const by = Object.fromEntries(result.branches.map((b) => [b.branch, b]));
    expect(by.main).toMatchObject({ state: 'moved', status: 'clean', comparedWith: 'export' });
    expect(by.main!.interdiff.map((e) => e.marker)).toEqual(['!', '=']);
    expect(by.main!.interdiff[0]!.diff).toContain('auth line 47, reworded upstream');
    expect(by['release-1.5']!.interdiff.map((e) => e.marker)).toEqual(['=', '=']);
    expect(by['v1.5.1']).toMatchObject({ name: 'v1.5.2', state: 'conflict', status: 'conflict' });
    expect(result.interdiff).toMatch(/Branch v1\.5\.1 \(now v1\.5\.2\): no longer applies .*conflicts in pkg\/auth\.go/);

    const status = await vault.call('workspace.status', { id: caseId });
    const main = status.branches.find((b) => b.branch === 'main')!;
    expect(main.base).toBe(git(upstream, ['rev-parse', 'main']).trim());
    expect(main.pinChanges).toHaveLength(1);
    expect(status.branches.map((b) => b.branch)).toContain('v1.5.2');
    expect(status.branches.map((b) => b.branch)).not.toContain('v1.5.1');
    expect((await vault.call('workspace.staleness', { id: caseId })).stale).toBe(0);

    // the draft quotes the interdiff, preformatted so wrapping leaves it alone
    expect(result.draft).not.toBeNull();
    const draft = await vault.call('mail.showDraft', { caseId, draft: result.draft!.id });
    expect(draft.subject).toBe('[EMBARGOED] CVE-2026-40404: updated patches for an audience bypass in token checks');
    expect(draft.body).toContain('    Branch main: rebuilt on');
    expect(draft.body).toMatch(/^ {4}1: {2}[0-9a-f]{12} ! 1: {2}[0-9a-f]{12} auth: check the token audience$/m);
    expect(draft.body).toContain('\n        + auth line 47, reworded upstream\n');
    expect(draft.body).toMatch(/^ {4}2: {2}[0-9a-f]{12} = 2: {2}[0-9a-f]{12} auth: test the audience check$/m);
    expect(draft.missing).not.toContain('interdiff');
    expect(draft.missing).not.toContain('patchFiles');
    expect(draft.mode).toBe('encrypted');

    const timeline = await vault.call('case.timeline', { id: caseId });
    const events = JSON.stringify(timeline);
    expect(events).toContain('workspace.refreshed');
    expect(events).toContain('mail.draft-created');
    expect(await vault.call('workspace.lastRefresh', { id: caseId })).toMatchObject({ interdiff: result.interdiff });
  });

  it('classifies each commit as git range-diff does', async () => {
    await vault.call('workspace.exportPatches', { id: caseId, output: join(root.path, 'updated') });
    const status = await vault.call('workspace.status', { id: caseId });
    const refreshed = await vault.call('workspace.lastRefresh', { id: caseId });
    for (const [branch, file] of [
      ['main', '40404_main.patch'],
      ['release-1.5', '40404_v1.5.patch'],
    ] as const) {
      const clone = join(root.path, `range-${branch}`);
      git(root.path, ['clone', '-q', upstream, clone]);
      git(clone, ['checkout', '-q', '-b', 'old', oldBases[branch]!]);
      git(clone, ['am', '-q', join(root.path, 'sent', file)]);
      const newBase = status.branches.find((b) => b.branch === branch)!.base;
      git(clone, ['checkout', '-q', '-b', 'new', newBase]);
      git(clone, ['am', '-q', join(root.path, 'updated', file)]);
      const output = git(clone, ['range-diff', '--no-color', `${oldBases[branch]}..old`, `${newBase}..new`]);
      const ours = refreshed!.branches.find((b) => b.branch === branch)!.interdiff.map((e) => `${e.old?.index ?? '-'}${e.marker}${e.new?.index ?? '-'}`);
      expect(ours, branch).toEqual(gitRangeDiffMarkers(output));
    }
  });

  it('leaves nothing embargoed in plaintext in the vault or in new temporary files', () => {
    const stored = filesUnder(vault.dir);
    expect(stored.length).toBeGreaterThan(0);
    for (const file of stored) expect(holdsCanary(file), file).toBe(false);
    const fresh = readdirSync(tmpdir()).filter((name) => !tmpBefore.has(name) && join(tmpdir(), name) !== root.path && !vault.dir.startsWith(join(tmpdir(), name)));
    for (const name of fresh) for (const file of filesUnder(join(tmpdir(), name))) expect(holdsCanary(file), file).toBe(false);
  });
});
