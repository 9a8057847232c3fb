// The schedule picture's layout, on schedules the real engine computes: a 3-week private case
// and a 2-day public (ASAP) case stay readable at the desktop's widths — day ticks never
// crowd their labels, marks never overlap, marker labels never collide, every item with a time
// is drawn exactly once, and a done item is never drawn overdue — and the zone readings match
// the core's.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Schedule, TimelineEvent } from '../../src/shared/contract/index.ts';
import {
  METRICS,
  layoutPicture,
  markInstant,
  placeMarks,
  textWidth,
  timeRange,
  wrapText,
  type PictureLayout,
} from '../../src/renderer/features/process/timeline-layout.ts';
import { readInZone } from '../../src/renderer/features/process/zones.ts';
import { fromUtcInputValue, toUtcInputValue } from '../../src/renderer/features/process/utc-input.ts';
import { zonedTime } from '../../src/core/process/time.ts';
import { D, DAY, HOUR, done, fields, plus, schedule, stateWith } from '../core/process/fixtures.ts';

const WIDTHS = [968, 620, 1400];

function event(seq: number, at: string, type = 'note'): TimelineEvent {
  return { seq, at, actor: 'tester', type, data: {}, prev: '0'.repeat(64), hash: seq.toString(16).padStart(64, '0') };
}

/** A 3-week private case, mid-flight: organisation and fix done, one step late, Release Date at D + 20 days. */
function threeWeekCase(): { schedule: Schedule; events: TimelineEvent[] } {
  const releaseDate = plus(D, 20 * DAY + 7 * HOUR);
  const state = stateWith({
    'identify-fix-team': done(plus(D, 3 * HOUR)),
    'grant-private-repo': done(plus(D, 30 * HOUR)), // after its 24 h window: done late
    'cvss-call': done(plus(D, 2 * DAY)),
    'fix-branch-lgtm': done(plus(D, 5 * DAY)),
  });
  const result = schedule(fields({ releaseDate }), state, plus(D, 9 * DAY), ['America/Los_Angeles']);
  const events = [0, 1, 1, 1, 3, 30, 48, 50, 120, 121, 121, 200].map((hours, index) => event(index + 1, plus(D, hours * HOUR)));
  return { schedule: result, events };
}

/** A public case two days old: every open window is "as soon as possible". */
function asapCase(): { schedule: Schedule; events: TimelineEvent[] } {
  const state = stateWith({ 'identify-fix-team': done(plus(D, 2 * HOUR)) });
  const result = schedule(fields({ kind: 'public' }), state, plus(D, 2 * DAY));
  return { schedule: result, events: [event(1, D), event(2, plus(D, 2 * HOUR)), event(3, plus(D, 40 * HOUR))] };
}

function allMarks(layout: PictureLayout) {
  return [...layout.rows.flatMap((row) => row.marks), ...layout.events.marks];
}

