// Staleness work grows with the fix, not with the repository: the same two-commit fix in a
// one-directory project and in one with thousands of files and hundreds of commits, and the
// upstream moving by one commit in the first and by a hundred in the second. The check reads
// the same objects in both (counted, not timed): the moved tips, the trees along the paths the
// fix touches, the blobs it merges; never the history in between nor the rest of the tree.
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freshVault, tempDir } from '../../helpers/core.ts';
import { CaseWorkspace } from '../../../src/core/workspace/case-workspace.ts';
import { commitAll, git, write } from './git-fixture.ts';

const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

function authFile(edit: (lines: string[]) => void = () => {}): string {
  const lines = Array.from({ length: 100 }, (_, i) => `auth line ${i + 1}`);
  edit(lines);
  return `${lines.join('\n')}\n`;
}

let stamp = 1_750_000_000;
/** `git fast-import` commits on main: the first writes `files`, each further one changes one of them. */
function history(repo: string, commits: number, files: string[], from: string | null): void {
  const chunks: string[] = [];
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let i = 0; i < commits; i += 1) {
    stamp += 60;
    chunks.push(`commit refs/heads/main\ncommitter Up Stream <up@example.org> ${stamp} +0000\n${data(`history ${i}`)}`);
    if (i === 0 && from) chunks.push(`from ${from}\n`);
    const touched = i === 0 ? files : [files[i % files.length]!];
    for (const path of touched) chunks.push(`M 100644 inline ${path}\n${data(`${path} at commit ${i}\n`)}`);
  }
  git(repo, ['fast-import', '--quiet'], { input: chunks.join('') });
}

interface Scale {
  files: number;
  history: number;
  moved: number;
}

async function staleReads(scale: Scale): Promise<{ calls: number; distinct: number; objects: number; states: string[] }> {
  const root = await tempDir('embargo-stale-scale-');
  const vault = await freshVault({ createOptions: { kdf: CHEAP_KDF } });
  try {
    const upstream = join(root.path, 'upstream');
    git(root.path, ['init', '-q', '-b', 'main', upstream]);
    const files = Array.from({ length: scale.files }, (_, i) => `lib/d${String(i % 40).padStart(2, '0')}/f${i}.txt`);
    if (scale.history > 0) {
      history(upstream, scale.history, files, null);
      git(upstream, ['checkout', '-q', '-f', 'main']);
    }
    write(upstream, 'pkg/auth.go', authFile());
    commitAll(upstream, 'auth');
    git(upstream, ['tag', 'v1.5.0']);
    git(upstream, ['branch', 'release-1.5']);
    const fixRepo = join(root.path, 'fix');
    git(root.path, ['clone', '-q', '--no-checkout', upstream, fixRepo]);
    git(fixRepo, ['checkout', '-q', '-b', 'fix', 'v1.5.0']);
    write(fixRepo, 'pkg/auth.go', authFile((l) => (l[49] = 'auth line 50 checks the audience')));
    commitAll(fixRepo, 'auth: check the audience');
    write(fixRepo, 'pkg/auth_test.go', 'audience test\n');
    commitAll(fixRepo, 'auth: test it');
    git(fixRepo, ['bundle', 'create', '-q', join(root.path, 'fix.bundle'), 'v1.5.0..fix']);

    const id = (await vault.call('case.create', { title: 'Scale', disclosedAt: '2026-01-10T09:00:00Z' })).id;
    await vault.call('workspace.import', { id, upstream });
    await vault.call('workspace.fix', { id, from: join(root.path, 'fix.bundle') });
    await vault.call('workspace.cherryPick', { id, onto: ['main', 'release-1.5'] });

    // the upstream moves on main (by `moved` commits outside the fix's paths) and on release-1.5
    const main = git(upstream, ['rev-parse', 'main']).trim();
    history(upstream, scale.moved, scale.files > 0 ? files : ['other.txt'], main);
    git(upstream, ['checkout', '-q', '-f', 'release-1.5']);
    write(upstream, 'pkg/auth.go', authFile((l) => (l[10] = 'auth line 11, reworded upstream')));
    commitAll(upstream, 'upstream: reword line 11');
    await vault.call('workspace.import', { id, upstream });
    const objects = git(upstream, ['rev-list', '--all', '--objects']).trim().split('\n').length;

    const seen: string[] = [];
    const original = CaseWorkspace.prototype.read;
    const spy = vi.spyOn(CaseWorkspace.prototype, 'read').mockImplementation(function (this: CaseWorkspace, sha: string) {
      seen.push(sha);
      return original.call(this, sha);
    });
    try {
      const stale = await vault.call('workspace.staleness', { id });
      return { calls: seen.length, distinct: new Set(seen).size, objects, states: stale.branches.map((b) => `${b.branch}:${b.state}`).sort() };
    } finally {
      spy.mockRestore();
    }
  } finally {
    await vault.cleanup();
    await root.remove();
  }
}

describe('staleness at scale', () => {
  afterAll(() => vi.restoreAllMocks());

  it('reads the same objects in a tiny and in a large, long-moved repository', async () => {
    const small = await staleReads({ files: 0, history: 0, moved: 1 });
    const large = await staleReads({ files: 2000, history: 300, moved: 100 });
    expect(small.states).toEqual(['main:moved', 'release-1.5:moved']);
    expect(large.states).toEqual(small.states);
    // the large repository has hundreds of times the objects…
    expect(large.objects).toBeGreaterThan(small.objects * 100);
    // …and the check reads no more of them: only the fix's paths and the moved tips
    expect(large.distinct).toBe(small.distinct);
    expect(large.calls).toBe(small.calls);
    expect(large.distinct).toBeLessThan(60);
  }, 120_000);
});
