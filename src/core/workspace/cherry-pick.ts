// Cherry-picking one commit onto another at the tree level: a three-way merge with the
// picked commit's parent as the base, over only the paths the commit touches (and the
// fix-side renames git would follow). Files both sides changed get a line-level merge.
import { MODE_GITLINK, MODE_LINK, MODE_TREE, serializeCommit, type Commit, type Identity } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { isBinary } from './line-diff.ts';
import { merge3 } from './merge3.ts';
import { detectRenames } from './renames.ts';
import { diffTrees, editTree, lookupPath, type PathEntry } from './trees.ts';
import type { ConflictState } from './store/state.ts';

export type PickResult = { ok: true; commit: string; empty: boolean } | { ok: false; conflicts: ConflictState[] };

const same = (a: PathEntry | null, b: PathEntry | null) => (a === null && b === null) || (a !== null && b !== null && a.mode === b.mode && a.sha === b.sha);

function display(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

interface Resolution {
  entry: PathEntry | null;
  conflict?: Omit<ConflictState, 'commit' | 'path'>;
}

/** Merges one path: `base` (the picked commit's parent), `ours` (the target), `theirs` (the picked commit). */
export function mergePath(ws: CaseWorkspace, base: PathEntry | null, ours: PathEntry | null, theirs: PathEntry | null): Resolution {
  if (same(ours, base)) return { entry: theirs };
  if (same(ours, theirs)) return { entry: ours };
  if (same(base, theirs)) return { entry: ours };
  const info = { base: base?.sha ?? null, ours: ours?.sha ?? null, theirs: theirs?.sha ?? null, hunks: [] };
  if (ours?.mode === MODE_TREE || theirs?.mode === MODE_TREE) return { entry: ours, conflict: { ...info, kind: 'type' } };
  if (!theirs) return { entry: ours, conflict: { ...info, kind: 'modify/delete' } };
  if (!ours) return { entry: null, conflict: { ...info, kind: base ? 'delete/modify' : 'add/add' } };
  // Both sides have the file and differ from each other.
  let mode: string;
  if (!base || base.mode === ours.mode) mode = theirs.mode;
  else if (base.mode === theirs.mode) mode = ours.mode;
  else if (ours.mode === theirs.mode) mode = ours.mode;
  else return { entry: ours, conflict: { ...info, kind: 'mode' } };
  if (ours.sha === theirs.sha) return { entry: { mode, sha: ours.sha } };
  if (base && ours.sha === base.sha) return { entry: { mode, sha: theirs.sha } };
  if (base && theirs.sha === base.sha) return { entry: { mode, sha: ours.sha } };
  const special = [ours.mode, theirs.mode].some((m) => m === MODE_LINK || m === MODE_GITLINK);
  const baseBytes = base && base.mode !== MODE_GITLINK ? ws.readBlob(base.sha) : Buffer.alloc(0);
  const ourBytes = special ? null : ws.readBlob(ours.sha);
  const theirBytes = special ? null : ws.readBlob(theirs.sha);
  if (!ourBytes || !theirBytes || isBinary(ourBytes) || isBinary(theirBytes) || isBinary(baseBytes)) {
    return { entry: ours, conflict: { ...info, kind: special ? 'type' : 'binary' } };
  }
  const merged = merge3(baseBytes, ourBytes, theirBytes);
  if (!merged.clean) {
    const hunks = merged.hunks.map((h) => ({ base: display(h.base), ours: display(h.ours), theirs: display(h.theirs) }));
    return { entry: ours, conflict: { ...info, kind: base ? 'content' : 'add/add', hunks } };
  }
  return { entry: { mode, sha: ws.write('blob', merged.content) } };
}

export function pickCommit(ws: CaseWorkspace, commitSha: string, ontoSha: string, committer: Identity): PickResult {
  const picked = ws.readCommit(commitSha);
  if (picked.parents.length !== 1) {
    return { ok: false, conflicts: [{ commit: commitSha, path: '', kind: 'type', base: null, ours: null, theirs: null, hunks: [] }] };
  }
  const parent = ws.readCommit(picked.parents[0]!);
  const onto = ws.readCommit(ontoSha);
  const { renames, rest } = detectRenames(ws, diffTrees(ws, parent.tree, picked.tree));
  const edits = new Map<string, PathEntry | null>();
  const conflicts: ConflictState[] = [];
  const resolve = (path: string, base: PathEntry | null, ours: PathEntry | null, theirs: PathEntry | null) => {
    const result = mergePath(ws, base, ours, theirs);
    if (result.conflict) conflicts.push({ commit: commitSha, path, ...result.conflict });
    else if (!same(result.entry, ours)) edits.set(path, result.entry);
  };
  for (const change of rest) resolve(change.path, change.before, lookupPath(ws, onto.tree, change.path), change.after);
  for (const { from, to } of renames) {
    // The fix renamed `from` to `to`: merge the target's version of `from` into `to`.
    const oursFrom = lookupPath(ws, onto.tree, from.path);
    const oursTo = lookupPath(ws, onto.tree, to.path);
    if (oursTo && !same(oursTo, to.after)) {
      conflicts.push({ commit: commitSha, path: to.path, kind: 'add/add', base: null, ours: oursTo.sha, theirs: to.after!.sha, hunks: [] });
      continue;
    }
    if (!oursFrom) {
      conflicts.push({ commit: commitSha, path: from.path, kind: 'delete/modify', base: from.before!.sha, ours: null, theirs: to.after!.sha, hunks: [] });
      continue;
    }
    const result = mergePath(ws, from.before, oursFrom, to.after);
    if (result.conflict) conflicts.push({ commit: commitSha, path: to.path, ...result.conflict });
    else {
      edits.set(from.path, null);
      edits.set(to.path, result.entry);
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  const tree = edits.size > 0 ? editTree(ws, onto.tree, edits) : onto.tree;
  const commit: Commit = {
    tree,
    parents: [ontoSha],
    author: picked.author,
    committer,
    extraHeaders: picked.extraHeaders.filter(([key]) => key === 'encoding'),
    message: picked.message,
  };
  return { ok: true, commit: ws.write('commit', serializeCommit(commit)), empty: tree === onto.tree };
}
