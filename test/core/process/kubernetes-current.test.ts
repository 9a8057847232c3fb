// The current Kubernetes practice (field-practice.md): mandatory distributor notice at least
// 7 days before disclosure, a second notice at least 24 h before, announcement at 16:00 UTC on
// a weekday that is not a Friday, shown beside Pacific time.
import { describe, expect, it } from 'vitest';
import { DAY, D, HOUR, done, fields, item, plus, schedule, stateWith } from './fixtures.ts';
import { scheduledItems } from '../../../src/core/process/schedule.ts';

const current = (overrides = {}) => fields(overrides, 'kubernetes-current');
const RELEASE = '2026-03-25T16:00:00.000Z'; // Wednesday

describe('kubernetes-current', () => {
  it('the distributor notice is mandatory: 1–4 weeks, and at least 7 days, before the Release Date', () => {
    const result = schedule(current({ releaseDate: RELEASE }));
    const notice = item(result, 'distributor-notice');
    expect(notice.optional).toBe(false);
    expect(notice.opens).toBe(plus(RELEASE, -28 * DAY));
    expect(notice.due).toBe(plus(RELEASE, -7 * DAY));
    expect(notice.requires).toEqual(['releaseDate', 'cve']);
    expect(notice.detail).toMatch(/patches for all supported release branches/);
  });

  it('the second notice is due at least 24 hours before the release, after the first', () => {
    const result = schedule(current({ releaseDate: RELEASE }));
    const second = item(result, 'second-distributor-notice');
    expect(second.due).toBe(plus(RELEASE, -24 * HOUR));
    expect(second.waitingFor).toBe('firstNotice');
    const noticed = schedule(current({ releaseDate: RELEASE }), stateWith({ 'distributor-notice': done(plus(RELEASE, -10 * DAY)) }));
    expect(noticed.anchors.firstNotice).toBe(plus(RELEASE, -10 * DAY));
    expect(item(noticed, 'second-distributor-notice').waitingFor).toBeNull();
  });

  it('has no forthcoming-fix email any more, only an optional preliminary disclosure', () => {
    const ids = scheduledItems(schedule(current())).map((i) => i.id);
    expect(ids).not.toContain('announce-forthcoming-fix');
    expect(item(schedule(current()), 'preliminary-disclosure').optional).toBe(true);
  });

  it('without a Release Date the notices wait for it', () => {
    const result = schedule(current());
    expect(item(result, 'distributor-notice').due).toBeNull();
    expect(item(result, 'distributor-notice').waitingFor).toBe('releaseDate');
    expect(result.warnings.map((w) => w.code)).toContain('release-date-missing');
  });

  it('warns unless the announcement is at 16:00 UTC on Monday to Thursday', () => {
    const codes = (releaseDate: string) => schedule(current({ releaseDate })).warnings.map((w) => w.code);
    expect(codes(RELEASE)).toEqual([]);
    expect(codes('2026-03-25T17:00:00.000Z')).toContain('release-date-time');
    expect(codes('2026-03-27T16:00:00.000Z')).toContain('release-date-friday');
    expect(codes('2026-03-28T16:00:00.000Z')).toContain('release-date-weekend');
  });

  it('shows Pacific time beside UTC: 16:00 UTC is 08:00 PST in early March and 09:00 PDT after the switch', () => {
    const winter = schedule(current({ releaseDate: '2026-03-04T16:00:00.000Z' }));
    expect(winter.zones).toEqual(['UTC', 'America/Los_Angeles']);
    expect(winter.releaseDateIn[1]).toMatchObject({ zone: 'America/Los_Angeles', time: '08:00', offset: '-08:00' });
    const summer = schedule(current({ releaseDate: RELEASE }));
    expect(summer.releaseDateIn[1]).toMatchObject({ time: '09:00', offset: '-07:00' });
  });

  it('release-day steps are due on the day of the Release Date; binaries before it', () => {
    const result = schedule(current({ releaseDate: RELEASE }));
    expect(item(result, 'patch-releases').due).toBe(RELEASE);
    expect(item(result, 'public-advisory').opens).toBe(RELEASE);
    expect(item(result, 'public-advisory').due).toBe(plus(RELEASE, 24 * HOUR));
    expect(item(result, 'tracking-issue').title).toMatch(/starts with the CVE ID/);
  });

  it('keeps the organisation window of 24 hours from Disclosure', () => {
    expect(item(schedule(current()), 'identify-fix-team').due).toBe(plus(D, 24 * HOUR));
  });
});
