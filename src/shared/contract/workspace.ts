// The patch workspace: upstream import, fix commits and LGTMs, patch-release branches,
// cherry-picks with pins, exports, the release-day check and the leak lint.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId } from './common.ts';

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const path = z.string().trim().min(1, 'the path is empty').max(4096);
const identity = z.strictObject({ name: z.string().trim().min(1).max(200), email: z.string().trim().min(1).max(320) });

export const workspaceConflict = z.strictObject({
  commit: sha,
  path: z.string(),
  kind: z.enum(['content', 'modify/delete', 'delete/modify', 'add/add', 'mode', 'binary', 'type']),
  base: z.string().nullable(),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  hunks: z.array(z.strictObject({ base: z.string(), ours: z.string(), theirs: z.string() })),
});

export const workspaceBranchResult = z.strictObject({
  branch: z.string(),
  kind: z.enum(['fix', 'patch-release', 'cherry-pick']),
  from: z.string(),
  base: sha,
  tip: sha,
  status: z.enum(['clean', 'conflict', 'resolved', 'pending']),
  /** The commits made on this branch, oldest first. */
  commits: z.array(sha),
  conflicts: z.array(workspaceConflict),
  pinned: z.boolean(),
  /** A pinned branch that was rebuilt into different commits (flagged). */
  pinChanges: z.array(z.strictObject({ from: sha, to: sha, at: z.string() })),
});
export type WorkspaceBranchResult = z.infer<typeof workspaceBranchResult>;

export const workspaceApproval = z.strictObject({ by: z.string(), at: z.string(), owner: z.boolean() });

export const workspaceFixCommit = z.strictObject({
  sha,
  parent: sha,
  subject: z.string(),
  author: z.string(),
  authoredAt: z.string(),
  paths: z.array(z.string()),
  approvals: z.array(workspaceApproval),
  /** The OWNERS assignees (approvers and reviewers) of the paths it changes. */
  owners: z.strictObject({ approvers: z.array(z.string()), reviewers: z.array(z.string()) }),
  approved: z.boolean(),
});

export const workspaceStatus = z.strictObject({
  caseId,
  upstream: z
    .strictObject({
      kind: z.enum(['clone', 'bundle']),
      path: z.string(),
      importedAt: z.string(),
      defaultBranch: z.string().nullable(),
      branches: z.number().int(),
      tags: z.number().int(),
      objects: z.number().int(),
      available: z.boolean(),
    })
    .nullable(),
  fix: z.strictObject({ base: sha, source: z.string(), importedAt: z.string(), commits: z.array(workspaceFixCommit) }).nullable(),
  /** True when every fix commit has an LGTM from a relevant OWNERS assignee. */
  fixComplete: z.boolean(),
  suggestedFixTeam: z.array(z.string()),
  branches: z.array(workspaceBranchResult),
  exports: z.array(
    z.strictObject({
      kind: z.enum(['patches', 'bundle']),
      at: z.string(),
      files: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
      encryptedTo: z.array(z.string()),
    }),
  ),
  lintWords: z.array(z.string()),
});
export type WorkspaceStatus = z.infer<typeof workspaceStatus>;

export const leakFinding = z.strictObject({
  where: z.enum(['branch', 'commit']),
  branch: z.string(),
  commit: sha.nullable(),
  word: z.string(),
  text: z.string(),
});

export const releaseCheck = z.strictObject({
  ok: z.boolean(),
  branches: z.array(
    z.strictObject({
      branch: z.string(),
      commits: z.array(z.strictObject({ sha, subject: z.string(), patchId: z.string(), merged: sha.nullable(), sameSha: z.boolean() })),
    }),
  ),
  unmatched: z.array(z.strictObject({ sha, subject: z.string(), patchId: z.string(), ref: z.string() })),
});

