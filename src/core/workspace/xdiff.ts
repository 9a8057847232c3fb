// git's line diff as xdiff computes it for merges (xdl_do_diff with the Myers algorithm,
// then xdl_change_compact without the indent heuristic): the same preparation (common ends
// trimmed, lines without a match discarded), the same split of the edit box and the same
// sliding of change groups. A merge only matches `git merge-file` when both diffs are
// git's own, so this follows xdiff step by step rather than using a generic LCS.

import { changed, compact } from './xdiff-compact.ts';

/** A change in git's script form: base lines [i1, i1+chg1) became side lines [i2, i2+chg2). */
export interface XChange {
  i1: number;
  chg1: number;
  i2: number;
  chg2: number;
}

export interface Side {
  /** Equivalence class of every line. */
  ha: number[];
  /** rchg[i + 1]: line i changed (index 0 and nrec + 1 are sentinels). */
  rchg: Uint8Array;
  nrec: number;
}

const MAX_EQLIMIT = 1024;
const SIMSCAN_WINDOW = 100;
const KPDIS_RUN = 4;
const MAX_COST_MIN = 256;
const HEUR_MIN_COST = 256;
const SNAKE_CNT = 20;
const K_HEUR = 4;
const LINE_MAX = 0x7fffffff;

function bogosqrt(n: number): number {
  let i = 1;
  for (let m = n; m > 0; m = Math.floor(m / 4)) i *= 2;
  return i;
}

/** xdl_clean_mmatch: discard a many-match line that sits among lines without a match. */
function cleanMmatch(dis: Uint8Array, i: number, s: number, e: number): boolean {
  if (i - s > SIMSCAN_WINDOW) s = i - SIMSCAN_WINDOW;
  if (e - i > SIMSCAN_WINDOW) e = i + SIMSCAN_WINDOW;
  let rdis0 = 0;
  let rpdis0 = 1;
  for (let r = 1; i - r >= s; r++) {
    if (!dis[i - r]) rdis0++;
    else if (dis[i - r] === 2) rpdis0++;
    else break;
  }
  if (rdis0 === 0) return false;
  let rdis1 = 0;
  let rpdis1 = 1;
  for (let r = 1; i + r <= e; r++) {
    if (!dis[i + r]) rdis1++;
    else if (dis[i + r] === 2) rpdis1++;
    else break;
  }
  if (rdis1 === 0) return false;
  rdis1 += rdis0;
  rpdis1 += rpdis0;
  return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
}

interface Reduced {
  ha: number[];
  rindex: number[];
}

/** xdl_cleanup_records: the lines the Myers pass sees; the rest are marked changed. */
function reduce(side: Side, count: Map<number, number>, dstart: number, dend: number): Reduced {
  let mlim = bogosqrt(side.nrec);
  if (mlim > MAX_EQLIMIT) mlim = MAX_EQLIMIT;
  const dis = new Uint8Array(side.nrec + 1);
  for (let i = dstart; i <= dend; i++) {
    const nm = count.get(side.ha[i]!) ?? 0;
    dis[i] = nm === 0 ? 0 : nm >= mlim ? 2 : 1;
  }
  const out: Reduced = { ha: [], rindex: [] };
  for (let i = dstart; i <= dend; i++) {
    if (dis[i] === 1 || (dis[i] === 2 && !cleanMmatch(dis, i, dstart, dend))) {
      out.rindex.push(i);
      out.ha.push(side.ha[i]!);
    } else side.rchg[i + 1] = 1;
  }
  return out;
}

interface Split {
  i1: number;
  i2: number;
  minLo: boolean;
  minHi: boolean;
}

/** xdl_split: the middle snake of the box, or a good-enough cut when the cost runs high. */
function split(ha1: number[], off1: number, lim1: number, ha2: number[], off2: number, lim2: number, kvdf: Int32Array, kvdb: Int32Array, base: number, needMin: boolean, mxcost: number): Split {
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  const F = (d: number) => kvdf[d + base]!;
  const B = (d: number) => kvdb[d + base]!;
  kvdf[fmid + base] = off1;
  kvdb[bmid + base] = lim1;
  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    if (fmin > dmin) kvdf[--fmin - 1 + base] = -1;
    else ++fmin;
    if (fmax < dmax) kvdf[++fmax + 1 + base] = -1;
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = F(d - 1) >= F(d + 1) ? F(d - 1) + 1 : F(d + 1);
      const prev1 = i1;
      let i2 = i1 - d;
      for (; i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]; i1++, i2++);
      if (i1 - prev1 > SNAKE_CNT) gotSnake = true;
      kvdf[d + base] = i1;
      if (odd && bmin <= d && d <= bmax && B(d) <= i1) return { i1, i2, minLo: true, minHi: true };
    }
    if (bmin > dmin) kvdb[--bmin - 1 + base] = LINE_MAX;
    else ++bmin;
    if (bmax < dmax) kvdb[++bmax + 1 + base] = LINE_MAX;
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = B(d - 1) < B(d + 1) ? B(d - 1) : B(d + 1) - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      for (; i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]; i1--, i2--);
      if (prev1 - i1 > SNAKE_CNT) gotSnake = true;
      kvdb[d + base] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= F(d)) return { i1, i2, minLo: true, minHi: true };
    }
    if (needMin) continue;
    if (gotSnake && ec > HEUR_MIN_COST) {
      let best = 0;
      let cut: Split | null = null;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = F(d);
        const i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
          for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k++) {
            if (k === SNAKE_CNT) {
              best = v;
              cut = { i1, i2, minLo: true, minHi: false };
              break;
            }
          }
        }
      }
      if (cut) return cut;
      best = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = B(d);
        const i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
          for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k++) {
            if (k === SNAKE_CNT - 1) {
              best = v;
              cut = { i1, i2, minLo: false, minHi: true };
              break;
            }
          }
        }
      }
      if (cut) return cut;
    }
    if (ec >= mxcost) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(F(d), lim1);
        let i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = LINE_MAX;
      let bbest1 = LINE_MAX;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, B(d));
        let i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minLo: true, minHi: false };
      return { i1: bbest1, i2: bbest - bbest1, minLo: false, minHi: true };
    }
  }
}

