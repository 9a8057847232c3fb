// Times in the renderer: UTC as the process writes it, local time with its zone, and the
// datetime-local field read as local time (a time skipped by a DST change is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLocal, formatUtc, fromLocalInputValue, localZone, offsetText, toLocalInputValue } from '../../src/renderer/lib/time.ts';

const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('time', () => {
  it('writes UTC as YYYY-MM-DD HH:MM UTC', () => {
    expect(formatUtc('2026-11-20T08:30:00Z')).toBe('2026-11-20 08:30 UTC');
    expect(formatUtc('2026-11-20T09:30:00+01:00')).toBe('2026-11-20 08:30 UTC');
  });

  it('writes local time with the zone', () => {
    expect(formatLocal('2026-11-20T08:30:00Z')).toMatch(/^2026-11-20 09:30 (CET|GMT\+1)$/);
    expect(formatLocal('2026-07-20T08:30:00Z')).toMatch(/^2026-07-20 10:30 (CEST|GMT\+2)$/);
    expect(localZone(new Date('2026-11-20T08:30:00Z'))).toEqual({ name: 'Europe/Berlin', offset: '+01:00' });
    expect(offsetText(new Date('2026-07-20T08:30:00Z'))).toBe('+02:00');
  });

  it('reads the datetime-local field as local time', () => {
    expect(fromLocalInputValue('2026-11-20T09:30')).toBe('2026-11-20T08:30:00.000Z');
    expect(fromLocalInputValue('2026-07-20T09:30:15')).toBe('2026-07-20T07:30:15.000Z');
  });

  it('refuses empty, malformed and impossible times', () => {
    for (const value of ['', '2026-11-20', '2026-11-20 09:30', '2026-13-01T09:30', '2026-02-30T09:30', '2026-11-20T24:30', 'yesterday']) {
      expect(fromLocalInputValue(value), value).toBeNull();
    }
    // 02:30 on 2026-03-29 does not exist in Berlin: clocks jump from 02:00 to 03:00.
    expect(fromLocalInputValue('2026-03-29T02:30')).toBeNull();
  });

  it('round-trips every minute between the field and the instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
        return fromLocalInputValue(toLocalInputValue(minute)) === minute.toISOString() || isRepeatedHour(minute);
      }),
    );
  });
});

/** In the hour repeated when DST ends, one wall-clock time names two instants; the field picks the first. */
function isRepeatedHour(date: Date): boolean {
  const hourLater = new Date(date.getTime() + 3_600_000);
  const hourEarlier = new Date(date.getTime() - 3_600_000);
  return toLocalInputValue(hourLater) === toLocalInputValue(date) || toLocalInputValue(hourEarlier) === toLocalInputValue(date);
}

describe('countdowns and the local line', () => {
  it('counts down in days and hours, hours and minutes, and says when it has passed', async () => {
    const { formatCountdown } = await import('../../src/renderer/lib/time.ts');
    const now = new Date('2026-12-01T10:00:00Z');
    expect(formatCountdown('2026-12-03T14:20:00Z', now)).toBe('due in 2 d 4 h');
    expect(formatCountdown('2026-12-01T13:35:00Z', now)).toBe('due in 3 h 35 min');
    expect(formatCountdown('2026-12-01T10:35:00Z', now)).toBe('due in 35 min');
    expect(formatCountdown('2026-12-01T10:00:00Z', now)).toBe('due now');
    expect(formatCountdown('2026-11-30T08:00:00Z', now)).toBe('passed 1 d 2 h ago');
  });

  it('tells whether the local wall clock differs from UTC', async () => {
    const { localDiffersFromUtc } = await import('../../src/renderer/lib/time.ts');
    // This file runs with TZ=Europe/Berlin (see the top of the file): never UTC.
    expect(localDiffersFromUtc('2026-11-20T08:30:00Z')).toBe(true);
  });
});
