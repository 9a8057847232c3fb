// The branches a case builds: the patch-release branch per selected minor (from its latest
// patch tag, holding only the fix) and the fix cherry-picked onto the default branch and the
// release branches. A branch built without conflicts is pinned: it is never rebuilt, and a
// forced rebuild or a resolution that changes it is recorded as a pin change.
import semver from 'semver';
import { EmbargoError } from '../../shared/errors.ts';
import type { Identity } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { pickCommit } from './cherry-pick.ts';
import { fixFromMbox, type CommitterOption } from './import-fix.ts';
import type { BranchState } from './store/state.ts';

export interface BranchTarget {
  name: string;
  kind: BranchState['kind'];
  from: string;
  base: string;
}

export function requireFix(ws: CaseWorkspace): NonNullable<CaseWorkspace['state']['fix']> {
  if (!ws.state.fix || ws.state.fix.commits.length === 0) {
    throw new EmbargoError('WorkspaceNotReady', `Case ${ws.caseId} has no fix commits yet: run "embargo workspace fix" first.`, { caseId: ws.caseId });
  }
  return ws.state.fix;
}

/** The latest vX.Y.Z tag of a minor (release candidates and other pre-releases are skipped). */
export function latestPatchTag(refs: Record<string, string>, minor: string): { tag: string; version: string; sha: string } | null {
  const match = /^v?(\d+)\.(\d+)$/.exec(minor.trim());
  if (!match) throw new EmbargoError('InvalidInput', `"${minor}" is not a minor version like 1.29.`, { minor });
  let best: { tag: string; version: string; sha: string } | null = null;
  for (const [name, sha] of Object.entries(refs)) {
    const tag = name.replace(/^refs\/tags\//, '');
    if (tag === name) continue;
    const version = semver.valid(tag.replace(/^v/, ''));
    if (!version || semver.prerelease(version) || semver.major(version) !== Number(match[1]) || semver.minor(version) !== Number(match[2])) continue;
    if (!/^v?\d+\.\d+\.\d+$/.test(tag)) continue;
    if (!best || semver.gt(version, best.version)) best = { tag, version, sha };
  }
  return best;
}

export function patchReleaseTarget(ws: CaseWorkspace, minor: string): BranchTarget {
  const upstream = ws.requireUpstream();
  const latest = latestPatchTag(upstream.refs, minor);
  if (!latest) throw new EmbargoError('NotFound', `No patch tag v${minor}.N in the upstream repository.`, { what: 'tag', id: `v${minor}.*` });
  const next = semver.inc(latest.version, 'patch')!;
  return { name: `v${next}`, kind: 'patch-release', from: latest.tag, base: latest.sha };
}

/** An upstream branch (main, master, release-1.29) or a branch the case already has. */
export function cherryPickTarget(ws: CaseWorkspace, name: string): BranchTarget {
  const existing = ws.state.branches.find((b) => b.name === name && b.kind !== 'fix');
  if (existing) return { name: existing.name, kind: existing.kind, from: existing.from, base: existing.base };
  const upstream = ws.requireUpstream();
  const short = name.replace(/^refs\/heads\//, '');
  const sha = upstream.refs[`refs/heads/${short}`];
  if (!sha) throw new EmbargoError('NotFound', `The upstream repository has no branch ${short}.`, { what: 'branch', id: short });
  return { name: short, kind: 'cherry-pick', from: short, base: sha };
}

/** Default targets: the default branch, the release-X.Y branches of the patch releases, and the patch releases. */
export function defaultTargets(ws: CaseWorkspace): BranchTarget[] {
  const upstream = ws.requireUpstream();
  const names = new Set<string>();
  if (upstream.defaultBranch) names.add(upstream.defaultBranch.replace(/^refs\/heads\//, ''));
  for (const branch of ws.state.branches) {
    if (branch.kind === 'patch-release') {
      const minor = /^v(\d+\.\d+)\./.exec(branch.name)?.[1];
      if (minor && upstream.refs[`refs/heads/release-${minor}`]) names.add(`release-${minor}`);
      names.add(branch.name);
    }
    if (branch.kind === 'cherry-pick') names.add(branch.name);
  }
  return [...names].map((name) => cherryPickTarget(ws, name));
}

export interface BuildOutcome {
  branch: BranchState;
  created: string[];
  /** Set when a pinned branch was rebuilt into something else. */
  pinChange: { from: string; to: string } | null;
  reusedPin: boolean;
}

export function buildBranch(ws: CaseWorkspace, target: BranchTarget, committer: Identity, now: Date, force = false): BuildOutcome {
  const fix = requireFix(ws);
  const existing = ws.state.branches.find((b) => b.name === target.name);
  if (existing?.pinned && !force) return { branch: existing, created: [], pinChange: null, reusedPin: true };
  const results: BranchState['commits'] = fix.commits.map((c) => ({ fix: c.sha, result: null }));
  let tip = target.base;
  const created: string[] = [];
  let conflicts: BranchState['conflicts'] = [];
  for (const [i, fixCommit] of fix.commits.entries()) {
    const outcome = pickCommit(ws, fixCommit.sha, tip, committer);
    if (!outcome.ok) {
      conflicts = outcome.conflicts;
      break;
    }
    tip = outcome.commit;
    results[i]!.result = outcome.commit;
    created.push(outcome.commit);
  }
  const clean = conflicts.length === 0;
  const at = now.toISOString();
  const pinChange = existing?.pinned && clean && existing.pinned.tip !== tip ? { from: existing.pinned.tip, to: tip } : null;
  const branch: BranchState = {
    name: target.name,
    kind: target.kind,
    from: target.from,
    base: target.base,
    tip,
    commits: results,
    status: clean ? 'clean' : 'conflict',
    conflicts,
    pinned: clean ? { tip, commits: created, at } : (existing?.pinned ?? null),
    pinChanges: [...(existing?.pinChanges ?? []), ...(pinChange ? [{ ...pinChange, at }] : [])],
  };
  ws.state.branches = [...ws.state.branches.filter((b) => b.name !== target.name), branch];
  return { branch, created, pinChange, reusedPin: false };
}

/** The Fix Lead's own version of the fix for one branch (a patch series onto the branch's base). */
export function resolveBranch(ws: CaseWorkspace, name: string, mbox: Buffer, committer: CommitterOption | undefined, now: Date, force: boolean): BuildOutcome {
  const fix = requireFix(ws);
  const existing = ws.state.branches.find((b) => b.name === name);
  if (!existing) throw new EmbargoError('NotFound', `The case has no branch ${name}; cherry-pick onto it first.`, { what: 'branch', id: name });
  if (existing.pinned && !force) {
    throw new EmbargoError('PinnedCommit', `Branch ${name} is pinned at ${existing.pinned.tip}; its commits may have been built already. Use --force to replace it (the change is recorded).`, {
      branch: name,
      tip: existing.pinned.tip,
    });
  }
  const { commits } = fixFromMbox(ws, mbox, existing.base, committer, now);
  const tip = commits[commits.length - 1] ?? existing.base;
  const at = now.toISOString();
  const pinChange = existing.pinned && existing.pinned.tip !== tip ? { from: existing.pinned.tip, to: tip } : null;
  const branch: BranchState = {
    ...existing,
    tip,
    commits: fix.commits.map((c, i) => ({ fix: c.sha, result: commits[i] ?? null })),
    status: 'resolved',
    conflicts: [],
    pinned: { tip, commits, at },
    pinChanges: [...existing.pinChanges, ...(pinChange ? [{ ...pinChange, at }] : [])],
  };
  ws.state.branches = ws.state.branches.map((b) => (b.name === name ? branch : b));
  return { branch, created: commits, pinChange, reusedPin: false };
}

/** The commits a branch adds on top of its base, oldest first. */
export function branchCommits(branch: BranchState): string[] {
  if (branch.kind === 'fix') return branch.commits.map((c) => c.result).filter((c): c is string => c !== null);
  return branch.pinned?.commits ?? branch.commits.map((c) => c.result).filter((c): c is string => c !== null);
}