function mark(side: Side, r: Reduced, from: number, to: number): void {
  for (let i = from; i < to; i++) side.rchg[r.rindex[i]! + 1] = 1;
}

/** xdl_recs_cmp, iteratively over the boxes still to divide (same order as the recursion). */
function compare(s1: Side, r1: Reduced, s2: Side, r2: Reduced): void {
  const ndiags = r1.ha.length + r2.ha.length + 3;
  const kvdf = new Int32Array(ndiags + 2);
  const kvdb = new Int32Array(ndiags + 2);
  const base = r2.ha.length + 1;
  const mxcost = Math.max(bogosqrt(ndiags), MAX_COST_MIN);
  const stack: [number, number, number, number, boolean][] = [[0, r1.ha.length, 0, r2.ha.length, false]];
  while (stack.length > 0) {
    const [start1, end1, start2, end2, needMin] = stack.pop()!;
    let [off1, lim1, off2, lim2] = [start1, end1, start2, end2];
    for (; off1 < lim1 && off2 < lim2 && r1.ha[off1] === r2.ha[off2]; off1++, off2++);
    for (; off1 < lim1 && off2 < lim2 && r1.ha[lim1 - 1] === r2.ha[lim2 - 1]; lim1--, lim2--);
    if (off1 === lim1) mark(s2, r2, off2, lim2);
    else if (off2 === lim2) mark(s1, r1, off1, lim1);
    else {
      const cut = split(r1.ha, off1, lim1, r2.ha, off2, lim2, kvdf, kvdb, base, needMin, mxcost);
      stack.push([cut.i1, lim1, cut.i2, lim2, cut.minHi]);
      stack.push([off1, cut.i1, off2, cut.i2, cut.minLo]);
    }
  }
}

/** The edit script from `a` to `b` (lines compared byte for byte), as xdiff builds it. */
export function xdiffLines(a: string[], b: string[]): XChange[] {
  const classes = new Map<string, number>();
  const classify = (line: string) => {
    let c = classes.get(line);
    if (c === undefined) classes.set(line, (c = classes.size));
    return c;
  };
  const s1: Side = { ha: a.map(classify), rchg: new Uint8Array(a.length + 2), nrec: a.length };
  const s2: Side = { ha: b.map(classify), rchg: new Uint8Array(b.length + 2), nrec: b.length };
  const count1 = new Map<number, number>();
  const count2 = new Map<number, number>();
  for (const h of s1.ha) count1.set(h, (count1.get(h) ?? 0) + 1);
  for (const h of s2.ha) count2.set(h, (count2.get(h) ?? 0) + 1);
  // xdl_trim_ends
  const lim = Math.min(s1.nrec, s2.nrec);
  let head = 0;
  while (head < lim && s1.ha[head] === s2.ha[head]) head++;
  let tail = 0;
  while (tail < lim - head && s1.ha[s1.nrec - 1 - tail] === s2.ha[s2.nrec - 1 - tail]) tail++;
  const r1 = reduce(s1, count2, head, s1.nrec - tail - 1);
  const r2 = reduce(s2, count1, head, s2.nrec - tail - 1);
  compare(s1, r1, s2, r2);
  compact(s1, s2);
  compact(s2, s1);
  // xdl_build_script, walking back from the ends
  const script: XChange[] = [];
  for (let i1 = s1.nrec, i2 = s2.nrec; i1 >= 0 || i2 >= 0; i1--, i2--) {
    if (changed(s1, i1 - 1) || changed(s2, i2 - 1)) {
      const l1 = i1;
      const l2 = i2;
      while (changed(s1, i1 - 1)) i1--;
      while (changed(s2, i2 - 1)) i2--;
      script.unshift({ i1, chg1: l1 - i1, i2, chg2: l2 - i2 });
    }
  }
  return script;
}
