// Line diffs for patches and merges: lines keep their terminators (so a missing final
// newline is a difference, as in git), the common head and tail are trimmed before the
// Myers diff (jsdiff), and each change is slid down as far as it goes, as git's
// xdl_change_compact does without the indent heuristic.
import { diffArrays } from 'diff';

export interface Edit {
  /** Start and length in the old lines. */
  a: number;
  aLen: number;
  /** Start and length in the new lines. */
  b: number;
  bLen: number;
}

export function splitLines(text: Buffer | string): string[] {
  const s = typeof text === 'string' ? text : text.toString('latin1');
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = s.indexOf('\n', start);
    if (nl < 0) break;
    lines.push(s.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < s.length) lines.push(s.slice(start));
  return lines;
}

/** Git's test for binary content: a NUL byte in the first 8000 bytes. */
export function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

export function diffLineArrays(oldLines: string[], newLines: string[]): Edit[] {
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (
    tail < oldLines.length - head &&
    tail < newLines.length - head &&
    oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]
  )
    tail++;
  const oldMid = oldLines.slice(head, oldLines.length - tail);
  const newMid = newLines.slice(head, newLines.length - tail);
  const edits: Edit[] = [];
  if (oldMid.length === 0 && newMid.length === 0) return edits;
  let a = head;
  let b = head;
  let current: Edit | null = null;
  for (const change of diffArrays(oldMid, newMid)) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      current ??= { a, aLen: 0, b, bLen: 0 };
      current.aLen += count;
      a += count;
    } else if (change.added) {
      current ??= { a, aLen: 0, b, bLen: 0 };
      current.bLen += count;
      b += count;
    } else {
      if (current) edits.push(current);
      current = null;
      a += count;
      b += count;
    }
  }
  if (current) edits.push(current);
  return slideDown(edits, oldLines, newLines);
}

/** Pure insertions and deletions slide down while the line after equals their first line. */
function slideDown(edits: Edit[], oldLines: string[], newLines: string[]): Edit[] {
  const out = edits.map((e) => ({ ...e }));
  for (let i = 0; i < out.length; i++) {
    const e = out[i]!;
    const next = out[i + 1];
    if (e.aLen === 0 && e.bLen > 0) {
      while (e.b + e.bLen < newLines.length && newLines[e.b] === newLines[e.b + e.bLen] && (!next || e.a < next.a)) {
        e.a++;
        e.b++;
      }
    } else if (e.bLen === 0 && e.aLen > 0) {
      while (e.a + e.aLen < oldLines.length && oldLines[e.a] === oldLines[e.a + e.aLen] && (!next || e.a + e.aLen < next.a)) {
        e.a++;
        e.b++;
      }
    }
  }
  // Sliding can make neighbours touch: join them.
  const joined: Edit[] = [];
  for (const e of out) {
    const last = joined[joined.length - 1];
    if (last && last.a + last.aLen === e.a && last.b + last.bLen === e.b) {
      last.aLen += e.aLen;
      last.bLen += e.bLen;
    } else joined.push(e);
  }
  return joined;
}
