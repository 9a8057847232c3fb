// The interdiff of two patch series, as `git range-diff` shows it: the commits of the old and
// the new series are paired (same patch-id first, then the pairs whose patches differ least,
// when they differ less than leaving both unpaired would cost, with git's creation factor of
// 60%), and each pair is "=" (same patch), "!" (changed, with the diff of the two patches),
// or a commit is only in the old series ("<") or only in the new one (">").
// The work is per commit of the series: the diffs of the commits, never the repository.
import type { RangeDiffEntry } from '../../shared/contract/workspace-refresh.ts';
import { commitSubject } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { diffText, unifiedHunks } from './format-patch.ts';
import { diffLineArrays, splitLines } from './line-diff.ts';
import { patchId } from './patch-id.ts';

export const CREATION_FACTOR = 60;

export interface SeriesPatch {
  sha: string;
  subject: string;
  patchId: string;
  /** The patch as range-diff compares it (message and diff, without line numbers); null when its base is no longer readable. */
  text: string[] | null;
}

/** range-diff's view of a patch: the message, then the diff without index lines or hunk line numbers. */
export function normalisedPatch(message: string, diff: string): string[] {
  const out: string[] = [' ## Commit message ##\n', ...splitLines(message.endsWith('\n') ? message : `${message}\n`).map((l) => `    ${l}`), '\n'];
  for (const line of splitLines(diff)) {
    if (line.startsWith('index ') || line.startsWith('--- ') || line.startsWith('+++ ')) continue;
    const file = /^diff --git a\/(.*) b\/(.*)\n$/.exec(line);
    if (file) {
      out.push(` ## ${file[2]} ##\n`);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@(.*)$/s.exec(line);
    out.push(hunk ? `@@${hunk[1]}` : line);
  }
  return out;
}

/** One commit of a series: its subject, patch-id (as `git patch-id --stable`) and normalised patch. */
export function seriesPatch(ws: CaseWorkspace, sha: string, knownPatchId?: string): SeriesPatch {
  const commit = ws.readCommit(sha);
  const subject = commitSubject(commit.message);
  try {
    const parentTree = ws.readCommit(commit.parents[0]!).tree;
    const diff = diffText(ws, parentTree, commit.tree).bytes;
    return { sha, subject, patchId: patchId(diff) ?? '', text: normalisedPatch(commit.message, diff.toString('latin1')) };
  } catch {
    // the old base left the upstream repository (a forced push, a bundle without it): patch-ids only
    return { sha, subject, patchId: knownPatchId ?? '', text: null };
  }
}

function changedLines(a: string[], b: string[]): number {
  return diffLineArrays(a, b).reduce((n, e) => n + e.aLen + e.bLen + 1, 0);
}

function display(lines: string): string {
  return Buffer.from(lines, 'latin1').toString('utf8');
}

/** The diff of two patches, indented by four spaces as range-diff shows it. */
function patchDiff(a: string[] | null, b: string[] | null): string {
  if (!a || !b) return '    (the previous patch is no longer readable: its base left the upstream repository)\n';
  const hunks = unifiedHunks(a, b, diffLineArrays(a, b));
  return display(
    splitLines(hunks)
      // range-diff keeps the outer hunk headers without line numbers, as in the patches
      .map((l) => `    ${l.replace(/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/, '@@')}`)
      .join(''),
  );
}

export function rangeDiff(older: SeriesPatch[], newer: SeriesPatch[]): RangeDiffEntry[] {
  const pairOf = new Map<number, number>(); // new index → old index
  const usedOld = new Set<number>();
  // identical patches first, in order
  for (const [j, b] of newer.entries()) {
    const i = older.findIndex((a, k) => !usedOld.has(k) && a.patchId !== '' && a.patchId === b.patchId);
    if (i >= 0) {
      pairOf.set(j, i);
      usedOld.add(i);
    }
  }
  // then the cheapest pairs, while pairing costs less than creating and deleting both
  const candidates: { i: number; j: number; cost: number }[] = [];
  for (const [i, a] of older.entries()) {
    if (usedOld.has(i) || !a.text) continue;
    for (const [j, b] of newer.entries()) {
      if (pairOf.has(j) || !b.text) continue;
      const cost = changedLines(a.text, b.text);
      if (cost * 100 < CREATION_FACTOR * (a.text.length + b.text.length)) candidates.push({ i, j, cost });
    }
  }
  candidates.sort((x, y) => x.cost - y.cost || x.j - y.j || x.i - y.i);
  for (const { i, j } of candidates) {
    if (usedOld.has(i) || pairOf.has(j)) continue;
    pairOf.set(j, i);
    usedOld.add(i);
  }
  // without the texts (an unreadable old base), pair the remaining commits by subject
  for (const [j, b] of newer.entries()) {
    if (pairOf.has(j)) continue;
    const i = older.findIndex((a, k) => !usedOld.has(k) && (!a.text || !b.text) && a.subject === b.subject);
    if (i >= 0) {
      pairOf.set(j, i);
      usedOld.add(i);
    }
  }
  const view = (p: SeriesPatch, index: number) => ({ index: index + 1, sha: p.sha, subject: p.subject, patchId: p.patchId });
  const entries: RangeDiffEntry[] = [];
  // range-diff's order: the new series, with an old-only commit shown before the first new commit paired after it
  let nextOld = 0;
  const flushOld = (upTo: number) => {
    for (; nextOld < upTo; nextOld++) {
      if (!usedOld.has(nextOld)) entries.push({ marker: '<', old: view(older[nextOld]!, nextOld), new: null, diff: '' });
    }
  };
  for (const [j, b] of newer.entries()) {
    const i = pairOf.get(j);
    if (i === undefined) {
      entries.push({ marker: '>', old: null, new: view(b, j), diff: '' });
      continue;
    }
    flushOld(i);
    const a = older[i]!;
    const same = a.patchId === b.patchId && a.patchId !== '' && (a.text === null || b.text === null || a.text.join('') === b.text.join(''));
    entries.push({ marker: same ? '=' : '!', old: view(a, i), new: view(b, j), diff: same ? '' : patchDiff(a.text, b.text) });
    nextOld = Math.max(nextOld, i + 1);
  }
  flushOld(older.length);
  return entries;
}

/** The entries as `git range-diff` prints them. */
export function renderRangeDiff(entries: RangeDiffEntry[]): string {
  const width = Math.max(1, ...entries.map((e) => String(Math.max(e.old?.index ?? 0, e.new?.index ?? 0)).length));
  const side = (s: RangeDiffEntry['old']) => (s ? `${String(s.index).padStart(width)}:  ${s.sha.slice(0, 12)}` : `${'-'.padStart(width)}:  ${'-'.repeat(12)}`);
  let out = '';
  for (const e of entries) {
    out += `${side(e.old)} ${e.marker} ${side(e.new)} ${(e.new ?? e.old)!.subject}\n`;
    if (e.diff) out += e.diff.endsWith('\n') ? e.diff : `${e.diff}\n`;
  }
  return out;
}
