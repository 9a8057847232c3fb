// Stale branches after the upstream moved. Each branch the case built names what it was built
// on (a patch tag or an upstream branch); after a re-import the upstream may offer something
// else there: a new patch release of the minor, new commits on main or release-X.Y. The fix
// is then picked again onto the new base with the cherry-pick code (a three-way merge over the
// paths the fix touches), so the work grows with the fix, not with the repository.
import { EmbargoError } from '../../shared/errors.ts';
import type { StaleBranch } from '../../shared/contract/workspace-refresh.ts';
import type { Identity } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { branchCommits, patchReleaseTarget, requireFix, type BranchTarget } from './branches.ts';
import { pickCommit } from './cherry-pick.ts';
import { seriesPatch } from './interdiff.ts';
import type { BranchState, ConflictState } from './store/state.ts';

export interface Rebuild {
  branch: BranchState;
  target: BranchTarget | null;
  state: StaleBranch['state'];
  /** The commits picked onto the new base, oldest first (all of them only when clean). */
  commits: string[];
  tip: string;
  conflicts: ConflictState[];
  /** The commits that were picked: the fix, or the branch's own resolved series. */
  sources: string[];
}

/** What upstream offers now where the branch was built; null when the tag or branch is gone. */
export function movedTarget(ws: CaseWorkspace, branch: BranchState): BranchTarget | null {
  const refs = ws.requireUpstream().refs;
  if (branch.kind === 'patch-release') {
    const minor = /^v?(\d+\.\d+)\./.exec(branch.from)?.[1];
    if (!minor) return null;
    try {
      const next = patchReleaseTarget(ws, minor);
      // the tag it was built on is still the latest patch release: only a moved tag moves it
      if (next.from === branch.from) return { name: branch.name, kind: branch.kind, from: branch.from, base: next.base };
      return next;
    } catch (error) {
      if (error instanceof EmbargoError && error.code === 'NotFound') return null;
      throw error;
    }
  }
  const sha = refs[`refs/heads/${branch.from}`];
  return sha ? { name: branch.name, kind: branch.kind, from: branch.from, base: sha } : null;
}

/** A resolved branch keeps the Fix Lead's resolution: its own commits are picked; any other branch picks the fix. */
function sourcesOf(ws: CaseWorkspace, branch: BranchState): string[] {
  const fix = requireFix(ws).commits.map((c) => c.sha);
  if (branch.status !== 'resolved') return fix;
  const own = branchCommits(branch);
  return own.length > 0 ? own : fix;
}

/** Picks the branch's series onto the moved base (in memory; nothing is saved unless the caller saves). */
export function rebuild(ws: CaseWorkspace, branch: BranchState, committer: Identity): Rebuild {
  const target = movedTarget(ws, branch);
  const base: Omit<Rebuild, 'state'> = { branch, target, commits: [], tip: branch.tip, conflicts: [], sources: [] };
  if (!target) return { ...base, state: 'gone' };
  if (target.base === branch.base && target.name === branch.name) return { ...base, state: 'current' };
  const sources = sourcesOf(ws, branch);
  let tip = target.base;
  const commits: string[] = [];
  for (const sha of sources) {
    const outcome = pickCommit(ws, sha, tip, committer);
    if (!outcome.ok) return { ...base, sources, state: 'conflict', commits, tip, conflicts: outcome.conflicts };
    tip = outcome.commit;
    commits.push(outcome.commit);
  }
  return { ...base, sources, state: 'moved', commits, tip };
}

/** The series the distributors have for a branch: its last patch export, else what the case built. */
export function distributedSeries(ws: CaseWorkspace, branch: BranchState): { commits: string[]; patchIds: string[]; from: 'export' | 'previous-build' | 'nothing' } {
  for (const exported of [...ws.state.exports].reverse()) {
    if (exported.kind !== 'patches') continue;
    const entry = exported.branches.find((b) => b.name === branch.name);
    if (entry) return { commits: entry.commits, patchIds: entry.patchIds, from: 'export' };
  }
  const built = branch.status === 'conflict' || branch.status === 'pending' ? (branch.pinned?.commits ?? []) : branchCommits(branch);
  return { commits: built, patchIds: [], from: built.length > 0 ? 'previous-build' : 'nothing' };
}

export function patchIdsOf(ws: CaseWorkspace, commits: string[], known: string[] = []): string[] {
  return commits.map((sha, i) => seriesPatch(ws, sha, known[i]).patchId);
}

/** The identity a check picks with: it only matters for commit ids, which a check never keeps. */
export function checkIdentity(ws: CaseWorkspace, now: Date): Identity {
  const first = ws.readCommit(requireFix(ws).commits[0]!.sha).committer;
  return { name: first.name, email: first.email, timestamp: Math.floor(now.getTime() / 1000), tzOffset: 0 };
}

export function assess(ws: CaseWorkspace, outcome: Rebuild): StaleBranch {
  const { branch, target, state } = outcome;
  let patchIdsSame: boolean | null = null;
  if (state === 'moved') {
    const had = distributedSeries(ws, branch);
    const before = had.patchIds.length === had.commits.length && had.patchIds.every((p) => p !== '') ? had.patchIds : patchIdsOf(ws, had.commits, had.patchIds);
    const after = patchIdsOf(ws, outcome.commits);
    patchIdsSame = before.length === after.length && before.every((p, i) => p === after[i]);
  }
  return {
    branch: branch.name,
    kind: branch.kind as StaleBranch['kind'],
    from: branch.from,
    newFrom: target?.from ?? null,
    newName: target && target.name !== branch.name ? target.name : null,
    base: branch.base,
    newBase: target?.base ?? null,
    state,
    patchIdsSame,
    conflicts: outcome.conflicts.map((c) => ({ commit: c.commit, path: c.path, kind: c.kind })),
  };
}