export const workspaceMethods = {
  'workspace.status': method({
    summary: "The case's workspace: upstream, fix commits with LGTMs, branches with pins, exports.",
    input: z.strictObject({ id: caseId }),
    output: workspaceStatus,
  }),
  'workspace.import': method({
    summary: 'Attach the upstream repository: a local clone (read in place) or a git bundle.',
    input: z.strictObject({ id: caseId, upstream: path }),
    output: z.strictObject({
      kind: z.enum(['clone', 'bundle']),
      path: z.string(),
      defaultBranch: z.string().nullable(),
      branches: z.number().int(),
      tags: z.number().int(),
      objects: z.number().int(),
    }),
  }),
  'workspace.fix': method({
    summary: 'Bring in the private fix commits from a bundle or an mbox patch series (as git am).',
    input: z.strictObject({
      id: caseId,
      from: path,
      /** The bundle ref holding the fix, when it has several. */
      ref: z.string().min(1).max(300).optional(),
      /** For an mbox: the upstream branch, tag or commit it applies to (default: the default branch). */
      base: z.string().min(1).max(300).optional(),
      /** For an mbox: the committer (default: each mail's author, with the author date). */
      committer: identity.optional(),
    }),
    output: z.strictObject({ base: sha, commits: z.array(sha) }),
  }),
  'workspace.lgtm': method({
    summary: 'Record an LGTM on a fix commit.',
    input: z.strictObject({ id: caseId, commit: z.string().regex(/^[0-9a-f]{4,40}$/, 'a commit id (at least 4 hex digits)'), by: z.string().trim().min(1).max(200) }),
    output: z.strictObject({ commit: sha, approvals: z.array(workspaceApproval), approved: z.boolean(), fixComplete: z.boolean() }),
  }),
  'workspace.releaseBranches': method({
    summary: 'For each minor, the next patch-release branch from its latest patch tag, holding only the fix.',
    input: z.strictObject({ id: caseId, minors: z.array(z.string().regex(/^v?\d+\.\d+$/, 'a minor looks like 1.29')).min(1).max(50), committer: identity.optional() }),
    output: z.strictObject({ branches: z.array(workspaceBranchResult.extend({ name: z.string() })) }),
  }),
  'workspace.cherryPick': method({
    summary: 'Cherry-pick the fix onto branches (default: the default branch, release branches and patch releases).',
    input: z.strictObject({ id: caseId, onto: z.array(z.string().min(1).max(300)).max(100).optional(), committer: identity.optional(), force: z.boolean().default(false) }),
    output: z.array(workspaceBranchResult),
  }),
  'workspace.resolve': method({
    summary: "Replace a branch's cherry-pick with the Fix Lead's resolved patch series (mbox).",
    input: z.strictObject({ id: caseId, branch: z.string().min(1).max(300), patch: path, committer: identity.optional(), force: z.boolean().default(false) }),
    output: workspaceBranchResult,
  }),
  'workspace.exportPatches': method({
    summary: 'Per branch, an mbox patch series that git am applies, named <CVE number>_v<release>.patch.',
    input: z.strictObject({
      id: caseId,
      branches: z.array(z.string().min(1).max(300)).max(100).optional(),
      output: path,
      encryptTo: z.array(z.string().regex(/^[0-9A-Fa-f]{16,40}$/, 'a key fingerprint')).max(500).default([]),
      sign: z.boolean().default(false),
    }),
    output: z.strictObject({
      files: z.array(z.string()),
      manifest: z.array(z.strictObject({ file: z.string(), branch: z.string(), sha256: z.string(), commits: z.array(sha), patchIds: z.array(z.string()) })),
      /** Branches not exported because their conflicts are unresolved. */
      leftOut: z.array(z.strictObject({ branch: z.string(), status: z.enum(['conflict', 'pending']) })),
    }),
  }),
  'workspace.exportBundle': method({
    summary: "A git bundle of the case's branches (thin by default; full includes upstream history).",
    input: z.strictObject({
      id: caseId,
      output: path,
      branches: z.array(z.string().min(1).max(300)).max(100).optional(),
      full: z.boolean().default(false),
      encryptTo: z.array(z.string().regex(/^[0-9A-Fa-f]{16,40}$/, 'a key fingerprint')).max(500).default([]),
      sign: z.boolean().default(false),
    }),
    output: z.strictObject({ output: z.string(), refs: z.array(z.strictObject({ name: z.string(), sha })), prerequisites: z.array(sha), sha256: z.string() }),
  }),
  'workspace.verifyRelease': method({
    summary: 'Release-day check: match by patch-id the merged commits (from a bundle) with what was built.',
    input: z.strictObject({ id: caseId, bundle: path }),
    output: releaseCheck,
  }),
  'workspace.lint': method({
    summary: 'Flag branch names and commit messages that mention the CVE ID or listed words.',
    input: z.strictObject({ id: caseId, words: z.array(z.string().trim().min(1).max(200)).max(200).optional(), save: z.boolean().default(false) }),
    output: z.strictObject({ ok: z.boolean(), findings: z.array(leakFinding) }),
  }),
} as const;