function expectReadable(layout: PictureLayout): void {
  // Tick labels (11 px) never overlap their neighbours.
  for (let i = 1; i < layout.ticks.length; i += 1) {
    const previous = layout.ticks[i - 1]!;
    const tick = layout.ticks[i]!;
    const room = tick.x - previous.x;
    expect(room, `${previous.label} → ${tick.label}`).toBeGreaterThanOrEqual((textWidth(previous.label, 11) + textWidth(tick.label, 11)) / 2 + 4);
  }
  // Month labels do not run into each other.
  for (let i = 1; i < layout.months.length; i += 1) {
    expect(layout.months[i]!.x - layout.months[i - 1]!.x).toBeGreaterThanOrEqual(textWidth(layout.months[i - 1]!.label));
  }
  // Marker labels share a lane only when they do not touch.
  for (const a of layout.labels) {
    for (const b of layout.labels) {
      if (a === b || a.lane !== b.lane) continue;
      expect(a.right <= b.left || b.right <= a.left, `${a.text} / ${b.text}`).toBe(true);
    }
  }
  // Marks in one row are never drawn on top of each other.
  const rows = [...layout.rows.map((row) => row.marks as { x: number; y: number }[]), layout.events.marks];
  for (const marks of rows) {
    for (const a of marks) {
      for (const b of marks) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= METRICS.markSpacing || Math.abs(a.y - b.y) >= METRICS.slotHeight;
        expect(apart, `marks at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(true);
      }
    }
  }
  // Everything is inside the chart, and the rows stack without overlapping.
  for (const mark of allMarks(layout)) {
    expect(mark.x).toBeGreaterThanOrEqual(layout.chart.left);
    expect(mark.x).toBeLessThanOrEqual(layout.chart.right);
  }
  for (let i = 1; i < layout.rows.length; i += 1) {
    expect(layout.rows[i]!.y).toBe(layout.rows[i - 1]!.y + layout.rows[i - 1]!.height);
  }
}

describe('the schedule picture layout', () => {
  it.each(WIDTHS)('keeps a 3-week case readable at %i px', (width) => {
    const { schedule: result, events } = threeWeekCase();
    const layout = layoutPicture({ schedule: result, events, width });
    expectReadable(layout);
    // Days are ticked (every day, or every other day when narrow), in UTC.
    expect(layout.step).toBeLessThanOrEqual(2 * DAY);
    expect(layout.step).toBeGreaterThanOrEqual(DAY);
    // The Release Date and the retrospective's deadline are inside the range, and so is now.
    expect(layout.releaseDate).toBe(Date.parse(result.anchors.releaseDate!));
    expect(layout.end).toBeGreaterThan(Date.parse(plus(result.anchors.releaseDate!, 3 * DAY)));
    expect(layout.start).toBeLessThan(Date.parse(D));
    expect(layout.labels.map((label) => label.kind).sort()).toEqual(['disclosure', 'now', 'release']);
  });

  it('draws every item that has a time exactly once, done items as done and late ones as late', () => {
    const { schedule: result, events } = threeWeekCase();
    const layout = layoutPicture({ schedule: result, events, width: 968 });
    const drawn = layout.rows.flatMap((row) => row.marks.flatMap((mark) => mark.items.map((item) => item.id)));
    const timed = result.phases.flatMap((phase) => phase.items.filter((item) => markInstant(item, result.now) !== null).map((item) => item.id));
    expect(drawn.sort()).toEqual(timed.sort());
    expect(layout.events.marks.flatMap((mark) => mark.events.map((e) => e.seq)).sort((a, b) => a - b)).toEqual(events.map((e) => e.seq));
    for (const mark of layout.rows.flatMap((row) => row.marks)) {
      if (mark.items.every((item) => item.state === 'done')) expect(mark.state).toBe('done');
      if (mark.state === 'overdue') expect(mark.items.some((item) => item.state === 'overdue')).toBe(true);
    }
    const late = layout.rows.flatMap((row) => row.marks).find((mark) => mark.items.some((item) => item.id === 'grant-private-repo'));
    expect(late?.late).toBe(true);
    // The organisation phase is done: its band is drawn, with both marks in it.
    const organisation = layout.rows.find((row) => row.phase.id === 'fix-team-organization');
    expect(organisation?.band).not.toBeNull();
  });

  it('shades the weekends of the range in UTC', () => {
    const { schedule: result, events } = threeWeekCase();
    const layout = layoutPicture({ schedule: result, events, width: 968 });
    const x = (ms: number) => layout.chart.left + ((ms - layout.start) / (layout.end - layout.start)) * (layout.chart.right - layout.chart.left);
    // D is Monday 2026-03-02: Saturday 03-07 and Sunday 03-08 form one span.
    const saturday = Date.parse('2026-03-07T00:00:00Z');
    const span = layout.weekends.find((candidate) => Math.abs(candidate.x1 - x(saturday)) < 0.5);
    expect(span).toBeDefined();
    expect(span!.x2).toBeCloseTo(x(saturday + 2 * DAY), 3);
  });

  it.each(WIDTHS)('keeps a 2-day ASAP case readable at %i px, every open step at the now line', (width) => {
    const { schedule: result, events } = asapCase();
    const layout = layoutPicture({ schedule: result, events, width });
    expectReadable(layout);
    expect(layout.end - layout.start).toBeGreaterThanOrEqual(2 * DAY);
    expect(layout.step).toBeLessThan(DAY);
    const now = Date.parse(result.now);
    const nowX = layout.chart.left + ((now - layout.start) / (layout.end - layout.start)) * (layout.chart.right - layout.chart.left);
    for (const row of layout.rows) {
      for (const mark of row.marks) {
        if (mark.state === 'asap') expect(Math.abs(mark.x - nowX)).toBeLessThan(1);
      }
      if (row.phase.asap) expect(row.asapBand).not.toBeNull();
    }
    expect(layout.rows.flatMap((row) => row.marks).some((mark) => mark.state === 'asap')).toBe(true);
    // What is due now has room to the right of the now line.
    expect(layout.chart.right - nowX).toBeGreaterThan(0.1 * (layout.chart.right - layout.chart.left));
    expect(layout.releaseDate).toBeNull();
  });

  it('never overlaps marks, whatever the times (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 200, max: 900, noNaN: true }), { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (xs, slots) => {
        const placed = placeMarks(
          xs.map((x, index) => ({ x, at: String(index), group: index % 3 === 0 ? 'a' : 'b', payload: index })),
          slots,
          METRICS.markSpacing,
        );
        // Every mark is placed once.
        expect(placed.flatMap((mark) => mark.payloads).sort((a, b) => a - b)).toEqual(xs.map((_, index) => index));
        for (const a of placed) {
          expect(a.slot).toBeLessThan(slots);
          for (const b of placed) {
            if (a !== b && a.slot === b.slot) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(METRICS.markSpacing);
          }
        }
      }),
    );
  });

  it('keeps any range readable (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 * 24 }),
        fc.integer({ min: 0, max: 60 * 24 }),
        fc.integer({ min: 480, max: 1600 }),
        (hoursToRelease, hoursToNow, width) => {
          const result = schedule(fields({ releaseDate: plus(D, hoursToRelease * HOUR) }), stateWith(), plus(D, hoursToNow * HOUR));
          const layout = layoutPicture({ schedule: result, events: [event(1, D)], width });
          expectReadable(layout);
          const range = timeRange(result, []);
          expect(range.end).toBeGreaterThan(range.start);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('wraps phase titles into at most two lines that fit the gutter', () => {
    const lines = wrapText('Optional Fix Disclosure to Private Distributors List', 202, 13);
    expect(lines).toEqual(['Optional Fix Disclosure to', 'Private Distributors List']);
    const cut = wrapText('Disclosure of Forthcoming Fix to Users with a very long tail that cannot fit', 140, 13);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    for (const line of cut) expect(line.length).toBeLessThanOrEqual(Math.floor(140 / (13 * METRICS.glyphWidth)));
  });
});

describe('zone readings and the UTC field', () => {
  it('reads instants in a zone exactly as the core does', () => {
    const instants = ['2026-03-08T09:59:00Z', '2026-03-08T10:00:00Z', '2026-11-01T08:30:00Z', '2026-12-31T23:30:00Z', D];
    for (const zone of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (const iso of instants) expect(readInZone(iso, zone), `${iso} in ${zone}`).toEqual(zonedTime(iso, zone));
    }
  });

  it('round-trips the Release Date field in UTC and refuses impossible times', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z') / 60_000, max: Date.parse('2099-12-31T23:59:00Z') / 60_000 }), (minutes) => {
        const iso = new Date(minutes * 60_000).toISOString();
        expect(fromUtcInputValue(toUtcInputValue(iso))).toBe(iso);
      }),
    );
    for (const value of ['', '2026-02-30T16:00', '2026-12-02T24:00', '2026-12-02', 'tomorrow']) expect(fromUtcInputValue(value), value).toBeNull();
  });
});
