// foldCase finds a conflict where two writes of a field are concurrent (neither has seen the
// other). Its linear walk must say exactly what the plain definition says — checked against
// the definition itself (every event's full set of ancestors) on random histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, makeTeamEvent, mergeLogs, type TeamEvent } from '../../../src/core/team/team-events.ts';

/** The definition: a write is live unless another write of the field has it among its ancestors. */
function conflictsByDefinition(ordered: readonly TeamEvent[]): string[] {
  const ancestors = new Map<string, Set<string>>();
  const writers = new Map<string, TeamEvent[]>();
  for (const event of ordered) {
    const own = new Set<string>();
    for (const parent of event.parents) {
      own.add(parent);
      for (const above of ancestors.get(parent) ?? []) own.add(above);
    }
    ancestors.set(event.id, own);
    if (event.type === 'case.field-changed') writers.set(String(event.data.field), [...(writers.get(String(event.data.field)) ?? []), event]);
  }
  const out: string[] = [];
  for (const [field, list] of writers) {
    const live = list.filter((w) => !list.some((other) => other !== w && ancestors.get(other.id)?.has(w.id)));
    for (const w of live.length > 1 ? live : []) out.push(`${field}:${w.id}`);
  }
  return out.sort();
}

const step = fc.record({
  author: fc.constantFrom('a', 'b', 'c'),
  parents: fc.array(fc.nat(40), { maxLength: 3 }),
  field: fc.option(fc.constantFrom('summary', 'releaseDate', 'cve'), { nil: null }),
});

describe('foldCase conflicts', () => {
  it('match the definition on random histories', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const events: TeamEvent[] = [];
        const counters: Record<string, number> = {};
        for (const [index, s] of steps.entries()) {
          const parents = [...new Set(s.parents.filter((p) => p < index).map((p) => events[p]!.id))];
          counters[s.author] = (counters[s.author] ?? 0) + 1;
          const data = s.field ? { field: s.field, to: `v${index}` } : { text: `n${index}` };
          events.push(makeTeamEvent('tag', { author: s.author, counter: counters[s.author]!, parents, at: `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}Z`, type: s.field ? 'case.field-changed' : 'note', data }));
        }
        const ordered = mergeLogs([events]);
        const found = foldCase(ordered).conflicts.flatMap((c) => c.candidates.map((w) => `${c.field}:${w.eventId}`)).sort();
        expect(found).toEqual(conflictsByDefinition(ordered));
      }),
      { numRuns: 300 },
    );
  });
});
