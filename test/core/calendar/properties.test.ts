// Properties of the proposer over random cases, calendars, zones and clocks: what it proposes
// passes the check in full, and every earlier candidate fails it for the reasons it lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDate } from '../../../src/core/calendar/check-date.ts';
import { proposeDate } from '../../../src/core/calendar/propose-date.ts';
import { zonedTime, isoWeekdayOf } from '../../../src/core/process/time.ts';
import { fields } from '../process/fixtures.ts';
import { context, holidayOn } from './context.ts';

const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const start = Date.parse('2026-01-01T00:00:00Z');

const arbitraryContext = fc.record({
  nowOffsetHours: fc.integer({ min: 0, max: 24 * 365 }),
  profileId: fc.constantFrom('kubernetes-2017', 'kubernetes-current', 'linux-distros'),
  zones: fc.uniqueArray(fc.constantFrom(...ZONES), { maxLength: 4 }),
  holidayOffsets: fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }) }), { maxLength: 12 }),
  hour: fc.option(fc.constantFrom('00:00', '09:30', '16:00', '23:00'), { nil: null }),
  minNoticeDays: fc.integer({ min: 0, max: 14 }),
  linuxDistros: fc.boolean(),
});

function build(input: typeof arbitraryContext extends fc.Arbitrary<infer T> ? T : never) {
  const now = new Date(start + input.nowOffsetHours * 3_600_000);
  const disclosedAt = now.toISOString();
  return context({
    caseFields: fields({ disclosedAt, createdAt: disclosedAt, updatedAt: disclosedAt }, input.profileId),
    now,
    participants: [{ who: 'UTC', personId: null, zone: 'UTC' }, ...input.zones.map((zone, i) => ({ who: `P${i}`, personId: null, zone }))],
    holidays: input.holidayOffsets.map(({ day, zone }) => holidayOn(new Date(now.getTime() + day * 86_400_000).toISOString().slice(0, 10), zone ? [zone] : [])),
    settings: { releaseTimeUtc: input.hour, minNoticeDays: input.minNoticeDays, linuxDistrosMaxDays: 14 },
    linuxDistros: input.linuxDistros,
  });
}

describe('calendar properties', () => {
  it('a proposed date meets every hard constraint, is no Friday/weekend in any zone, and follows only rejected candidates', () => {
    fc.assert(
      fc.property(arbitraryContext, (input) => {
        const ctx = build(input);
        const { proposed, rejected } = proposeDate(ctx, ctx.now, 45);
        for (const candidate of rejected) {
          const again = checkDate(candidate.releaseDate, ctx);
          expect(again.ok).toBe(false);
          expect(again.reasons).toEqual(candidate.reasons);
          expect(candidate.reasons.length).toBeGreaterThan(0);
        }
        if (!proposed) {
          expect(rejected).toHaveLength(45);
          return;
        }
        expect(checkDate(proposed.releaseDate, ctx).ok).toBe(true);
        expect(proposed.releaseDate > ctx.now.toISOString()).toBe(true);
        expect(rejected.every((candidate) => candidate.releaseDate < proposed.releaseDate)).toBe(true);
        for (const participant of ctx.participants) expect([5, 6, 7]).not.toContain(isoWeekdayOf(zonedTime(proposed.releaseDate, participant.zone)));
        for (const holiday of ctx.holidays) {
          const zones = holiday.zones.length ? holiday.zones : ctx.participants.map((p) => p.zone);
          for (const zone of zones) expect(zonedTime(proposed.releaseDate, zone).date).not.toBe(holiday.date);
        }
        const hour = input.hour ?? (input.profileId === 'kubernetes-current' ? '16:00' : null);
        if (hour) expect(proposed.releaseDate.slice(11, 16)).toBe(hour);
        expect(Date.parse(proposed.releaseDate)).toBeGreaterThanOrEqual(Date.parse(proposed.noticeAt) + input.minNoticeDays * 86_400_000);
      }),
      { numRuns: 60 },
    );
  });
});
