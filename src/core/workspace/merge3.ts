// Line-level three-way merge with git's rules (xdiff's xdl_merge): both sides are diffed
// against the base with git's own diff (xdiff.ts); changes join into one region when they
// overlap or touch *in either side's lines* (not only in the base's), which is what keeps the
// incoming side of a conflict in one piece. merge-ort merges at the "zealous" level (conflicts
// refined by diffing the two sides, near conflicts joined); `git merge-file --diff3` shows the
// base and so stays at the "eager" level, whose regions are the conflicts reported here.
import { splitLines } from './line-diff.ts';
import { xdiffLines, type XChange } from './xdiff.ts';

export interface MergeHunk {
  base: string;
  ours: string;
  theirs: string;
}

export type MergeResult = { clean: true; content: Buffer } | { clean: false; hunks: MergeHunk[] };

/** mode 0: conflict, 1: ours only, 2: theirs only, 4: both made the same change. */
interface Region {
  mode: 0 | 1 | 2 | 4;
  i0: number;
  chg0: number;
  i1: number;
  chg1: number;
  i2: number;
  chg2: number;
}

export type MergeLevel = 'eager' | 'zealous';

interface Texts {
  base: string[];
  ours: string[];
  theirs: string[];
}

function append(regions: Region[], next: Region): void {
  const m = regions[regions.length - 1];
  if (m && (next.i1 <= m.i1 + m.chg1 || next.i2 <= m.i2 + m.chg2)) {
    if (next.mode !== m.mode) m.mode = 0;
    m.chg0 = next.i0 + next.chg0 - m.i0;
    m.chg1 = next.i1 + next.chg1 - m.i1;
    m.chg2 = next.i2 + next.chg2 - m.i2;
  } else regions.push({ ...next });
}

const sameLines = (a: string[], ai: number, b: string[], bi: number, n: number): boolean => {
  for (let k = 0; k < n; k++) if (a[ai + k] !== b[bi + k]) return false;
  return true;
};

/** xdl_do_merge's walk over the two scripts. */
function regionsOf(t: Texts, x1: XChange[], x2: XChange[]): Region[] {
  const regions: Region[] = [];
  let a = 0;
  let b = 0;
  const oursOnly = (c: XChange) => append(regions, { mode: 1, i0: c.i1, chg0: c.chg1, i1: c.i2, chg1: c.chg2, i2: x2Pos(c.i1), chg2: c.chg1 });
  const theirsOnly = (c: XChange) => append(regions, { mode: 2, i0: c.i1, chg0: c.chg1, i1: x1Pos(c.i1), chg1: c.chg1, i2: c.i2, chg2: c.chg2 });
  // a base line's position in a side: through the side's next unmerged change, or past them all
  function x1Pos(i: number): number {
    const c = x1[a];
    return c ? c.i2 - c.i1 + i : i + t.ours.length - t.base.length;
  }
  function x2Pos(i: number): number {
    const c = x2[b];
    return c ? c.i2 - c.i1 + i : i + t.theirs.length - t.base.length;
  }
  while (a < x1.length && b < x2.length) {
    const c1 = x1[a]!;
    const c2 = x2[b]!;
    if (c1.i1 + c1.chg1 < c2.i1) {
      oursOnly(c1);
      a++;
      continue;
    }
    if (c2.i1 + c2.chg1 < c1.i1) {
      theirsOnly(c2);
      b++;
      continue;
    }
    if (c1.i1 !== c2.i1 || c1.chg1 !== c2.chg1 || c1.chg2 !== c2.chg2 || !sameLines(t.ours, c1.i2, t.theirs, c2.i2, c1.chg2)) {
      const off = c1.i1 - c2.i1;
      const ffo = off + c1.chg1 - c2.chg1;
      let i0 = c1.i1;
      let i1 = c1.i2;
      let i2 = c2.i2;
      if (off > 0) {
        i0 -= off;
        i1 -= off;
      } else i2 += off;
      let chg0 = c1.i1 + c1.chg1 - i0;
      let chg1 = c1.i2 + c1.chg2 - i1;
      let chg2 = c2.i2 + c2.chg2 - i2;
      if (ffo < 0) {
        chg0 -= ffo;
        chg1 -= ffo;
      } else chg2 += ffo;
      append(regions, { mode: 0, i0, chg0, i1, chg1, i2, chg2 });
    }
    const end1 = c1.i1 + c1.chg1;
    const end2 = c2.i1 + c2.chg1;
    if (end1 >= end2) b++;
    if (end2 >= end1) a++;
  }
  for (; a < x1.length; a++) oursOnly(x1[a]!);
  for (; b < x2.length; b++) theirsOnly(x2[b]!);
  return regions;
}

