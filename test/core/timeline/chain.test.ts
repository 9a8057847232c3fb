import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainEvent, genesisHash, verifyChain } from '../../../src/core/timeline/chain.ts';
import type { TimelineEvent } from '../../../src/shared/contract/index.ts';

function build(caseId: string, count: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (let n = 0; n < count; n += 1) {
    events.push(chainEvent(caseId, events, { at: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(), actor: 'lead', type: 'note', data: { n } }));
  }
  return events;
}

describe('timeline hash chain', () => {
  it('chains the first event to the case genesis and each next one to its predecessor', () => {
    const events = build('EMB-0001', 3);
    expect(events[0]!.prev).toBe(genesisHash('EMB-0001'));
    expect(events[1]!.prev).toBe(events[0]!.hash);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyChain('EMB-0001', events)).toEqual([]);
  });

  it('detects an edited, removed, reordered or transplanted event', () => {
    const events = build('EMB-0001', 5);
    const edited = events.map((e, i) => (i === 2 ? { ...e, data: { n: 99 } } : e));
    expect(verifyChain('EMB-0001', edited).map((p) => p.seq)).toContain(3);
    expect(verifyChain('EMB-0001', [...events.slice(0, 2), ...events.slice(3)]).length).toBeGreaterThan(0);
    expect(verifyChain('EMB-0001', [events[1]!, events[0]!, ...events.slice(2)]).length).toBeGreaterThan(0);
    expect(verifyChain('EMB-0002', events).length).toBeGreaterThan(0);
    expect(verifyChain('EMB-0001', events.slice(0, 4))).toEqual([]); // truncation of the tail is only visible with a counter
  });

  it('property: any single change to any field of any event is detected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.constantFrom('at', 'actor', 'type', 'data', 'prev', 'hash', 'seq'),
        fc.string({ minLength: 1 }),
        (count, pick, field, junk) => {
          const events = build('EMB-0042', count);
          const index = pick % count;
          const target = events[index]!;
          const changed: Record<string, unknown> = { ...target };
          if (field === 'seq') changed.seq = target.seq + 1;
          else if (field === 'data') changed.data = { ...target.data, junk };
          else changed[field] = `${String(target[field as keyof TimelineEvent])}${junk}`;
          const tampered = events.map((e, i) => (i === index ? (changed as TimelineEvent) : e));
          expect(verifyChain('EMB-0042', tampered).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
