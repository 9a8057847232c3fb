// The embargo commitment (issue 14, item 1): whenever a patch series goes to distributors (an
// encrypted patch export, or an encrypted mail carrying the case's patches), the workspace
// records what went out: per branch its base, the patch-ids (`git patch-id --stable`) and the
// SHA-256 of each file, per recipient what they received and when, and the Release Date. The
// document is signed with the Fix Lead's own key (an armored detached signature) and sealed
// with the case's key in the workspace state; nothing of it is written in clear before
// `advisory transparency` exports it after the Release Date.
//
// On release day the merged commits (a bundle) are compared with the commitment branch by
// branch: a changed patch, an added commit, a missing commit or a missing branch is reported.
import { resolve } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { isUnderEmbargo } from '../../shared/rules/embargo.ts';
import { readCase } from '../cases/case-store.ts';
import { prepareSigner, signDetachedWith } from '../keyring/detached.ts';
import type { CoreSession } from '../session.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { exportPatches, type PatchFile } from './export-patches.ts';
import { readBundleHeader } from './git/bundle.ts';
import { indexPack } from './git/index-pack.ts';
import { commitSubject, type GitObject } from './git/objects.ts';
import type { CommitmentState } from './store/state.ts';
import { commitPatchId } from './verify-release.ts';

export const COMMITMENT_FORMAT = 'embargo-commitment';

export interface CommitmentBranch {
  name: string;
  base: string;
  files: { name: string; sha256: string }[];
  commits: { sha: string; subject: string; patchId: string }[];
}

export interface CommitmentDelivery {
  at: string;
  via: 'patches' | 'mail';
  /** Mail addresses (a mail export) — empty for a patch export, which names keys only. */
  to: string[];
  /** The keys the files were encrypted to. */
  keys: string[];
  files: { name: string; sha256: string }[];
}

export interface CommitmentDocument {
  format: typeof COMMITMENT_FORMAT;
  version: 1;
  case: string;
  cve: string | null;
  releaseDate: string | null;
  recordedAt: string;
  signer: string | null;
  branches: CommitmentBranch[];
  deliveries: CommitmentDelivery[];
}

export function parseCommitment(state: CommitmentState): CommitmentDocument {
  return JSON.parse(state.document) as CommitmentDocument;
}

