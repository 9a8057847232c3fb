// The Workspace tab's branch × commit matrix: which cell is clean, resolved, conflicted or not
// reached, derived from workspace.status; and the small parsers of its forms.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { WorkspaceBranchResult, WorkspaceStatus } from '../../src/shared/contract/index.ts';
import { exportableBranches, formatElapsed, matrixRow, matrixRows, parseMinors } from '../../src/renderer/features/workspace/matrix.ts';

const sha = (n: number): string => n.toString(16).padStart(40, '0');
const fixCommits = [1, 2, 3].map((n) => ({
  sha: sha(n),
  parent: sha(n - 1),
  subject: `fix ${n}`,
  author: 'Dev <dev@example.org>',
  authoredAt: '2026-01-01T00:00:00Z',
  paths: ['a.go'],
  approvals: [],
  owners: { approvers: [], reviewers: [] },
  approved: false,
}));

function branch(fields: Partial<WorkspaceBranchResult>): WorkspaceBranchResult {
  return {
    branch: 'release-1.6',
    kind: 'cherry-pick',
    from: 'release-1.6',
    base: sha(100),
    tip: sha(101),
    status: 'clean',
    commits: [],
    conflicts: [],
    pinned: false,
    pinChanges: [],
    ...fields,
  };
}

describe('workspace matrix', () => {
  it('maps each clean pick to the commit made on the branch', () => {
    const row = matrixRow(branch({ commits: [sha(11), sha(12), sha(13)], pinned: true }), fixCommits);
    expect(row.cells.map((c) => [c.state, c.sha])).toEqual([
      ['clean', sha(11)],
      ['clean', sha(12)],
      ['clean', sha(13)],
    ]);
    expect(row.pinChanged).toBe(false);
  });

  it('marks the conflicting commit, the clean ones before it and the ones never reached', () => {
    const conflict = { commit: sha(2), path: 'a.go', kind: 'content' as const, base: 'x', ours: 'y', theirs: 'z', hunks: [{ base: 'x', ours: 'y', theirs: 'z' }] };
    const row = matrixRow(branch({ status: 'conflict', commits: [sha(11)], conflicts: [conflict] }), fixCommits);
    expect(row.cells.map((c) => c.state)).toEqual(['clean', 'conflict', 'not-reached']);
    expect(row.cells[1]!.conflicts).toEqual([conflict]);
    expect(row.cells[0]!.sha).toBe(sha(11));
  });

  it('shows the fix branch as the source and a resolution as resolved, and flags pin changes', () => {
    expect(matrixRow(branch({ kind: 'fix', branch: 'fix' }), fixCommits).cells.map((c) => [c.state, c.sha])).toEqual(fixCommits.map((c) => ['source', c.sha]));
    const resolved = matrixRow(branch({ status: 'resolved', commits: [sha(21)], pinChanges: [{ from: sha(13), to: sha(21), at: '2026-01-02T00:00:00Z' }] }), fixCommits);
    expect(resolved.cells.map((c) => [c.state, c.sha])).toEqual([
      ['resolved', sha(21)],
      ['resolved', null],
      ['resolved', null],
    ]);
    expect(resolved.pinChanged).toBe(true);
  });

  it('orders rows fix, patch releases, cherry-picks, versions numerically, and exports only built branches', () => {
    const status = {
      fix: { base: sha(0), source: 'bundle', importedAt: '', commits: fixCommits },
      branches: [
        branch({ branch: 'release-1.10' }),
        branch({ branch: 'main', status: 'conflict' }),
        branch({ branch: 'v1.9.4', kind: 'patch-release' }),
        branch({ branch: 'fix', kind: 'fix' }),
        branch({ branch: 'release-1.9', status: 'resolved' }),
      ],
    } as unknown as WorkspaceStatus;
    expect(matrixRows(status).map((r) => r.branch.branch)).toEqual(['fix', 'v1.9.4', 'main', 'release-1.9', 'release-1.10']);
    expect(exportableBranches(status).map((b) => b.branch).sort()).toEqual(['release-1.10', 'release-1.9', 'v1.9.4']);
  });

  it('has one cell per fix commit whatever the branch says', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('clean', 'conflict', 'resolved', 'pending' as const),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 5 })),
        (status, made, conflictAt) => {
          const conflicts = conflictAt === null ? [] : [{ commit: sha(conflictAt), path: 'p', kind: 'content' as const, base: null, ours: null, theirs: null, hunks: [] }];
          const row = matrixRow(branch({ status, commits: made.map(sha), conflicts }), fixCommits);
          expect(row.cells).toHaveLength(fixCommits.length);
          if (status === 'conflict') expect(row.cells.some((c) => c.state === 'conflict')).toBe(true);
        },
      ),
    );
  });

  it('reads minors as the release-branch form takes them', () => {
    expect(parseMinors('1.29, v1.30 1.31;1.29')).toEqual({ minors: ['1.29', '1.30', '1.31'], invalid: [] });
    expect(parseMinors('1.29 release-1.30 1')).toEqual({ minors: ['1.29'], invalid: ['release-1.30', '1'] });
    expect(formatElapsed(4_200)).toBe('4 s');
    expect(formatElapsed(185_000)).toBe('3 min 05 s');
  });
});