/** xdl_refine_conflicts, then xdl_simplify_non_conflicts (the zealous level). */
function refine(t: Texts, regions: Region[]): Region[] {
  const out: Region[] = [];
  for (const m of regions) {
    if (m.mode !== 0 || m.chg1 === 0 || m.chg2 === 0) {
      out.push(m);
      continue;
    }
    const script = xdiffLines(t.ours.slice(m.i1, m.i1 + m.chg1), t.theirs.slice(m.i2, m.i2 + m.chg2));
    if (script.length === 0) {
      out.push({ ...m, mode: 4 });
      continue;
    }
    for (const c of script) out.push({ ...m, mode: 0, i1: c.i1 + m.i1, chg1: c.chg1, i2: c.i2 + m.i2, chg2: c.chg2 });
  }
  for (let k = 0; k + 1 < out.length; ) {
    const m = out[k]!;
    const next = out[k + 1]!;
    if (m.mode !== 0 || next.mode !== 0 || next.i1 - (m.i1 + m.chg1) > 3) k++;
    else {
      m.chg1 = next.i1 + next.chg1 - m.i1;
      m.chg2 = next.i2 + next.chg2 - m.i2;
      out.splice(k + 1, 1);
    }
  }
  return out;
}

function mergeRegions(t: Texts, level: MergeLevel): Region[] | null {
  const x1 = xdiffLines(t.base, t.ours);
  const x2 = xdiffLines(t.base, t.theirs);
  if (x1.length === 0 || x2.length === 0) return null;
  const regions = regionsOf(t, x1, x2);
  return level === 'zealous' ? refine(t, regions) : regions;
}

export interface MergeFileOptions {
  style: 'merge' | 'diff3';
  labels: [string, string, string];
}

/** Copies lines, adding the missing final newline when a marker follows (xdl_recs_copy). */
function copy(lines: string[], from: number, count: number, addNewline: boolean, cr: boolean): string {
  const text = lines.slice(from, from + count).join('');
  if (addNewline && count > 0 && !text.endsWith('\n')) return `${text}${cr ? '\r' : ''}\n`;
  return text;
}

/** is_eol_crlf: 1, 0, or -1 when the file cannot tell. */
function eolCrlf(lines: string[], i: number): number {
  const crlf = (line: string) => (line.length > 1 && line.endsWith('\r\n') ? 1 : 0);
  if (i < lines.length - 1) return crlf(lines[i]!);
  if (lines.length === 0) return -1;
  if (lines[i]!.endsWith('\n')) return crlf(lines[i]!);
  if (i === 0) return -1;
  return crlf(lines[i - 1]!);
}

function crNeeded(t: Texts, m: Region): boolean {
  let needs = eolCrlf(t.ours, m.i1 ? m.i1 - 1 : 0);
  if (needs) needs = eolCrlf(t.theirs, m.i2 ? m.i2 - 1 : 0);
  if (needs) needs = eolCrlf(t.base, 0);
  return needs > 0;
}

/** The merged text as `git merge-file -p` writes it, and the number of conflicts. */
export function mergeFile(base: Buffer, ours: Buffer, theirs: Buffer, options: MergeFileOptions): { content: Buffer; conflicts: number } {
  const t: Texts = { base: splitLines(base), ours: splitLines(ours), theirs: splitLines(theirs) };
  const regions = mergeRegions(t, options.style === 'diff3' ? 'eager' : 'zealous');
  if (!regions) return { content: Buffer.from(xdiffLines(t.base, t.ours).length === 0 ? theirs : ours), conflicts: 0 };
  const [oursLabel, baseLabel, theirsLabel] = options.labels;
  let out = '';
  let conflicts = 0;
  let at = 0;
  for (const m of regions) {
    if (m.mode === 4) continue;
    out += copy(t.ours, at, m.i1 - at, false, false);
    if (m.mode === 1) out += copy(t.ours, m.i1, m.chg1, false, false);
    else if (m.mode === 2) out += copy(t.theirs, m.i2, m.chg2, false, false);
    else {
      conflicts++;
      const cr = crNeeded(t, m);
      const eol = cr ? '\r\n' : '\n';
      out += `<<<<<<< ${oursLabel}${eol}${copy(t.ours, m.i1, m.chg1, true, cr)}`;
      if (options.style === 'diff3') out += `||||||| ${baseLabel}${eol}${copy(t.base, m.i0, m.chg0, true, cr)}`;
      out += `=======${eol}${copy(t.theirs, m.i2, m.chg2, true, cr)}>>>>>>> ${theirsLabel}${eol}`;
    }
    at = m.i1 + m.chg1;
  }
  out += copy(t.ours, at, t.ours.length - at, false, false);
  return { content: Buffer.from(out, 'latin1'), conflicts };
}

/**
 * The merge a cherry-pick makes (merge-ort: zealous). When it conflicts, the hunks are the
 * conflict regions as `git merge-file --diff3` shows them, base included.
 */
export function merge3(base: Buffer, ours: Buffer, theirs: Buffer): MergeResult {
  const labels: [string, string, string] = ['ours', 'base', 'theirs'];
  const zealous = mergeFile(base, ours, theirs, { style: 'merge', labels });
  if (zealous.conflicts === 0) return { clean: true, content: zealous.content };
  const t: Texts = { base: splitLines(base), ours: splitLines(ours), theirs: splitLines(theirs) };
  const regions = mergeRegions(t, 'eager') ?? [];
  const hunks = regions
    .filter((m) => m.mode === 0)
    .map((m) => ({ base: t.base.slice(m.i0, m.i0 + m.chg0).join(''), ours: t.ours.slice(m.i1, m.i1 + m.chg1).join(''), theirs: t.theirs.slice(m.i2, m.i2 + m.chg2).join('') }));
  return { clean: false, hunks };
}
