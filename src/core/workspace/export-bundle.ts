// A `git bundle` of the case's branches for the Release Managers. By default it is thin: its
// prerequisites are the upstream commits the branches start from, and its pack holds only
// what the case created (plus any upstream object not reachable from those bases), so the
// cost follows the fix. `full` copies the upstream packs verbatim in front, for a bundle
// that `git clone` accepts on its own.
import { createHash } from 'node:crypto';
import { bundleHeaderText } from './git/bundle.ts';
import { commitSubject, MODE_GITLINK, MODE_TREE, type GitObject } from './git/objects.ts';
import { packEntry, writePack } from './git/pack-writer.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { branchCommits } from './branches.ts';
import { lookupPath } from './trees.ts';
import { fsckObject } from './fsck/index.ts';
import type { BranchState } from './store/state.ts';

export function bundleRefName(branch: BranchState): string {
  if (branch.kind === 'fix') return 'refs/heads/fix';
  if (branch.kind === 'patch-release') return `refs/heads/${branch.name}`;
  return `refs/heads/pick/${branch.name}`;
}

/** The objects a thin bundle must carry for the branches. */
function collectObjects(ws: CaseWorkspace, branches: BranchState[]): Map<string, GitObject> {
  const out = new Map<string, GitObject>();
  const addWhole = (sha: string): void => {
    if (out.has(sha)) return;
    const object = ws.readObject(sha);
    out.set(sha, object);
    if (object.type === 'tree') for (const e of ws.readTree(sha)) if (e.mode !== MODE_GITLINK) addWhole(e.sha);
  };
  const walkTree = (treeSha: string, baseTree: string, prefix: string): void => {
    if (out.has(treeSha)) return;
    out.set(treeSha, ws.readObject(treeSha, 'tree'));
    for (const entry of ws.readTree(treeSha)) {
      if (entry.mode === MODE_GITLINK) continue;
      const path = prefix + entry.name;
      if (ws.isPrivate(entry.sha)) {
        if (entry.mode === MODE_TREE) walkTree(entry.sha, baseTree, `${path}/`);
        else out.set(entry.sha, ws.readObject(entry.sha));
      } else if (lookupPath(ws, baseTree, path)?.sha !== entry.sha) addWhole(entry.sha);
    }
  };
  for (const branch of branches) {
    const baseTree = ws.readCommit(branch.base).tree;
    for (const sha of branchCommits(branch)) {
      out.set(sha, ws.readObject(sha, 'commit'));
      const tree = ws.readCommit(sha).tree;
      if (ws.isPrivate(tree)) walkTree(tree, baseTree, '');
      else if (tree !== baseTree) addWhole(tree);
    }
  }
  return out;
}

/**
 * A full bundle lists the upstream refs after the case's, the default branch first, and a
 * HEAD at the default branch (or the first ref), as `git bundle create --all` does: without
 * HEAD, `git clone` of the bundle warns "remote HEAD refers to nonexistent ref" and checks
 * nothing out. git matches HEAD's id against the branches in the order listed.
 */
function withUpstreamRefs(ws: CaseWorkspace, refs: { name: string; sha: string }[]): { name: string; sha: string }[] {
  const upstream = ws.requireUpstream();
  const preferred = upstream.defaultBranch;
  const upstreamRefs = Object.entries(upstream.refs)
    .map(([name, sha]) => ({ name, sha }))
    .filter((u) => !refs.some((r) => r.name === u.name))
    .sort((x, y) => Number(y.name === preferred) - Number(x.name === preferred));
  const all = [...refs, ...upstreamRefs];
  const head = all.find((r) => r.name === preferred) ?? all.find((r) => r.name.startsWith('refs/heads/'));
  return head ? [...all, { name: 'HEAD', sha: head.sha }] : all;
}

export interface BundleExport {
  output: string;
  refs: { name: string; sha: string }[];
  prerequisites: string[];
  objects: number;
  sha256: string;
}

export function exportBundle(ws: CaseWorkspace, branches: BranchState[], sink: (chunk: Buffer) => void, full: boolean): Omit<BundleExport, 'output'> {
  const refs = branches.map((b) => ({ name: bundleRefName(b), sha: b.kind === 'fix' ? b.tip : (branchCommits(b).at(-1) ?? b.base) }));
  const prerequisites = full ? [] : [...new Set(branches.map((b) => b.base))].map((sha) => ({ sha, comment: commitSubject(ws.readCommit(sha).message) }));
  const objects = collectObjects(ws, branches);
  // A last check before anything leaves: what we hand out must pass the receiver's fsck.
  for (const [sha, object] of objects) fsckObject(sha, object, { strict: ws.isPrivate(sha), read: (s) => objects.get(s) ?? ws.read(s) });
  const allRefs = full ? withUpstreamRefs(ws, refs) : refs;
  const hash = createHash('sha256');
  const write = (chunk: Buffer) => {
    hash.update(chunk);
    sink(chunk);
  };
  write(bundleHeaderText(prerequisites, allRefs));
  if (full) {
    const { packs, loose } = ws.upstreamPacks();
    const extraLoose = loose.filter((sha) => !packs.some((p) => p.has(sha)) && !objects.has(sha));
    for (const [sha, object] of ws.privateObjects()) objects.set(sha, object);
    for (const sha of [...objects.keys()]) if (packs.some((p) => p.has(sha))) objects.delete(sha);
    const count = packs.reduce((n, p) => n + p.index.count, 0) + extraLoose.length + objects.size;
    const parts = function* (): Generator<Buffer> {
      for (const pack of packs) yield* pack.rawEntries();
      for (const sha of extraLoose) yield packEntry(ws.readObject(sha));
      for (const object of objects.values()) yield packEntry(object);
    };
    writePack(count, parts(), write);
  } else {
    writePack(objects.size, [...objects.values()].map(packEntry), write);
  }
  return { refs: allRefs, prerequisites: prerequisites.map((p) => p.sha), objects: objects.size, sha256: hash.digest('hex') };
}
