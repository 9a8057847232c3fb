// Per branch, the mbox patch series distributors receive, named `<CVE number>_v<release>.patch`,
// with the commit ids and patch-ids that go into the signed manifest and the release-day check.
import { createHash } from 'node:crypto';
import { EmbargoError } from '../../shared/errors.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { branchCommits } from './branches.ts';
import { formatPatchMail } from './format-patch.ts';
import { patchId } from './patch-id.ts';
import type { BranchState } from './store/state.ts';

export interface PatchFile {
  name: string;
  branch: string;
  bytes: Buffer;
  sha256: string;
  commits: string[];
  patchIds: string[];
}

/** CVE-2026-12345 → "12345"; without a CVE, the case id stands in. */
export function cveNumberPart(cve: string | null, caseId: string): string {
  const match = cve ? /^CVE-\d{4}-(\d+)$/.exec(cve) : null;
  return match ? match[1]! : caseId;
}

export function releaseLabel(branch: string): string {
  const version = /^(?:v|release-)?(\d+\.\d+(?:\.\d+)?)$/.exec(branch)?.[1];
  return version ? `v${version}` : branch.replace(/[^A-Za-z0-9._-]+/g, '-');
}

export function selectBranches(ws: CaseWorkspace, names: string[] | undefined): BranchState[] {
  if (names && names.length > 0) {
    return names.map((name) => {
      const branch = ws.state.branches.find((b) => b.name === name);
      if (!branch) throw new EmbargoError('NotFound', `The case has no branch ${name}.`, { what: 'branch', id: name });
      return branch;
    });
  }
  return ws.state.branches.filter((b) => b.kind !== 'fix');
}

export interface PatchExport {
  files: PatchFile[];
  /** Branches left out because a conflict is still unresolved (or the build is pending). */
  leftOut: { branch: string; status: 'conflict' | 'pending' }[];
}

/**
 * The series of every resolved branch. A branch that still has conflicts is left out and
 * named, so one hard backport does not hold up the others; only when nothing is left is the
 * export refused.
 */
export function exportPatches(ws: CaseWorkspace, branches: BranchState[], cve: string | null): PatchExport {
  const leftOut: PatchExport['leftOut'] = [];
  const files: PatchFile[] = [];
  for (const branch of branches) {
    if (branch.status === 'conflict' || branch.status === 'pending') {
      leftOut.push({ branch: branch.name, status: branch.status });
      continue;
    }
    const commits = branchCommits(branch);
    const mails = commits.map((sha, i) => formatPatchMail(ws, sha, ws.readCommit(sha), i + 1, commits.length));
    const bytes = Buffer.concat(mails.map((m) => m.bytes));
    files.push({
      name: `${cveNumberPart(cve, ws.caseId)}_${releaseLabel(branch.name)}.patch`,
      branch: branch.name,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      commits,
      patchIds: mails.map((m) => patchId(m.diff) ?? ''),
    });
  }
  if (files.length === 0 && leftOut.length > 0) {
    const names = leftOut.map((l) => l.branch).join(', ');
    throw new EmbargoError('Conflict', `Every selected branch has unresolved conflicts (${names}); resolve them before exporting.`, { branches: leftOut.map((l) => l.branch) });
  }
  return { files, leftOut };
}
