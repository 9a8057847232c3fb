// The Release Date check and the proposer, on pure contexts: every constraint once.
import { describe, expect, it } from 'vitest';
import { checkDate } from '../../../src/core/calendar/check-date.ts';
import { proposeDate } from '../../../src/core/calendar/propose-date.ts';
import { DAY, D, done, fields, plus, stateWith } from '../process/fixtures.ts';
import { context, holidayOn } from './context.ts';

const failed = (releaseDate: string, ctx = context()) =>
  checkDate(releaseDate, ctx)
    .results.filter((result) => !result.ok)
    .map((result) => result.constraint);

describe('calendar: checking a Release Date', () => {
  it('Kubernetes: proposes the first 16:00 UTC Monday–Thursday at least 7 days after the earliest notice, with why each day before was rejected', () => {
    // D is Monday 2026-03-02 09:00 UTC and no notice has gone out: the earliest is now.
    const { proposed, rejected } = proposeDate(context(), new Date(D), 30);
    expect(proposed?.releaseDate).toBe('2026-03-09T16:00:00.000Z');
    expect(proposed?.ok).toBe(true);
    expect(rejected.map((r) => r.releaseDate.slice(0, 10))).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    for (const candidate of rejected) expect(candidate.reasons.join(' ')).toMatch(/less than 7 days' notice/);
    const friday = rejected.find((r) => r.releaseDate.startsWith('2026-03-06'));
    expect(friday?.reasons.join(' ')).toMatch(/A Fri for UTC/);
    expect(friday?.reasons.join(' ')).toMatch(/Friday in UTC; the profile allows Monday, Tuesday, Wednesday, Thursday/);
  });

  it('refuses the wrong hour, and the vault setting replaces the profile\'s hour', () => {
    expect(failed('2026-03-10T15:00:00.000Z')).toEqual(['release-hour']);
    const atTwo = context({ settings: { releaseTimeUtc: '14:00', minNoticeDays: 7, linuxDistrosMaxDays: 14 } });
    expect(failed('2026-03-10T16:00:00.000Z', atTwo)).toEqual(['release-hour']);
    expect(proposeDate(atTwo, new Date(D), 30).proposed?.releaseDate).toBe('2026-03-09T14:00:00.000Z');
  });

  it('refuses a holiday for everyone, and a zone\'s holiday only where that zone reads the date', () => {
    const ctx = context({ holidays: [holidayOn('2026-03-09', [], 'Team day off')] });
    const { proposed, rejected } = proposeDate(ctx, new Date(D), 30);
    expect(proposed?.releaseDate).toBe('2026-03-10T16:00:00.000Z');
    expect(rejected.at(-1)?.reasons).toEqual(['A holiday: Team day off (2026-03-09).']);
    // 16:00 UTC on Monday the 9th is already Tuesday the 10th in Auckland.
    const auckland = context({ holidays: [holidayOn('2026-03-10', ['Pacific/Auckland'], 'Auckland day')] });
    expect(failed('2026-03-09T16:00:00.000Z', auckland)).toEqual(['holiday']);
    expect(failed('2026-03-10T16:00:00.000Z', auckland)).toEqual([]);
  });

  it('reads the date in every participant\'s zone and refuses a Friday there', () => {
    const ctx = context({
      participants: [
        { who: 'UTC', personId: null, zone: 'UTC' },
        { who: 'Ana (Fix Team)', personId: 'person-00000001', zone: 'Pacific/Auckland' },
      ],
    });
    const thursday = checkDate('2026-03-12T16:00:00.000Z', ctx);
    expect(thursday.inZones.map((z) => [z.who, z.at.date, z.at.time, z.at.weekday, z.at.offset])).toEqual([
      ['UTC', '2026-03-12', '16:00', 'Thu', '+00:00'],
      ['Ana (Fix Team)', '2026-03-13', '05:00', 'Fri', '+13:00'],
    ]);
    expect(thursday.reasons).toEqual(['A Fri for Ana (Fix Team) (Pacific/Auckland, 2026-03-13 05:00): no Friday or weekend.']);
  });

  it('linux-distros: at most 14 days after the first notice, at least 7 days\' notice, 7 preferred (soft)', () => {
    const notice = plus(D, 3 * DAY); // Thursday 2026-03-05 09:00
    const ctx = context({ profileId: 'linux-distros', caseFields: fields({}, 'linux-distros'), state: stateWith({ 'first-notice': done(notice) }), now: new Date(plus(notice, DAY)) });
    expect(failed(plus(notice, 15 * DAY), ctx)).toEqual(expect.arrayContaining(['profile-latest', 'linux-distros-max']));
    expect(failed(plus(notice, 6 * DAY), ctx)).toContain('distributor-notice');
    const tuesday = checkDate(plus(notice, 12 * DAY), ctx);
    expect(tuesday.ok).toBe(true);
    expect(tuesday.noticeSent).toBe(true);
    expect(tuesday.results.find((r) => r.constraint === 'profile-preferred')).toMatchObject({ ok: false, strength: 'soft' });
    expect(tuesday.results.some((r) => r.constraint === 'release-hour')).toBe(false);
  });

  it('the 14-day maximum applies to another profile when linux-distros is a party, counted from the planned notice', () => {
    const ctx = context({ linuxDistros: true, plannedNoticeAt: plus(D, 2 * DAY) });
    const check = checkDate('2026-03-19T16:00:00.000Z', ctx);
    expect(check.noticeSent).toBe(false);
    expect(check.noticeAt).toBe(plus(D, 2 * DAY));
    expect(check.reasons.join(' ')).toMatch(/More than linux-distros' 14 days after the earliest first notice \(2026-03-04 09:00 UTC, not sent yet\)/);
  });

  it('the 2017 profile: no later than Disclosure + 21 days; no hour rule means candidates at the next full hour, not Kubernetes\' 16:00', () => {
    const ctx = context({ caseFields: fields({}, 'kubernetes-2017') });
    expect(failed(plus(D, 22 * DAY), ctx)).toEqual(['profile-latest']);
    expect(proposeDate(ctx, new Date(D), 30).proposed?.releaseDate).toBe('2026-03-09T09:00:00.000Z');
    expect(proposeDate(ctx, new Date(Date.parse(D) + 60_000), 30).proposed?.releaseDate).toBe('2026-03-09T10:00:00.000Z');
    // The vault's usual hour decides for a project whose profile has none.
    const vault = context({ caseFields: fields({}, 'kubernetes-2017'), settings: { releaseTimeUtc: '13:30', minNoticeDays: 7, linuxDistrosMaxDays: 14 } });
    expect(proposeDate(vault, new Date(D), 30).proposed?.releaseDate).toBe('2026-03-09T13:30:00.000Z');
  });

  it('proposes nothing when no day in range meets every constraint, and refuses the past', () => {
    const ctx = context({ caseFields: fields({}, 'kubernetes-2017'), settings: { releaseTimeUtc: null, minNoticeDays: 30, linuxDistrosMaxDays: 14 } });
    const { proposed, rejected } = proposeDate(ctx, new Date(D), 40);
    expect(proposed).toBeNull();
    expect(rejected).toHaveLength(40);
    expect(failed(plus(D, -DAY))).toContain('after-now');
  });
});
