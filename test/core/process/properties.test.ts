// Property tests: for any sequence of edits and ticks the timeline chain verifies, no done item
// is ever shown as overdue, and a refused operation changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allProfiles, profileFor } from '../../../src/core/process/profiles/index.ts';
import { computeSchedule, scheduledItems } from '../../../src/core/process/schedule.ts';
import { verifyChain } from '../../../src/core/timeline/chain.ts';
import { utcDay } from '../../../src/core/process/time.ts';
import type { Schedule } from '../../../src/shared/contract/index.ts';
import { schedule as scheduleSchema } from '../../../src/shared/contract/process.ts';
import { clockedVault } from './engine-helpers.ts';
import { D, DAY, HOUR, cvss, done, fields, plus, stateWith } from './fixtures.ts';

const PROFILES = allProfiles();
const ITEM_IDS = [...new Set(PROFILES.flatMap((p) => p.phases.flatMap((phase) => phase.items.map((i) => i.id))))];
const KINDS = ['private', 'public', 'upstream'] as const;
const instantNear = fc.integer({ min: -5 * 24, max: 60 * 24 }).map((hours) => plus(D, hours * HOUR));

function checkInvariants(result: Schedule): void {
  expect(scheduleSchema.safeParse(result).success).toBe(true);
  const now = result.now;
  for (const item of scheduledItems(result)) {
    if (item.record?.state === 'done') expect(item.state, item.id).toBe('done');
    if (item.state === 'overdue') expect(item.due !== null && item.due < now, item.id).toBe(true);
    if (item.state === 'due-today') expect(item.dueDayUtc).toBe(utcDay(now));
    if (item.asap) expect(item.due).toBeNull();
  }
}

describe('schedule properties (pure)', () => {
  it('no done item is ever overdue; states agree with deadlines; output matches the contract', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES.map((p) => p.id)),
        fc.constantFrom(...KINDS),
        fc.option(instantNear, { nil: null }),
        fc.option(instantNear, { nil: null }),
        fc.option(fc.integer({ min: 0, max: 100 }).map((n) => n / 10), { nil: null }),
        fc.dictionary(fc.constantFrom(...ITEM_IDS), instantNear),
        fc.integer({ min: 0, max: 30 }),
        instantNear,
        (profile, kind, releaseDate, upstreamDate, score, ticks, extendDays, now) => {
          const caseFields = fields(
            {
              kind,
              releaseDate,
              upstream: upstreamDate ? { project: 'upstream', date: upstreamDate } : null,
              cvss: score === null ? null : cvss(score),
            },
            profile,
          );
          const items = Object.fromEntries(Object.entries(ticks).map(([id, at]) => [id, done(at)]));
          const decisions =
            extendDays > 0
              ? [{ id: 'D1', type: 'slow-down' as const, at: D, by: 'x', reason: 'r', extendDays, discussedOn: 'l', score: 1, leakId: null, choice: null }]
              : [];
          const result = computeSchedule({ profile: profileFor(profile, 1), fields: caseFields, state: stateWith(items, { decisions }), now: new Date(now) });
          checkInvariants(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});

type Op =
  | { op: 'tick'; item: string; back: number }
  | { op: 'skip'; item: string }
  | { op: 'reopen'; item: string }
  | { op: 'advance'; hours: number }
  | { op: 'kind'; kind: (typeof KINDS)[number] }
  | { op: 'releaseDate'; days: number | null }
  | { op: 'upstream'; days: number }
  | { op: 'leak'; distributor: string | null }
  | { op: 'decide'; leak: number; choice: 'release-earlier' | 'continue' }
  | { op: 'handoff'; to: string }
  | { op: 'ack'; by: string }
  | { op: 'note' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('tick' as const), item: fc.constantFrom(...ITEM_IDS), back: fc.integer({ min: 0, max: 48 }) }),
  fc.record({ op: fc.constant('skip' as const), item: fc.constantFrom(...ITEM_IDS) }),
  fc.record({ op: fc.constant('reopen' as const), item: fc.constantFrom(...ITEM_IDS) }),
  fc.record({ op: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 10 }) }),
  fc.record({ op: fc.constant('kind' as const), kind: fc.constantFrom(...KINDS) }),
  fc.record({ op: fc.constant('releaseDate' as const), days: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }) }),
  fc.record({ op: fc.constant('upstream' as const), days: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('leak' as const), distributor: fc.option(fc.constantFrom('Example Linux', 'Other OS'), { nil: null }) }),
  fc.record({ op: fc.constant('decide' as const), leak: fc.integer({ min: 1, max: 3 }), choice: fc.constantFrom('release-earlier' as const, 'continue' as const) }),
  fc.record({ op: fc.constant('handoff' as const), to: fc.constantFrom('Ada', 'Björn') }),
  fc.record({ op: fc.constant('ack' as const), by: fc.constantFrom('Ada', 'Björn') }),
  fc.constant({ op: 'note' as const }),
);

