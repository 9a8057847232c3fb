// Tree-level work that costs the size of the change: looking up one path descends only the
// trees on that path; diffing two trees skips every subtree whose id is equal; rewriting a
// tree copies only the trees on the changed paths (path copying).
import { MODE_TREE, serializeTree, type TreeEntry } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';

export interface PathEntry {
  mode: string;
  sha: string;
}

export function lookupPath(ws: CaseWorkspace, treeSha: string, path: string): PathEntry | null {
  let current = treeSha;
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const entry = ws.readTree(current).find((e) => e.name === parts[i]);
    if (!entry) return null;
    if (i === parts.length - 1) return { mode: entry.mode, sha: entry.sha };
    if (entry.mode !== MODE_TREE) return null;
    current = entry.sha;
  }
  return null;
}

export interface TreeChange {
  path: string;
  before: PathEntry | null;
  after: PathEntry | null;
}

/** File-level differences between two trees (subtrees with equal ids are never read). */
export function diffTrees(ws: CaseWorkspace, a: string | null, b: string | null, prefix = ''): TreeChange[] {
  if (a === b) return [];
  const left = new Map((a ? ws.readTree(a) : []).map((e) => [e.name, e]));
  const right = new Map((b ? ws.readTree(b) : []).map((e) => [e.name, e]));
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  const changes: TreeChange[] = [];
  for (const name of names) {
    const l = left.get(name);
    const r = right.get(name);
    if (l && r && l.sha === r.sha && l.mode === r.mode) continue;
    const path = prefix + name;
    const lTree = l?.mode === MODE_TREE ? l.sha : null;
    const rTree = r?.mode === MODE_TREE ? r.sha : null;
    if (lTree || rTree) changes.push(...diffTrees(ws, lTree, rTree, `${path}/`));
    const lFile = l && l.mode !== MODE_TREE ? { mode: l.mode, sha: l.sha } : null;
    const rFile = r && r.mode !== MODE_TREE ? { mode: r.mode, sha: r.sha } : null;
    if (lFile || rFile) {
      if (!(lFile && rFile && lFile.sha === rFile.sha && lFile.mode === rFile.mode)) changes.push({ path, before: lFile, after: rFile });
    }
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** Applies file-level edits (null deletes) to a tree, writing only the trees on the edited paths. */
export function editTree(ws: CaseWorkspace, treeSha: string | null, edits: Map<string, PathEntry | null>): string {
  const here = new Map<string, PathEntry | null>();
  const below = new Map<string, Map<string, PathEntry | null>>();
  for (const [path, entry] of edits) {
    const slash = path.indexOf('/');
    if (slash < 0) here.set(path, entry);
    else {
      const dir = path.slice(0, slash);
      const sub = below.get(dir) ?? new Map<string, PathEntry | null>();
      sub.set(path.slice(slash + 1), entry);
      below.set(dir, sub);
    }
  }
  const entries = new Map<string, TreeEntry>((treeSha ? ws.readTree(treeSha) : []).map((e) => [e.name, e]));
  for (const [name, entry] of here) {
    if (entry) entries.set(name, { name, mode: entry.mode, sha: entry.sha });
    else entries.delete(name);
  }
  for (const [dir, sub] of below) {
    const existing = entries.get(dir);
    const subTree = existing?.mode === MODE_TREE ? existing.sha : null;
    const rewritten = editTree(ws, subTree, sub);
    if (rewritten === EMPTY_TREE_SHA) entries.delete(dir);
    else entries.set(dir, { name: dir, mode: MODE_TREE, sha: rewritten });
  }
  return ws.write('tree', serializeTree([...entries.values()]));
}

const EMPTY_TREE_SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
