// Stale patches during a long embargo: when the imported upstream moves (a re-import of the
// clone or a new bundle), which branches no longer sit on their upstream base, whether the fix
// still applies there and to the same patch-ids, and the rebuild onto the new bases with the
// interdiff against the series the distributors have (like `git range-diff`).
import { z } from 'zod';
import { method } from './define.ts';
import { caseId } from './common.ts';

const sha = z.string().regex(/^[0-9a-f]{40}$/);

export const staleBranch = z.strictObject({
  branch: z.string(),
  kind: z.enum(['patch-release', 'cherry-pick']),
  /** The tag or upstream branch it is built on now, and the one the moved upstream offers. */
  from: z.string(),
  newFrom: z.string().nullable(),
  /** A patch-release branch is renamed when upstream published the patch release it was named for. */
  newName: z.string().nullable(),
  base: sha,
  newBase: sha.nullable(),
  /**
   * current: its base is still what upstream has; moved: upstream moved and the series applies
   * cleanly on the new base; conflict: it no longer applies; gone: upstream no longer has the
   * tag or branch it was built on.
   */
  state: z.enum(['current', 'moved', 'conflict', 'gone']),
  /** For a moved branch: the rebuilt series has the same patch-ids as the one distributors have. */
  patchIdsSame: z.boolean().nullable(),
  conflicts: z.array(z.strictObject({ commit: sha, path: z.string(), kind: z.string() })),
});
export type StaleBranch = z.infer<typeof staleBranch>;

export const workspaceStaleness = z.strictObject({
  caseId,
  upstreamImportedAt: z.string().nullable(),
  /** Branches whose state is moved, conflict or gone. */
  stale: z.number().int(),
  branches: z.array(staleBranch),
});
export type WorkspaceStaleness = z.infer<typeof workspaceStaleness>;

export const rangeDiffEntry = z.strictObject({
  /** As `git range-diff`: = same patch, ! changed, < only in the old series, > only in the new. */
  marker: z.enum(['=', '!', '<', '>']),
  old: z.strictObject({ index: z.number().int(), sha, subject: z.string(), patchId: z.string() }).nullable(),
  new: z.strictObject({ index: z.number().int(), sha, subject: z.string(), patchId: z.string() }).nullable(),
  /** For "!": the diff of the two patches. */
  diff: z.string(),
});
export type RangeDiffEntry = z.infer<typeof rangeDiffEntry>;

export const refreshedBranch = z.strictObject({
  branch: z.string(),
  /** The name after the refresh (differs when a patch-release branch moved to the next patch). */
  name: z.string(),
  state: z.enum(['moved', 'conflict', 'gone']),
  status: z.enum(['clean', 'conflict', 'resolved', 'pending', 'unchanged']),
  base: sha,
  newBase: sha.nullable(),
  /** What the interdiff compares with: the last patch export of the branch, else its previous commits. */
  comparedWith: z.enum(['export', 'previous-build', 'nothing']),
  interdiff: z.array(rangeDiffEntry),
  conflicts: z.array(z.strictObject({ commit: sha, path: z.string(), kind: z.string() })),
});
export type RefreshedBranch = z.infer<typeof refreshedBranch>;

export const refreshResult = z.strictObject({
  at: z.string(),
  branches: z.array(refreshedBranch),
  /** The whole interdiff as plain text (what the draft quotes). */
  interdiff: z.string(),
  /** The "patches updated" draft to the distributors, when one was made. */
  draft: z.strictObject({ id: z.string(), subject: z.string() }).nullable(),
  /** Why no draft was made (no sender address, nothing changed). */
  draftNote: z.string().nullable(),
});
export type RefreshResult = z.infer<typeof refreshResult>;

export const workspaceRefreshMethods = {
  'workspace.staleness': method({
    summary: 'Which branches no longer sit on what the upstream has, and whether the fix still applies there (nothing is changed).',
    input: z.strictObject({ id: caseId }),
    output: workspaceStaleness,
  }),
  'workspace.refresh': method({
    summary: 'Rebuild the stale branches on the moved upstream, record the interdiff and draft the "patches updated" email.',
    input: z.strictObject({
      id: caseId,
      /** Only these branches (default: every stale one). */
      branches: z.array(z.string().min(1).max(300)).max(100).optional(),
      committer: z.strictObject({ name: z.string().trim().min(1).max(200), email: z.string().trim().min(1).max(320) }).optional(),
      /** Make the distributors draft (default: yes, when any series changed). */
      draft: z.boolean().default(true),
    }),
    output: refreshResult,
  }),
  'workspace.lastRefresh': method({
    summary: 'The last refresh of the case (its interdiff), or null.',
    input: z.strictObject({ id: caseId }),
    output: refreshResult.omit({ draft: true, draftNote: true }).nullable(),
  }),
} as const;