const EXPECTED_REFUSALS = new Set(['Conflict', 'NotAllowed', 'NotFound', 'InvalidInput']);

describe('process properties (through the contract, on disk)', () => {
  it('for any sequence of edits and ticks: the chain verifies, no done item is overdue, refusals change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PROFILES.map((p) => p.id)), fc.array(opArb, { maxLength: 20 }), async (profile, ops) => {
        const vault = await clockedVault(plus(D, HOUR));
        try {
          const { id } = await vault.call('case.create', { title: 'Property case', disclosedAt: D, kind: 'private', profile });
          for (const op of ops) {
            const before = await vault.call('process.schedule', { id });
            const beforeCount = (await vault.call('case.show', { id })).eventCount;
            let outcome: { ok: boolean; error?: { code: string } };
            switch (op.op) {
              case 'advance':
                vault.advance(op.hours * HOUR);
                continue;
              case 'tick':
                outcome = await vault.result('process.tick', { id, item: op.item, doneAt: plus(vault.now(), -op.back * HOUR), note: 'n' });
                break;
              case 'skip':
                outcome = await vault.result('process.skip', { id, item: op.item, reason: 'because' });
                break;
              case 'reopen':
                outcome = await vault.result('process.reopen', { id, item: op.item, reason: 'again' });
                break;
              case 'kind':
                outcome = await vault.result('case.update', { id, edits: { kind: op.kind } });
                break;
              case 'releaseDate':
                outcome = await vault.result('case.update', { id, edits: { releaseDate: op.days === null ? null : plus(D, op.days * DAY) } });
                break;
              case 'upstream':
                outcome = await vault.result('case.update', { id, edits: { upstream: { project: 'containerd', date: plus(D, op.days * DAY) } } });
                break;
              case 'leak':
                outcome = await vault.result('process.recordLeak', { id, what: 'patch', toWhom: 'x', when: vault.now(), reportedBy: 'y', distributor: op.distributor });
                break;
              case 'decide':
                outcome = await vault.result('process.decideLeak', { id, leak: `L${op.leak}`, choice: op.choice, reason: 'r' });
                break;
              case 'handoff':
                outcome = await vault.result('process.handoff', { id, to: op.to, note: 'note' });
                break;
              case 'ack':
                outcome = await vault.result('process.acknowledgeHandoff', { id, by: op.by });
                break;
              case 'note':
                outcome = await vault.result('case.note', { id, text: 'a note' });
                break;
            }
            if (!outcome.ok) {
              expect(EXPECTED_REFUSALS.has(outcome.error!.code), outcome.error!.code).toBe(true);
              expect((await vault.call('case.show', { id })).eventCount).toBe(beforeCount);
              expect((await vault.call('process.schedule', { id })).state).toEqual(before.state);
            }
            checkInvariants(await vault.call('process.schedule', { id }));
            expect(verifyChain(id, await vault.call('case.timeline', { id }))).toEqual([]);
          }
          expect((await vault.call('vault.verify', {})).ok).toBe(true);
        } finally {
          await vault.cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});
