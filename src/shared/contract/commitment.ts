// The embargo commitment (what distributors were given, signed by the Fix Lead), the release-day
// check against it, its public export after the Release Date, and the leak guard's pre-push hook.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId } from './common.ts';

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const path = z.string().trim().min(1, 'the path is empty').max(4096);
const file = z.strictObject({ name: z.string(), sha256: z.string() });

export const commitmentView = z.strictObject({
  recorded: z.boolean(),
  signed: z.boolean(),
  signer: z.string().nullable(),
  recordedAt: z.string().nullable(),
  releaseDate: z.string().nullable(),
  branches: z.array(
    z.strictObject({ name: z.string(), base: sha, files: z.array(file), commits: z.array(z.strictObject({ sha, subject: z.string(), patchId: z.string() })) }),
  ),
  deliveries: z.array(z.strictObject({ at: z.string(), via: z.enum(['patches', 'mail']), to: z.array(z.string()), keys: z.array(z.string()), files: z.array(file) })),
});
export type CommitmentView = z.infer<typeof commitmentView>;

export const commitmentFinding = z.strictObject({
  kind: z.enum(['changed-patch', 'added-commit', 'missing-commit', 'missing-branch']),
  branch: z.string(),
  committed: sha.nullable(),
  merged: sha.nullable(),
  subject: z.string(),
  committedPatchId: z.string().nullable(),
  mergedPatchId: z.string().nullable(),
});
export type CommitmentFinding = z.infer<typeof commitmentFinding>;

export const commitmentCheck = z.strictObject({
  ok: z.boolean(),
  releaseDate: z.string().nullable(),
  signed: z.boolean(),
  branches: z.array(z.strictObject({ branch: z.string(), ref: z.string().nullable(), committed: z.number().int(), merged: z.number().int(), matched: z.number().int() })),
  findings: z.array(commitmentFinding),
});
export type CommitmentCheck = z.infer<typeof commitmentCheck>;

export const commitmentMethods = {
  'workspace.commitment': method({
    summary: 'The signed embargo commitment: per branch the patch-ids and file SHA-256s, per recipient what they received.',
    input: z.strictObject({ id: caseId }),
    output: commitmentView,
  }),
  'workspace.releaseCheck': method({
    summary: 'Release day: the merged commits (a bundle) against the signed commitment, branch by branch.',
    input: z.strictObject({ id: caseId, bundle: path }),
    output: commitmentCheck,
  }),
  'workspace.installHook': method({
    summary: 'Install a git pre-push hook that refuses the fix, the CVE ID and case words before the Release Date.',
    input: z.strictObject({
      id: caseId,
      repo: path,
      words: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
      force: z.boolean().default(false),
    }),
    output: z.strictObject({ hook: z.string(), list: z.string(), words: z.number().int(), patchIds: z.number().int(), releaseDate: z.string().nullable() }),
  }),
  'workspace.signCommitment': method({
    summary: 'Sign a commitment recorded without a signature (no usable own key then) with the Fix Lead key the vault has now.',
    input: z.strictObject({ id: caseId }),
    output: commitmentView,
  }),
  'advisory.transparency': method({
    summary: 'After the Release Date: the commitment as a public JSON document and its detached armored signature.',
    input: z.strictObject({ id: caseId, output: path }),
    output: z.strictObject({ document: z.string(), signature: z.string(), sha256: z.string(), signer: z.string().nullable() }),
  }),
} as const;
