// The per-case workspace state: a JSON document sealed as one vault blob with the case's key.
// It names the upstream, the fix commits and their LGTMs, the branches, the pins, the exports
// and the encrypted object batches; git objects themselves live in those batches.
import { z } from 'zod';
import { EmbargoError } from '../../../shared/errors.ts';

const sha = z.string().regex(/^[0-9a-f]{40}$/);

export const upstreamState = z.object({
  kind: z.enum(['clone', 'bundle']),
  path: z.string(),
  importedAt: z.string(),
  /** Ref name → the commit it peels to. */
  refs: z.record(z.string(), sha),
  /** The default branch (refs/heads/main or master). */
  defaultBranch: z.string().nullable(),
  bundle: z.object({ packStart: z.number(), checksum: sha, size: z.number(), idxBlob: z.string() }).nullable(),
  objects: z.number(),
});
export type UpstreamState = z.infer<typeof upstreamState>;

export const lgtmState = z.object({ by: z.string(), at: z.string(), owner: z.boolean() });

export const fixCommitState = z.object({
  sha,
  parent: sha,
  subject: z.string(),
  author: z.string(),
  authoredAt: z.string(),
  paths: z.array(z.string()),
  lgtms: z.array(lgtmState),
});
export type FixCommitState = z.infer<typeof fixCommitState>;

export const conflictState = z.object({
  commit: sha,
  path: z.string(),
  kind: z.enum(['content', 'modify/delete', 'delete/modify', 'add/add', 'mode', 'binary', 'type']),
  base: z.string().nullable(),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  hunks: z.array(z.object({ base: z.string(), ours: z.string(), theirs: z.string() })),
});
export type ConflictState = z.infer<typeof conflictState>;

export const branchState = z.object({
  name: z.string(),
  kind: z.enum(['fix', 'patch-release', 'cherry-pick']),
  /** What it was built on: a tag or an upstream branch name. */
  from: z.string(),
  base: sha,
  tip: sha,
  /** Fix commit → the commit made on this branch (null while not picked). */
  commits: z.array(z.object({ fix: sha, result: sha.nullable() })),
  status: z.enum(['clean', 'conflict', 'resolved', 'pending']),
  conflicts: z.array(conflictState),
  pinned: z.object({ tip: sha, commits: z.array(sha), at: z.string() }).nullable(),
  pinChanges: z.array(z.object({ from: sha, to: sha, at: z.string() })),
});
export type BranchState = z.infer<typeof branchState>;

export const exportState = z.object({
  kind: z.enum(['patches', 'bundle']),
  at: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: z.string() })),
  branches: z.array(z.object({ name: z.string(), commits: z.array(sha), patchIds: z.array(z.string()) })),
  encryptedTo: z.array(z.string()),
});
export type ExportState = z.infer<typeof exportState>;

/** The signed embargo commitment (commitment.ts): the exact signed JSON and its armored signature. */
export const commitmentState = z.object({ document: z.string(), signature: z.string().nullable() });
export type CommitmentState = z.infer<typeof commitmentState>;

export const workspaceState = z.object({
  schemaVersion: z.literal(1),
  upstream: upstreamState.nullable(),
  fix: z.object({ source: z.string(), importedAt: z.string(), base: sha, commits: z.array(fixCommitState) }).nullable(),
  branches: z.array(branchState),
  exports: z.array(exportState),
  lintWords: z.array(z.string()),
  commitment: commitmentState.optional(),
  objectBatches: z.array(z.string()),
});
export type WorkspaceState = z.infer<typeof workspaceState>;

export function emptyState(): WorkspaceState {
  return { schemaVersion: 1, upstream: null, fix: null, branches: [], exports: [], lintWords: [], objectBatches: [] };
}

export function parseState(bytes: Buffer): WorkspaceState {
  const parsed = workspaceState.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success) throw new EmbargoError('VaultCorrupt', 'The workspace state of this case does not have the expected shape.', {});
  return parsed.data;
}
