// The release-day check: given a bundle of what was finally merged, find by patch-id the
// commits that match what distributors received, and list every difference (a missing
// commit, a changed one, a pinned commit whose id changed).
import { resolve } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { readBundleHeader } from './git/bundle.ts';
import { indexPack } from './git/index-pack.ts';
import { commitSubject, type GitObject } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { diffText } from './format-patch.ts';
import { patchId } from './patch-id.ts';

const WALK_LIMIT = 2000;

export interface ReleaseCheck {
  ok: boolean;
  branches: {
    branch: string;
    commits: { sha: string; subject: string; patchId: string; merged: string | null; sameSha: boolean }[];
  }[];
  /** Merged commits whose patch-id matches none of ours (only those within the walk). */
  unmatched: { sha: string; subject: string; patchId: string; ref: string }[];
}

export function commitPatchId(ws: CaseWorkspace, sha: string): string {
  const commit = ws.readCommit(sha);
  const parentTree = commit.parents[0] ? ws.readCommit(commit.parents[0]).tree : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  return patchId(diffText(ws, parentTree, commit.tree).bytes) ?? '';
}

export function verifyRelease(ws: CaseWorkspace, bundlePath: string): ReleaseCheck {
  const file = resolve(bundlePath);
  const header = readBundleHeader(file);
  const objects = new Map<string, GitObject>();
  indexPack(file, header.packStart, { external: (sha) => ws.read(sha), onObject: (sha, object) => objects.set(sha, object) });
  ws.addOverlay(objects);
  // Patch-ids of the merged commits: walk back from each ref through commits the bundle
  // brought (and upstream commits newer than none of ours: bounded by WALK_LIMIT).
  const merged = new Map<string, { sha: string; ref: string }>();
  const unmatchedCandidates: ReleaseCheck['unmatched'] = [];
  const seen = new Set<string>();
  for (const ref of header.refs) {
    const frontier = [ref.sha];
    let walked = 0;
    while (frontier.length > 0 && walked < WALK_LIMIT) {
      const sha = frontier.pop()!;
      if (seen.has(sha) || !objects.has(sha)) continue;
      seen.add(sha);
      walked++;
      const commit = ws.readCommit(sha);
      if (commit.parents.length === 1) {
        const id = commitPatchId(ws, sha);
        if (id && !merged.has(id)) merged.set(id, { sha, ref: ref.name });
        unmatchedCandidates.push({ sha, subject: commitSubject(commit.message), patchId: id, ref: ref.name });
      }
      frontier.push(...commit.parents);
    }
  }
  const exported = ws.state.branches.filter((b) => b.kind !== 'fix' && (b.pinned || b.status === 'clean' || b.status === 'resolved'));
  if (exported.length === 0) throw new EmbargoError('WorkspaceNotReady', 'The case has no built branches to compare with.', {});
  const ours = new Set<string>();
  const branches = exported.map((branch) => ({
    branch: branch.name,
    commits: (branch.pinned?.commits ?? []).map((sha) => {
      const id = commitPatchId(ws, sha);
      ours.add(id);
      const match = merged.get(id);
      return { sha, subject: commitSubject(ws.readCommit(sha).message), patchId: id, merged: match?.sha ?? null, sameSha: match?.sha === sha };
    }),
  }));
  const unmatched = unmatchedCandidates.filter((c) => c.patchId && !ours.has(c.patchId) && !ws.isUpstream(c.sha));
  const ok = branches.every((b) => b.commits.every((c) => c.merged !== null));
  return { ok, branches, unmatched };
}
