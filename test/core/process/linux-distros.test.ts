// The linux-distros policy: an embargo of at most 14 days from the first notice, under 7
// preferred.
import { describe, expect, it } from 'vitest';
import { DAY, D, HOUR, done, fields, item, plus, schedule, stateWith } from './fixtures.ts';

const distros = (overrides = {}) => fields(overrides, 'linux-distros');
const NOTICE = plus(D, 3 * DAY);

describe('linux-distros', () => {
  it('before the first notice nothing is counted from it, and the preparation has no deadline', () => {
    const result = schedule(distros(), undefined, plus(D, 30 * DAY));
    expect(item(result, 'fix-ready')).toMatchObject({ due: null, state: 'upcoming' });
    expect(item(result, 'make-public')).toMatchObject({ due: null, waitingFor: 'releaseDate', state: 'upcoming' });
  });

  it('the embargo ends at most 14 days after the first notice, 7 preferred', () => {
    const state = stateWith({ 'first-notice': done(NOTICE) });
    const result = schedule(distros(), state, plus(NOTICE, HOUR));
    expect(result.anchors.firstNotice).toBe(NOTICE);
    expect(item(result, 'make-public').due).toBe(plus(NOTICE, 14 * DAY));
    expect(item(result, 'make-public').preferredDue).toBe(plus(NOTICE, 7 * DAY));
    expect(item(schedule(distros(), state, plus(NOTICE, 14 * DAY + HOUR)), 'make-public').state).toBe('overdue');
  });

  it('with a Release Date, the first notice goes out no earlier than 14 days before it, 7 preferred', () => {
    const release = plus(D, 20 * DAY);
    const result = schedule(distros({ releaseDate: release }));
    expect(item(result, 'first-notice')).toMatchObject({ opens: plus(release, -14 * DAY), due: release, preferredDue: plus(release, -7 * DAY) });
  });

  it('warns when the Release Date is more than 14 days after the first notice, and past the preferred 7', () => {
    const state = stateWith({ 'first-notice': done(NOTICE) });
    const codes = (releaseDate: string) => schedule(distros({ releaseDate }), state).warnings.map((w) => w.code);
    expect(codes(plus(NOTICE, 15 * DAY))).toContain('release-date-too-late');
    expect(codes(plus(NOTICE, 10 * DAY))).toContain('release-date-past-preferred');
    expect(codes(plus(NOTICE, 6 * DAY))).not.toContain('release-date-past-preferred');
  });

  it('does not allow slowing down', () => {
    expect(schedule(distros()).warnings.map((w) => w.code)).not.toContain('low-score-may-slow-down');
  });
});
