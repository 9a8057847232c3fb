// Line-level three-way merge with git's rules (xdiff's xdl_merge at the "zealous" level, as
// merge-ort uses it): changes from the two sides that overlap or merely touch form one
// region; a region is a conflict unless both sides turned it into the same lines.
import { diffLineArrays, splitLines, type Edit } from './line-diff.ts';

export interface MergeHunk {
  base: string;
  ours: string;
  theirs: string;
}

export type MergeResult = { clean: true; content: Buffer } | { clean: false; hunks: MergeHunk[] };

interface Region {
  start: number;
  end: number;
  ours: Edit[];
  theirs: Edit[];
}

function sideText(lines: string[], baseLines: string[], region: Region, edits: Edit[]): string {
  // The side's version of base[start, end): base lines with this side's edits applied.
  let out = '';
  let at = region.start;
  for (const e of edits) {
    out += baseLines.slice(at, e.a).join('');
    out += lines.slice(e.b, e.b + e.bLen).join('');
    at = e.a + e.aLen;
  }
  return out + baseLines.slice(at, region.end).join('');
}

export function merge3(base: Buffer, ours: Buffer, theirs: Buffer): MergeResult {
  const baseLines = splitLines(base);
  const ourLines = splitLines(ours);
  const theirLines = splitLines(theirs);
  const tagged = [
    ...diffLineArrays(baseLines, ourLines).map((e) => ({ e, side: 'ours' as const })),
    ...diffLineArrays(baseLines, theirLines).map((e) => ({ e, side: 'theirs' as const })),
  ].sort((x, y) => x.e.a - y.e.a || x.e.a + x.e.aLen - (y.e.a + y.e.aLen));
  const regions: Region[] = [];
  for (const { e, side } of tagged) {
    const last = regions[regions.length - 1];
    if (last && e.a <= last.end) {
      last.end = Math.max(last.end, e.a + e.aLen);
      last[side].push(e);
    } else {
      regions.push({ start: e.a, end: e.a + e.aLen, ours: side === 'ours' ? [e] : [], theirs: side === 'theirs' ? [e] : [] });
    }
  }
  const hunks: MergeHunk[] = [];
  let out = '';
  let at = 0;
  for (const region of regions) {
    out += baseLines.slice(at, region.start).join('');
    const oursText = sideText(ourLines, baseLines, region, region.ours);
    const theirsText = sideText(theirLines, baseLines, region, region.theirs);
    if (region.ours.length === 0) out += theirsText;
    else if (region.theirs.length === 0) out += oursText;
    else if (oursText === theirsText) out += oursText;
    else hunks.push({ base: baseLines.slice(region.start, region.end).join(''), ours: oursText, theirs: theirsText });
    at = region.end;
  }
  out += baseLines.slice(at).join('');
  if (hunks.length > 0) return { clean: false, hunks };
  return { clean: true, content: Buffer.from(out, 'latin1') };
}
