// Rename detection between the deleted and added files of one commit (the fix is small, so
// this costs the fix), scored as git's diffcore-delta does so that "similarity index N%"
// lines and patch-ids agree with git's.
import type { CaseWorkspace } from './case-workspace.ts';
import { isBinary } from './line-diff.ts';
import type { TreeChange } from './trees.ts';

export const MAX_SCORE = 60000;
const MIN_SCORE = 30000; // git's default: 50%
const HASHBASE = 107927;

function spans(bytes: Buffer): Map<number, number> {
  const text = !isBinary(bytes);
  const table = new Map<number, number>();
  let n = 0;
  let accum1 = 0;
  let accum2 = 0;
  const add = () => {
    const hashval = ((accum1 >>> 0) + Math.imul(accum2 >>> 0, 7) >>> 0) % HASHBASE;
    table.set(hashval, (table.get(hashval) ?? 0) + n);
    n = 0;
    accum1 = 0;
    accum2 = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (text && c === 0x0d && i + 1 < bytes.length && bytes[i + 1] === 0x0a) continue;
    const old1 = accum1;
    accum1 = ((accum1 << 7) ^ (accum2 >>> 25)) >>> 0;
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0;
    accum1 = (accum1 + c) >>> 0;
    if (++n < 64 && c !== 0x0a) continue;
    add();
  }
  if (n > 0) add();
  return table;
}

export function similarity(src: Buffer, dst: Buffer): number {
  const maxSize = Math.max(src.length, dst.length);
  const minSize = Math.min(src.length, dst.length);
  if (maxSize * (MAX_SCORE - MIN_SCORE) < (maxSize - minSize) * MAX_SCORE) return 0;
  if (dst.length === 0) return 0;
  const a = spans(src);
  const b = spans(dst);
  let copied = 0;
  for (const [hash, count] of a) {
    const other = b.get(hash) ?? 0;
    copied += Math.min(count, other);
  }
  return Math.floor((copied * MAX_SCORE) / maxSize);
}

export interface Rename {
  from: TreeChange; // the deletion
  to: TreeChange; // the addition
  score: number;
}

/** Pairs deletions with additions: exact renames first, then the best scores of at least 50%. */
export function detectRenames(ws: CaseWorkspace, changes: TreeChange[]): { renames: Rename[]; rest: TreeChange[] } {
  const deleted = changes.filter((c) => c.before && !c.after);
  const added = changes.filter((c) => !c.before && c.after);
  const renames: Rename[] = [];
  const used = new Set<TreeChange>();
  for (const to of added) {
    const from = deleted.find((d) => !used.has(d) && d.before!.sha === to.after!.sha);
    if (from) {
      renames.push({ from, to, score: MAX_SCORE });
      used.add(from);
      used.add(to);
    }
  }
  const candidates: Rename[] = [];
  if (deleted.length * added.length <= 10_000) {
    for (const to of added) {
      if (used.has(to)) continue;
      for (const from of deleted) {
        if (used.has(from)) continue;
        if ((from.before!.mode === '120000') !== (to.after!.mode === '120000')) continue;
        const score = similarity(ws.readBlob(from.before!.sha), ws.readBlob(to.after!.sha));
        if (score >= MIN_SCORE) candidates.push({ from, to, score });
      }
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const candidate of candidates) {
    if (used.has(candidate.from) || used.has(candidate.to)) continue;
    renames.push(candidate);
    used.add(candidate.from);
    used.add(candidate.to);
  }
  return { renames, rest: changes.filter((c) => !used.has(c)) };
}
