// The branch × commit matrix of the Workspace tab, derived from workspace.status: for each
// branch and each fix commit, whether the commit landed cleanly (and as which commit), was
// replaced by the Fix Lead's resolution, conflicted, or was not reached because an earlier
// commit conflicted. Pure, so it is tested on its own.
import type { WorkspaceBranchResult, WorkspaceStatus } from '../../../shared/contract/index.ts';

export type FixCommit = NonNullable<WorkspaceStatus['fix']>['commits'][number];
export type Conflict = WorkspaceBranchResult['conflicts'][number];

export type CellState = 'source' | 'clean' | 'resolved' | 'conflict' | 'not-reached';

export interface MatrixCell {
  state: CellState;
  /** The commit made on the branch for this fix commit, when there is one. */
  sha: string | null;
  conflicts: Conflict[];
}

export interface MatrixRow {
  branch: WorkspaceBranchResult;
  cells: MatrixCell[];
  /** A pinned branch was rebuilt into different commits: whatever was sent may differ. */
  pinChanged: boolean;
}

export function matrixRow(branch: WorkspaceBranchResult, fixCommits: FixCommit[]): MatrixRow {
  const pinChanged = branch.pinChanges.length > 0;
  const cell = (state: CellState, sha: string | null, conflicts: Conflict[] = []): MatrixCell => ({ state, sha, conflicts });
  let cells: MatrixCell[];
  if (branch.kind === 'fix') {
    cells = fixCommits.map((commit) => cell('source', commit.sha));
  } else if (branch.status === 'conflict') {
    const conflicting = branch.conflicts[0]?.commit ?? null;
    const stop = conflicting === null ? 0 : fixCommits.findIndex((commit) => commit.sha === conflicting);
    cells = fixCommits.map((commit, index) => {
      if (stop === -1 || index === stop) return cell('conflict', null, branch.conflicts.filter((c) => c.commit === commit.sha || stop === -1));
      return index < stop ? cell('clean', branch.commits[index] ?? null) : cell('not-reached', null);
    });
  } else if (branch.status === 'resolved') {
    cells = fixCommits.map((_, index) => cell('resolved', branch.commits[index] ?? null));
  } else if (branch.status === 'clean') {
    cells = fixCommits.map((_, index) => (branch.commits[index] ? cell('clean', branch.commits[index]!) : cell('not-reached', null)));
  } else {
    cells = fixCommits.map(() => cell('not-reached', null));
  }
  return { branch, cells, pinChanged };
}

/** Rows in reading order: the fix first, then patch releases, then cherry-picks, each by name. */
export function matrixRows(status: WorkspaceStatus): MatrixRow[] {
  const commits = status.fix?.commits ?? [];
  const order = { fix: 0, 'patch-release': 1, 'cherry-pick': 2 } as const;
  return [...status.branches]
    .sort((a, b) => order[a.kind] - order[b.kind] || a.branch.localeCompare(b.branch, undefined, { numeric: true }))
    .map((branch) => matrixRow(branch, commits));
}

/** Branches whose series can be exported: built without an open conflict. */
export function exportableBranches(status: WorkspaceStatus): WorkspaceBranchResult[] {
  return status.branches.filter((branch) => branch.kind !== 'fix' && (branch.status === 'clean' || branch.status === 'resolved'));
}

/** "1.29, v1.30 1.31" → ["1.29", "1.30", "1.31"]; anything else is returned as invalid. */
export function parseMinors(text: string): { minors: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const minors: string[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    const match = /^v?(\d+\.\d+)$/.exec(part);
    if (match) {
      if (!minors.includes(match[1]!)) minors.push(match[1]!);
    } else invalid.push(part);
  }
  return { minors, invalid };
}

export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 10) : '';
}

/** Seconds as "42 s" or "3 min 05 s", for the elapsed time of a long call. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
