// The .ics reader: all-day events become holidays; everything it cannot read as one is either
// skipped with a reason (timed, repeating) or, when the file itself is broken, refused whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../src/core/calendar/parse-ics.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';
import { LIMITS } from '../../../src/shared/limits.ts';

const calendar = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n') + '\r\n';
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof EmbargoError) return error.code;
    throw error;
  }
}

/** Text escaped as RFC 5545 TEXT and folded at 75 characters. */
function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
}
function fold(line: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push((i === 0 ? '' : ' ') + line.slice(i, i + 74));
  return parts.join('\r\n');
}

describe('parseIcs', () => {
  it('reads all-day events, multi-day ones by their exclusive DTEND, escaped and folded summaries, and ignores VALARM properties', () => {
    const text = calendar(
      event('UID:xmas@example', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day'),
      event('UID:break', 'DTSTART;VALUE=DATE:20261230', 'DTEND;VALUE=DATE:20270102', fold(`SUMMARY:${icsText('Year end, office closed; ')}${'x'.repeat(90)}`), 'BEGIN:VALARM', 'ACTION:DISPLAY', 'SUMMARY:alarm', 'TRIGGER:-PT15M', 'END:VALARM'),
      event('UID:meeting', 'DTSTART:20261201T100000Z', 'SUMMARY:Meeting'),
      event('UID:yearly', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'SUMMARY:New Year'),
    );
    const parsed = parseIcs(text);
    expect(parsed.holidays).toEqual([
      { uid: 'xmas@example', dates: ['2026-12-25'], summary: 'Christmas Day' },
      { uid: 'break', dates: ['2026-12-30', '2026-12-31', '2027-01-01'], summary: `Year end, office closed; ${'x'.repeat(90)}` },
    ]);
    expect(parsed.skipped).toEqual([
      { summary: 'Meeting', reason: 'it is a timed event, not an all-day one' },
      { summary: 'New Year', reason: 'it repeats (RRULE/RDATE): only single dates are imported' },
    ]);
  });

  it.each([
    ['not iCalendar', 'hello\nworld', /does not start with BEGIN:VCALENDAR/],
    ['unclosed', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\n', /ends inside VEVENT/],
    ['mismatched END', calendar('BEGIN:VEVENT', 'END:VTODO'), /END:VTODO does not close VEVENT/],
    ['no colon', calendar(event('DTSTART;VALUE=DATE:20260101', 'garbage line')), /is not NAME:VALUE/],
    ['impossible day', calendar(event('DTSTART;VALUE=DATE:20260230')), /2026-02-30 is not a day of the calendar/],
    ['ends before it starts', calendar(event('DTSTART;VALUE=DATE:20260105', 'DTEND;VALUE=DATE:20260105')), /ends before it starts/],
    ['text after the end', `${calendar()}BEGIN:VCALENDAR\r\n`, /follows END:VCALENDAR/],
  ])('refuses %s with InvalidInput and a clear message', (_name, text, message) => {
    expect(() => parseIcs(text)).toThrow(message);
    expect(codeOf(() => parseIcs(text))).toBe('InvalidInput');
  });

  it('refuses past its limits: bytes, events, and the days one event spans', () => {
    expect(codeOf(() => parseIcs(calendar(`X-PAD:${'a'.repeat(LIMITS.icsBytes)}`)))).toBe('InputTooLarge');
    const many = Array.from({ length: LIMITS.icsEvents + 1 }, (_, i) => event(`UID:${i}`, 'DTSTART;VALUE=DATE:20260101'));
    expect(codeOf(() => parseIcs(calendar(...many)))).toBe('InputTooLarge');
    expect(codeOf(() => parseIcs(calendar(event('DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20260301'))))).toBe('InputTooLarge');
  });

  it('property: written events read back as the same days and summaries, folded or not, LF or CRLF', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const summary = fc.string({ minLength: 1, maxLength: 150 }).filter((s) => s.trim() !== '' && !/[\r\n\\]/.test(s) && s.trim() === s);
    fc.assert(
      fc.property(fc.array(fc.record({ day, length: fc.integer({ min: 1, max: 5 }), summary }), { maxLength: 20 }), fc.boolean(), (events, lf) => {
        const text = calendar(
          ...events.map((e, i) => {
            const end = new Date(Date.parse(`${e.day}T00:00:00Z`) + e.length * 86_400_000).toISOString().slice(0, 10);
            return event(`UID:e${i}`, `DTSTART;VALUE=DATE:${e.day.replaceAll('-', '')}`, `DTEND;VALUE=DATE:${end.replaceAll('-', '')}`, fold(`SUMMARY:${icsText(e.summary)}`));
          }),
        );
        const parsed = parseIcs(lf ? text.replaceAll('\r\n', '\n') : text);
        expect(parsed.skipped).toEqual([]);
        expect(parsed.holidays.map((h) => [h.dates.length, h.dates[0], h.summary])).toEqual(events.map((e) => [e.length, e.day, e.summary.slice(0, 200)]));
      }),
      { numRuns: 100 },
    );
  });

  it('property: any text either parses or is refused with InvalidInput/InputTooLarge, never another error', () => {
    const line = fc.oneof(
      fc.constantFrom('BEGIN:VCALENDAR', 'END:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'BEGIN:VALARM', 'END:VALARM', 'DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20260103', 'DTSTART:20260101T000000Z', 'RRULE:FREQ=YEARLY', 'SUMMARY:x', ' folded', ''),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\r\n', '\n', '\r'), (lines, eol) => {
        const code = codeOf(() => parseIcs(lines.join(eol)));
        expect([null, 'InvalidInput', 'InputTooLarge']).toContain(code);
      }),
      { numRuns: 500 },
    );
  });
});