/** The bytes that are signed and, after the Release Date, published. */
export function commitmentBytes(document: CommitmentDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function branchEntry(ws: CaseWorkspace, file: PatchFile): CommitmentBranch {
  const branch = ws.state.branches.find((b) => b.name === file.branch)!;
  return {
    name: file.branch,
    base: branch.base,
    files: [{ name: file.name, sha256: file.sha256 }],
    commits: file.commits.map((sha, i) => ({ sha, subject: commitSubject(ws.readCommit(sha).message), patchId: file.patchIds[i] ?? '' })),
  };
}

/**
 * Adds one delivery to the case's commitment (made when there is none) and signs the whole
 * document again. Without a usable own key the commitment is still recorded, unsigned (and
 * says so); the caller saves the workspace.
 */
export async function addDelivery(
  session: CoreSession,
  ws: CaseWorkspace,
  delivered: { via: 'patches' | 'mail'; to: string[]; keys: string[]; files: PatchFile[] },
): Promise<{ document: CommitmentDocument; signed: boolean }> {
  const record = (await readCase(session.cases(), ws.caseId)).case;
  const now = session.ports.now();
  const previous = ws.state.commitment ? parseCommitment(ws.state.commitment) : null;
  const branches = new Map((previous?.branches ?? []).map((b) => [b.name, b]));
  for (const file of delivered.files) branches.set(file.branch, branchEntry(ws, file));
  let signer: Awaited<ReturnType<typeof prepareSigner>> | null = null;
  try {
    signer = await prepareSigner(session);
  } catch (error) {
    if (!(error instanceof EmbargoError)) throw error;
  }
  const document: CommitmentDocument = {
    format: COMMITMENT_FORMAT,
    version: 1,
    case: ws.caseId,
    cve: record.cve,
    releaseDate: record.releaseDate,
    recordedAt: now.toISOString(),
    signer: signer?.signer.fingerprint.toUpperCase() ?? null,
    branches: [...branches.values()].sort((a, b) => a.name.localeCompare(b.name)),
    deliveries: [
      ...(previous?.deliveries ?? []),
      { at: now.toISOString(), via: delivered.via, to: delivered.to, keys: delivered.keys, files: delivered.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
    ],
  };
  const bytes = commitmentBytes(document);
  let signature: string | null = null;
  if (signer) {
    try {
      signature = await signDetachedWith(signer.signer, Buffer.from(bytes, 'utf8'), now);
    } catch (error) {
      if (!(error instanceof EmbargoError)) throw error;
      document.signer = null;
    }
  }
  const final = signature ? bytes : commitmentBytes(document);
  ws.state.commitment = { document: final, signature };
  return { document, signed: signature !== null };
}

/** The timeline event of a recorded delivery (no file contents, no patch-ids: names, hashes, recipients). */
export function commitmentEvent({ document, signed }: { document: CommitmentDocument; signed: boolean }): { type: string; data: Record<string, unknown> } {
  const last = document.deliveries[document.deliveries.length - 1]!;
  return {
    type: 'workspace.commitment-recorded',
    data: { signed, signer: document.signer, releaseDate: document.releaseDate, via: last.via, to: last.to, keys: last.keys, files: last.files, branches: document.branches.map((b) => b.name) },
  };
}

/** The patch files of the workspace now whose SHA-256 is one of `sha256s` (what a mail carried). */
export function deliveredPatchFiles(ws: CaseWorkspace, cve: string | null, sha256s: string[]): PatchFile[] {
  const wanted = new Set(sha256s);
  const candidates = ws.state.branches.filter((b) => b.kind !== 'fix' && b.status !== 'conflict' && b.status !== 'pending');
  if (candidates.length === 0) return [];
  return exportPatches(ws, candidates, cve).files.filter((f) => wanted.has(f.sha256));
}

export interface CommitmentFinding {
  kind: 'changed-patch' | 'added-commit' | 'missing-commit' | 'missing-branch';
  branch: string;
  /** The committed commit (changed, missing). */
  committed: string | null;
  /** The merged commit (changed, added). */
  merged: string | null;
  subject: string;
  committedPatchId: string | null;
  mergedPatchId: string | null;
}

export interface CommitmentCheck {
  ok: boolean;
  releaseDate: string | null;
  signed: boolean;
  branches: { branch: string; ref: string | null; committed: number; merged: number; matched: number }[];
  findings: CommitmentFinding[];
}

const WALK_LIMIT = 5000;

function refFor(refs: { name: string; sha: string }[], branch: string): { name: string; sha: string } | null {
  const names = [`refs/heads/${branch}`, `refs/tags/${branch}`, branch, `refs/heads/pick/${branch}`];
  for (const name of names) {
    const found = refs.find((r) => r.name === name);
    if (found) return found;
  }
  return null;
}

/** Release day: the merged commits of a bundle against the signed commitment. */
export function checkAgainstCommitment(ws: CaseWorkspace, bundlePath: string): CommitmentCheck {
  if (!ws.state.commitment) {
    throw new EmbargoError('WorkspaceNotReady', `Case ${ws.caseId} has no embargo commitment yet: it is recorded when the patches go to the distributors (encrypted).`, {
      caseId: ws.caseId,
    });
  }
  const commitment = parseCommitment(ws.state.commitment);
  const file = resolve(bundlePath);
  const header = readBundleHeader(file);
  const objects = new Map<string, GitObject>();
  indexPack(file, header.packStart, { external: (sha) => ws.read(sha), onObject: (sha, object) => objects.set(sha, object) });
  ws.addOverlay(objects);
  const findings: CommitmentFinding[] = [];
  const branches: CommitmentCheck['branches'] = [];
  for (const branch of commitment.branches) {
    const ref = refFor(header.refs, branch.name);
    if (!ref) {
      findings.push({ kind: 'missing-branch', branch: branch.name, committed: null, merged: null, subject: '', committedPatchId: null, mergedPatchId: null });
      branches.push({ branch: branch.name, ref: null, committed: branch.commits.length, merged: 0, matched: 0 });
      continue;
    }
    // first-parent from the tip back to the committed base (or the first upstream commit)
    const merged: { sha: string; subject: string; patchId: string }[] = [];
    let sha: string | undefined = ref.sha;
    for (let walked = 0; sha && sha !== branch.base && walked < WALK_LIMIT; walked++) {
      if (!objects.has(sha) && ws.isUpstream(sha)) break;
      if (!ws.read(sha)) break;
      const commit = ws.readCommit(sha);
      if (commit.parents.length <= 1) merged.push({ sha, subject: commitSubject(commit.message), patchId: commitPatchId(ws, sha) });
      sha = commit.parents[0];
    }
    merged.reverse();
    const committedIds = new Set(branch.commits.map((c) => c.patchId));
    const mergedIds = new Set(merged.map((m) => m.patchId));
    const missing = branch.commits.filter((c) => !mergedIds.has(c.patchId));
    const extra = merged.filter((m) => !committedIds.has(m.patchId));
    // the same commit changed: paired by subject first, then by position among the unmatched
    const pairs = new Map<string, { sha: string; subject: string; patchId: string }>();
    for (const c of missing) {
      const index = extra.findIndex((m) => m.subject === c.subject);
      if (index >= 0) pairs.set(c.sha, extra.splice(index, 1)[0]!);
    }
    for (const c of missing) if (!pairs.has(c.sha) && extra.length > 0) pairs.set(c.sha, extra.shift()!);
    for (const c of missing) {
      const pair = pairs.get(c.sha);
      if (pair) findings.push({ kind: 'changed-patch', branch: branch.name, committed: c.sha, merged: pair.sha, subject: c.subject, committedPatchId: c.patchId, mergedPatchId: pair.patchId });
      else findings.push({ kind: 'missing-commit', branch: branch.name, committed: c.sha, merged: null, subject: c.subject, committedPatchId: c.patchId, mergedPatchId: null });
    }
    for (const m of extra) findings.push({ kind: 'added-commit', branch: branch.name, committed: null, merged: m.sha, subject: m.subject, committedPatchId: null, mergedPatchId: m.patchId });
    branches.push({ branch: branch.name, ref: ref.name, committed: branch.commits.length, merged: merged.length, matched: branch.commits.length - missing.length });
  }
  return { ok: findings.length === 0, releaseDate: commitment.releaseDate, signed: ws.state.commitment.signature !== null, branches, findings };
}

/** What `advisory transparency` publishes, once the Release Date has passed. */
export async function transparencyRecord(session: CoreSession, ws: CaseWorkspace): Promise<{ document: string; signature: string; commitment: CommitmentDocument }> {
  const record = (await readCase(session.cases(), ws.caseId)).case;
  const now = session.ports.now();
  const state = ws.state.commitment;
  const committed = state ? parseCommitment(state) : null;
  // the later of the case's Release Date now and the one the commitment names
  if (isUnderEmbargo(record, now) || (committed && isUnderEmbargo(committed, now))) {
    const until = record.releaseDate ? `until its Release Date, ${record.releaseDate}` : 'and has no Release Date yet';
    throw new EmbargoError('EmbargoActive', `${ws.caseId} is under embargo ${until}: the commitment stays sealed in the vault until then.`, {
      caseId: ws.caseId,
      releaseDate: record.releaseDate,
    });
  }
  if (!state || !committed) {
    throw new EmbargoError('WorkspaceNotReady', `Case ${ws.caseId} has no embargo commitment: no patch series went to distributors through Embargo.`, { caseId: ws.caseId });
  }
  if (!state.signature) {
    throw new EmbargoError('NoSecretKey', `The commitment of ${ws.caseId} was recorded without a signature (the vault had no usable own key then).`, { caseId: ws.caseId });
  }
  return { document: state.document, signature: state.signature, commitment: committed };
}
