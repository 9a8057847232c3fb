// The holiday calendar in a real vault, through createCore and the contract: holidays persist
// across lock and unlock, a real-looking .ics (Google's export shape, with an RRULE and a timed
// event) imports its all-day days, and a broken .ics is refused with a clear code and changes
// nothing, for any text (fast-check).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVault, testCore, TEST_PASSPHRASE } from '../../helpers/core.ts';

const ICS = join(import.meta.dirname, '..', '..', 'fixtures', 'calendar', 'holidays-de-2030.ics');

describe('calendar: the holiday calendar in a vault', () => {
  let vault: Awaited<ReturnType<typeof freshVault>>;
  beforeAll(async () => {
    vault = await freshVault();
  });
  afterAll(async () => vault.cleanup());

  it('imports the all-day days of a real-looking .ics, skips the repeating and the timed event with why, and keeps them after lock and unlock', async () => {
    const text = await readFile(ICS, 'utf8');
    const result = await vault.call('calendar.importIcs', { text, zones: [] });
    expect(result.added.map((h) => [h.date, h.name])).toEqual([
      ['2030-12-24', 'Christmas Eve'],
      ['2030-12-25', 'Christmas Day and Boxing Day'],
      ['2030-12-26', 'Christmas Day and Boxing Day'],
    ]);
    expect(result.added[0]?.source).toBe('ics:20301224_christmas_eve@google.com');
    expect(result.skipped).toEqual([
      { summary: "New Year's Day", reason: 'it repeats (RRULE/RDATE): only single dates are imported' },
      { summary: 'Team stand-up', reason: 'it is a timed event, not an all-day one' },
    ]);
    const again = await vault.call('calendar.importIcs', { text, zones: [] });
    expect(again).toMatchObject({ added: [], alreadyKnown: 3 });
    const typed = await vault.call('calendar.addHoliday', { date: '2030-10-03', name: 'Tag der Deutschen Einheit', zones: ['Europe/Berlin'] });

    await vault.core.lock();
    const reopened = testCore(vault.dir);
    await reopened.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const list = await reopened.call('calendar.holidays', {});
    expect(list.map((h) => h.date)).toEqual(['2030-10-03', '2030-12-24', '2030-12-25', '2030-12-26']);
    expect(list[0]).toEqual(typed);
    await reopened.call('calendar.removeHoliday', { id: typed.id });
    expect((await reopened.call('calendar.holidays', {})).map((h) => h.date)).toEqual(['2030-12-24', '2030-12-25', '2030-12-26']);
    await reopened.core.lock();
    await vault.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
  });

  it('a broken .ics is refused as a whole with InvalidInput naming the line, and nothing is added', async () => {
    const before = await vault.call('calendar.holidays', {});
    const good = await readFile(ICS, 'utf8');
    // A new, valid event first, then a day the calendar does not have: the valid one is not added either.
    const broken = good
      .replace('X-WR-TIMEZONE:UTC\r\n', 'X-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20301101\r\nUID:all-saints\r\nSUMMARY:All Saints\r\nEND:VEVENT\r\n')
      .replace('DTEND;VALUE=DATE:20301227', 'DTEND;VALUE=DATE:20301399');
    expect(broken).toContain('All Saints');
    const outcome = await vault.result('calendar.importIcs', { text: broken, zones: [] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('InvalidInput');
      expect(outcome.error.message).toMatch(/^This is not a usable iCalendar file: line \d+: 2030-13-99 is not a day of the calendar\. Nothing was imported\.$/);
    }
    expect(await vault.call('calendar.holidays', {})).toEqual(before);
  });

  it('property: any text is imported or refused with InvalidInput/InputTooLarge; a refusal changes nothing', async () => {
    const before = await vault.call('calendar.holidays', {});
    const lines = fc.constantFrom('BEGIN:VCALENDAR', 'END:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'DTSTART;VALUE=DATE:20301301', 'DTSTART:2030', 'DTEND;VALUE=DATE:20301201', 'SUMMARY:x', 'RRULE:FREQ=YEARLY', ' folded', 'garbage', ':', 'BEGIN:VALARM');
    const text = fc.oneof(fc.string(), fc.array(lines, { maxLength: 12 }).map((parts) => parts.join('\r\n')));
    await fc.assert(
      fc.asyncProperty(text, async (candidate) => {
        const outcome = await vault.result('calendar.importIcs', { text: candidate, zones: [] });
        if (outcome.ok) {
          // Whatever was added goes again, so every run starts from the same calendar.
          for (const holiday of outcome.value.added) await vault.call('calendar.removeHoliday', { id: holiday.id });
        } else {
          expect(['InvalidInput', 'InputTooLarge']).toContain(outcome.error.code);
        }
        expect(await vault.call('calendar.holidays', {})).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('the usual release hour is the vault\'s setting: another project sets its own and the check follows it', async () => {
    const { id } = await vault.call('case.create', { title: 'Release hour case', disclosedAt: '2030-12-10T09:00:00Z', kind: 'private', profile: 'kubernetes-2017' });
    expect(await vault.call('calendar.updateSettings', { releaseTimeUtc: '14:00' })).toMatchObject({ releaseTimeUtc: '14:00' });
    const check = await vault.call('calendar.check', { id, releaseDate: '2030-12-18T16:00:00Z', linuxDistros: false, noticeAt: '2030-12-10T10:00:00Z' });
    expect(check.results.find((r) => r.constraint === 'release-hour')).toMatchObject({ ok: false, message: 'At 16:00 UTC, not the usual release hour 14:00 UTC.' });
    const proposal = await vault.call('calendar.propose', { id, linuxDistros: false, noticeAt: '2030-12-10T10:00:00Z', from: '2030-12-16T00:00:00Z', maxDays: 10 });
    expect(proposal.proposed?.releaseDate).toBe('2030-12-17T14:00:00.000Z');
  });
});
