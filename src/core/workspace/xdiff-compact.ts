// xdiff's change groups and xdl_change_compact (for xdiff.ts): each group of changed lines is
// slid up and down as far as equal lines allow, merged with neighbours it bumps into, and
// left aligned with a change in the other file when it can be, as git does.
import type { Side } from './xdiff.ts';

export const changed = (s: Side, i: number): boolean => s.rchg[i + 1] === 1;
const setChanged = (s: Side, i: number, v: 0 | 1): void => {
  s.rchg[i + 1] = v;
};

interface Group {
  start: number;
  end: number;
}

function groupInit(s: Side): Group {
  const g = { start: 0, end: 0 };
  while (changed(s, g.end)) g.end++;
  return g;
}
function groupNext(s: Side, g: Group): boolean {
  if (g.end === s.nrec) return false;
  g.start = g.end + 1;
  for (g.end = g.start; changed(s, g.end); g.end++);
  return true;
}
function groupPrevious(s: Side, g: Group): boolean {
  if (g.start === 0) return false;
  g.end = g.start - 1;
  for (g.start = g.end; changed(s, g.start - 1); g.start--);
  return true;
}
function slideDown(s: Side, g: Group): boolean {
  if (g.end < s.nrec && s.ha[g.start] === s.ha[g.end]) {
    setChanged(s, g.start++, 0);
    setChanged(s, g.end++, 1);
    while (changed(s, g.end)) g.end++;
    return true;
  }
  return false;
}
function slideUp(s: Side, g: Group): boolean {
  if (g.start > 0 && s.ha[g.start - 1] === s.ha[g.end - 1]) {
    setChanged(s, --g.start, 1);
    setChanged(s, --g.end, 0);
    while (changed(s, g.start - 1)) g.start--;
    return true;
  }
  return false;
}

/** xdl_change_compact without the indent heuristic (git merge-file does not set it). */
export function compact(s: Side, o: Side): void {
  const g = groupInit(s);
  const go = groupInit(o);
  for (;;) {
    if (g.end !== g.start) {
      let groupsize: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        groupsize = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp(s, g)) groupPrevious(o, go);
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        while (slideDown(s, g)) {
          groupNext(o, go);
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (groupsize !== g.end - g.start);
      if (g.end !== earliestEnd && endMatchingOther !== -1) {
        while (go.end === go.start) {
          slideUp(s, g);
          groupPrevious(o, go);
        }
      }
    }
    if (!groupNext(s, g)) break;
    groupNext(o, go);
  }
}

