// Which commits upstream history holds, as git decides it: a commit is upstream when one of
// the upstream refs reaches it, not merely when the repository stores it (a clone whose branch
// was reset back still stores the dropped commits, unreachable).
import type { CaseWorkspace } from './case-workspace.ts';

function commitHeader(ws: CaseWorkspace, sha: string): { parents: string[]; time: number } | null {
  const object = ws.read(sha);
  if (!object || object.type !== 'commit') return null;
  const header = object.data.toString('utf8').split('\n\n')[0]!;
  const parents = [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
  const time = Number(/^committer .* (\d+) [+-]\d{4}$/m.exec(header)?.[1] ?? 0);
  return { parents, time };
}

/**
 * Of `candidates` (commits, in order of preference), the first one reachable from the upstream
 * refs, or null. Walks upstream history newest first and stops as soon as the first
 * candidate is met, so the usual case (a recent base) reads few commits.
 */
export function firstReachableFromUpstream(ws: CaseWorkspace, candidates: string[]): string | null {
  const wanted = new Map<string, number>();
  candidates.forEach((sha, i) => { if (ws.isUpstream(sha) && !wanted.has(sha)) wanted.set(sha, i); });
  if (wanted.size === 0) return null;
  let best = Infinity;
  // No candidate ranks better than the best stored one: once it is met the walk is over.
  const floor = Math.min(...wanted.values());
  const seen = new Set<string>();
  const heap: { sha: string; time: number }[] = [];
  const push = (sha: string): void => {
    if (seen.has(sha)) return;
    seen.add(sha);
    const commit = ws.isUpstream(sha) ? commitHeader(ws, sha) : null;
    if (!commit) return;
    heap.push({ sha, time: commit.time });
    for (let i = heap.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (heap[up]!.time >= heap[i]!.time) break;
      [heap[up], heap[i]] = [heap[i]!, heap[up]!];
      i = up;
    }
  };
  const pop = (): string => {
    const top = heap[0]!.sha;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]!.time > heap[m]!.time) m = l;
        if (r < heap.length && heap[r]!.time > heap[m]!.time) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  for (const sha of Object.values(ws.requireUpstream().refs)) push(sha);
  while (heap.length > 0 && best > floor) {
    const sha = pop();
    const rank = wanted.get(sha);
    if (rank !== undefined && rank < best) best = rank;
    for (const parent of commitHeader(ws, sha)!.parents) push(parent);
  }
  return best === Infinity ? null : candidates[best]!;
}
