// Where everything of the schedule picture goes: the time range and its scale, the day ticks,
// the weekend shading, one row per phase with its window band and its item marks, a lane of
// timeline events, and the Now / Release Date / Disclosure markers with labels that never
// overlap. Pure (no DOM), so it is tested on its own; the component only draws what this says.
//
// Marks are placed in slots: a mark that would overlap the one before it goes one slot down;
// when every slot is taken, or the marks are at the same instant, they merge into one group
// (drawn with a count), so labels and marks never overlap however crowded the schedule is.
import type { ItemState, Schedule, ScheduledItem, ScheduledPhase, TimelineEvent } from '../../../shared/contract/index.ts';
import { mostUrgent } from './labels.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Tick steps the axis may use, smallest first. */
const STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 91 * DAY, 182 * DAY];

export const METRICS = {
  markerLanes: 2,
  markerLaneHeight: 20,
  axisHeight: 44,
  rowMinHeight: 54,
  slotHeight: 18,
  maxItemSlots: 3,
  eventRowHeight: 40,
  maxEventSlots: 2,
  markRadius: 6,
  /** Marks closer than this (px) share a group when they cannot take another slot. */
  markSpacing: 16,
  bottomPadding: 12,
  rightPadding: 20,
  gutterGap: 16,
  /** Average glyph width per px of font size, for system sans-serif text. */
  glyphWidth: 0.58,
  labelFont: 12,
  titleFont: 13,
  minTickSpacing: 30,
} as const;

export interface Tick {
  x: number;
  /** Where the label goes: day labels sit in the middle of their day, times on their tick. */
  labelX: number;
  at: number;
  /** The tick falls on 00:00 UTC. */
  dayStart: boolean;
  label: string;
}

export interface MonthLabel {
  x: number;
  label: string;
}

export interface Span {
  x1: number;
  x2: number;
}

export interface ItemMark {
  kind: 'items';
  key: string;
  x: number;
  y: number;
  /** The instant the mark stands for (due, done, or now for ASAP). */
  at: string;
  state: ItemState;
  /** Done after its due time (drawn done, with a late ring). */
  late: boolean;
  items: ScheduledItem[];
  /** For an overdue mark: how far it is late, up to the now line. */
  lateness: Span | null;
}

export interface EventMark {
  kind: 'events';
  key: string;
  x: number;
  y: number;
  at: string;
  events: TimelineEvent[];
}

export type Mark = ItemMark | EventMark;

export interface PhaseRow {
  phase: ScheduledPhase;
  y: number;
  height: number;
  /** The phase's window (opens → due), or null when it cannot be computed yet. */
  band: Span | null;
  /** The phase is "as soon as possible": a hatched band up to the now line. */
  asapBand: Span | null;
  /** Item windows that differ from the phase's, drawn as thin lines under the band. */
  itemWindows: Span[];
  titleLines: string[];
  status: string;
  marks: ItemMark[];
}

export interface MarkerLabel {
  kind: 'now' | 'release' | 'disclosure';
  x: number;
  lane: number;
  text: string;
  anchor: 'start' | 'end';
  /** The label's left and right edge, for tests and hit areas. */
  left: number;
  right: number;
}

export interface PictureLayout {
  width: number;
  height: number;
  gutter: number;
  chart: { left: number; right: number; top: number; bottom: number };
  axisY: number;
  start: number;
  end: number;
  step: number;
  ticks: Tick[];
  months: MonthLabel[];
  weekends: Span[];
  rows: PhaseRow[];
  events: { y: number; height: number; marks: EventMark[] };
  now: number;
  releaseDate: number | null;
  disclosure: number;
  labels: MarkerLabel[];
}

export interface LayoutInput {
  schedule: Schedule;
  events: readonly TimelineEvent[];
  width: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function textWidth(text: string, fontSize: number = METRICS.labelFont): number {
  return Math.ceil(text.length * fontSize * METRICS.glyphWidth);
}

/** "Wed 2 Dec 16:00 UTC" */
export function shortUtc(ms: number): string {
  const date = new Date(ms);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** Where the instant of a mark is: done and skipped items when they happened, open ones when due, ASAP ones now. */
export function markInstant(item: ScheduledItem, now: string): string | null {
  if (item.record) return item.record.doneAt;
  if (item.state === 'asap') return now;
  return item.due;
}

function itemInstants(schedule: Schedule): number[] {
  const times: number[] = [];
  for (const phase of schedule.phases) {
    for (const iso of [phase.opens, phase.due]) if (iso) times.push(Date.parse(iso));
    for (const item of phase.items) {
      for (const iso of [item.opens, item.due, item.record?.doneAt ?? null]) if (iso) times.push(Date.parse(iso));
    }
  }
  return times;
}

/** The range shown: everything that has a time, at least two days, with some air on both sides. */
export function timeRange(schedule: Schedule, events: readonly TimelineEvent[]): { start: number; end: number } {
  const now = Date.parse(schedule.now);
  const times = [
    Date.parse(schedule.anchors.disclosure),
    now,
    ...itemInstants(schedule),
    ...events.map((event) => Date.parse(event.at)),
  ];
  if (schedule.anchors.releaseDate) times.push(Date.parse(schedule.anchors.releaseDate));
  let start = Math.min(...times);
  let end = Math.max(...times);
  // The now line never sits at the right edge: what is due now (ASAP) is drawn there, with its label.
  end = Math.max(end, now + Math.max(12 * HOUR, (end - start) * 0.15));
  const minimum = 2 * DAY;
  if (end - start < minimum) start = end - minimum;
  const air = Math.max(2 * HOUR, (end - start) * 0.03);
  start -= air;
  end += air;
  return { start, end };
}

/** Hour labels ("06:00", "Wed 19") and week labels ("14 Dec") need more room than day numbers. */
function minSpacing(step: number): number {
  return step < DAY || step >= 7 * DAY ? 50 : METRICS.minTickSpacing;
}

function chooseStep(pxPerMs: number): number {
  return STEPS.find((step) => step * pxPerMs >= minSpacing(step)) ?? (STEPS.at(-1) as number);
}

/** 1970-01-05, the first Monday after the epoch: weekly ticks fall on Mondays. */
const FIRST_MONDAY = 4 * DAY;

function tickLabel(at: number, step: number, pxPerStep: number): string {
  const date = new Date(at);
  const dayStart = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
  if (step < DAY && !dayStart) return `${pad(date.getUTCHours())}:00`;
  if (step < DAY) return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()}`;
  if (step >= 7 * DAY) return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return pxPerStep >= 38 && step === DAY ? `${WEEKDAYS[date.getUTCDay()]?.slice(0, 2)} ${date.getUTCDate()}` : String(date.getUTCDate());
}

function axis(start: number, end: number, x: (ms: number) => number, step: number): { ticks: Tick[]; months: MonthLabel[] } {
  const pxPerStep = x(start + step) - x(start);
  const origin = step >= 7 * DAY ? FIRST_MONDAY : 0;
  const first = Math.ceil((start - origin) / step) * step + origin;
  const ticks: Tick[] = [];
  for (let at = first; at <= end; at += step) {
    const date = new Date(at);
    const labelX = step === DAY || step === 2 * DAY ? x(at + DAY / 2) : x(at);
    ticks.push({ x: x(at), labelX, at, dayStart: date.getUTCHours() === 0, label: tickLabel(at, step, pxPerStep) });
  }
  const months: MonthLabel[] = [];
  const cursor = new Date(start);
  let monthStart = Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth(), 1);
  while (monthStart <= end) {
    const date = new Date(monthStart);
    const label = `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    const labelX = Math.max(x(start), x(monthStart));
    const previous = months.at(-1);
    // A month label pushed to the left edge hides the one before it.
    if (previous && labelX - previous.x < textWidth(previous.label) + 8) months.pop();
    months.push({ x: labelX, label });
    monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return { ticks, months };
}

function weekendSpans(start: number, end: number, x: (ms: number) => number): Span[] {
  const spans: Span[] = [];
  for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) continue;
    const x1 = x(Math.max(day, start));
    const x2 = x(Math.min(day + DAY, end));
    const last = spans.at(-1);
    if (last && Math.abs(last.x2 - x1) < 0.5) last.x2 = x2;
    else spans.push({ x1, x2 });
  }
  return spans;
}

/** Splits a title into at most `maxLines` lines of `width` px; the last line ends with … when cut. */
export function wrapText(text: string, width: number, fontSize: number, maxLines = 2): string[] {
  const perLine = Math.max(4, Math.floor(width / (fontSize * METRICS.glyphWidth)));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let index = 0;
  for (; index < words.length; index += 1) {
    const word = words[index] as string;
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    index = words.length;
  }
  if (index < words.length && lines.length > 0) {
    const last = lines[lines.length - 1] as string;
    lines[lines.length - 1] = last.length >= perLine ? `${last.slice(0, perLine - 1)}…` : `${last}…`;
  }
  return lines.slice(0, maxLines);
}

interface Placeable<T> {
  x: number;
  at: string;
  group: string;
  payload: T;
}

interface Placed<T> {
  x: number;
  slot: number;
  at: string;
  group: string;
  payloads: T[];
}

/**
 * Greedy slot placement. Each mark joins the group before it in a slot when it is at nearly the
 * same place and of the same kind, else takes the first slot where it clears the last mark, else
 * joins the nearest group. No two groups in a slot are closer than `spacing`.
 */
export function placeMarks<T>(marks: readonly Placeable<T>[], maxSlots: number, spacing: number): Placed<T>[] {
  const sorted = [...marks].sort((a, b) => a.x - b.x);
  const slots: Placed<T>[][] = [];
  const all: Placed<T>[] = [];
  for (const mark of sorted) {
    const same = all.find((placed) => placed.group === mark.group && Math.abs(placed.x - mark.x) < 2);
    if (same) {
      same.payloads.push(mark.payload);
      continue;
    }
    let slot = slots.findIndex((lane) => {
      const last = lane.at(-1);
      return !last || mark.x - last.x >= spacing;
    });
    if (slot === -1 && slots.length < maxSlots) slot = slots.length;
    if (slot === -1) {
      const nearest = all.reduce((best, placed) => (Math.abs(placed.x - mark.x) < Math.abs(best.x - mark.x) ? placed : best));
      nearest.payloads.push(mark.payload);
      continue;
    }
    const placed: Placed<T> = { x: mark.x, slot, at: mark.at, group: mark.group, payloads: [mark.payload] };
    (slots[slot] ??= []).push(placed);
    all.push(placed);
  }
  return all;
}

function phaseStatus(phase: ScheduledPhase): string {
  const applicable = phase.items.length;
  const done = phase.items.filter((item) => item.state === 'done').length;
  const skipped = phase.items.filter((item) => item.state === 'skipped').length;
  const overdue = phase.items.filter((item) => item.state === 'overdue').length;
  const waiting = phase.items.filter((item) => !item.record && item.state !== 'asap' && item.due === null).length;
  const parts = [`${done} of ${applicable} done`];
  if (skipped > 0) parts.push(`${skipped} skipped`);
  if (overdue > 0) parts.push(`${overdue} overdue`);
  else if (waiting > 0) parts.push(`${waiting} waiting`);
  if (phase.optional) parts.push('optional');
  return parts.join(' · ');
}

function stateGroup(item: ScheduledItem): string {
  if (item.state === 'done') return item.late ? 'done-late' : 'done';
  return item.state;
}

function placeMarkerLabels(candidates: Omit<MarkerLabel, 'lane' | 'anchor' | 'left' | 'right'>[], left: number, right: number): MarkerLabel[] {
  const placed: MarkerLabel[] = [];
  for (const candidate of candidates) {
    const width = textWidth(candidate.text) + 8;
    const flipped = candidate.x + width > right;
    const box = flipped ? { left: candidate.x - width, right: candidate.x } : { left: candidate.x, right: candidate.x + width };
    if (box.left < left - 40) continue;
    for (let lane = 0; lane < METRICS.markerLanes; lane += 1) {
      const clear = placed.every((other) => other.lane !== lane || box.right + 6 <= other.left || box.left >= other.right + 6);
      if (clear) {
        placed.push({ ...candidate, lane, anchor: flipped ? 'end' : 'start', ...box });
        break;
      }
    }
  }
  return placed;
}

/** Moves a month label that a marker line would cross to just right of that line. */
function clearOfStems(months: MonthLabel[], stems: readonly number[]): MonthLabel[] {
  const moved: MonthLabel[] = [];
  for (const month of months) {
    let x = month.x;
    for (const stem of [...stems].sort((a, b) => a - b)) {
      if (stem >= x - 3 && stem <= x + textWidth(month.label) + 3) x = stem + 5;
    }
    // Moved onto the next month's label: the earlier month gives way.
    const previous = moved.at(-1);
    if (previous && x - previous.x < textWidth(previous.label) + 8) moved.pop();
    moved.push({ ...month, x });
  }
  return moved;
}

export function layoutPicture({ schedule, events, width }: LayoutInput): PictureLayout {
  const gutter = width < 760 ? 150 : 210;
  const chartLeft = gutter + METRICS.gutterGap;
  const chartRight = Math.max(chartLeft + 120, width - METRICS.rightPadding);
  const { start, end } = timeRange(schedule, events);
  const pxPerMs = (chartRight - chartLeft) / (end - start);
  const x = (ms: number) => chartLeft + (ms - start) * pxPerMs;
  const step = chooseStep(pxPerMs);
  const axisLabels = axis(start, end, x, step);
  const { months } = axisLabels;
  // A label that would run past the chart's right edge is left out (its tick stays).
  const ticks = axisLabels.ticks.map((tick) =>
    tick.labelX + textWidth(tick.label, 11) / 2 > chartRight + 8 ? { ...tick, label: '' } : tick,
  );
  const now = Date.parse(schedule.now);
  const nowX = x(now);

  const axisY = METRICS.markerLanes * METRICS.markerLaneHeight;
  let y = axisY + METRICS.axisHeight;
  const chartTop = y;

  const rows: PhaseRow[] = schedule.phases.map((phase) => {
    const marks = placeMarks(
      phase.items.flatMap((item) => {
        const at = markInstant(item, schedule.now);
        return at ? [{ x: x(Date.parse(at)), at, group: stateGroup(item), payload: item }] : [];
      }),
      METRICS.maxItemSlots,
      METRICS.markSpacing,
    );
    const slots = Math.max(1, ...marks.map((mark) => mark.slot + 1));
    // A narrow gutter gets a third line, so that titles stay whole.
    const titleLines = wrapText(phase.title, gutter - 8, METRICS.titleFont, gutter < 200 ? 3 : 2);
    const height = Math.max(METRICS.rowMinHeight, slots * METRICS.slotHeight + 22, titleLines.length * 16 + 30);
    const rowY = y;
    y += height;
    const markTop = rowY + (height - slots * METRICS.slotHeight) / 2 + METRICS.slotHeight / 2;
    const opens = phase.opens ?? (phase.due ? schedule.anchors.disclosure : null);
    const band = opens && phase.due ? { x1: x(Date.parse(opens)), x2: x(Date.parse(phase.due)) } : null;
    const asapStart = x(Date.parse(schedule.state.asapSince && schedule.kind !== 'public' ? schedule.state.asapSince : schedule.anchors.disclosure));
    const asapBand = phase.asap ? { x1: Math.min(asapStart, nowX - 24), x2: Math.max(nowX, asapStart + 24) } : null;
    const windows = new Map<string, Span>();
    for (const item of phase.items) {
      if (!item.opens || !item.due || item.state === 'asap') continue;
      if (item.opens === (phase.opens ?? null) && item.due === phase.due) continue;
      windows.set(`${item.opens} ${item.due}`, { x1: x(Date.parse(item.opens)), x2: x(Date.parse(item.due)) });
    }
    return {
      phase,
      y: rowY,
      height,
      band,
      asapBand,
      itemWindows: [...windows.values()],
      titleLines,
      status: phaseStatus(phase),
      marks: marks.map((mark, index): ItemMark => {
        const items = mark.payloads;
        const state = mostUrgent(items.map((item) => item.state));
        const markX = mark.x;
        return {
          kind: 'items',
          key: `${phase.id}:${index}`,
          x: markX,
          y: markTop + mark.slot * METRICS.slotHeight,
          at: mark.at,
          state,
          late: state === 'done' && items.some((item) => item.late),
          items,
          lateness: state === 'overdue' && nowX - markX > METRICS.markRadius * 2 ? { x1: markX, x2: nowX } : null,
        };
      }),
    };
  });

  const eventPlacements = placeMarks(
    events.map((event) => ({ x: x(Date.parse(event.at)), at: event.at, group: 'event', payload: event })),
    METRICS.maxEventSlots,
    METRICS.markSpacing,
  );
  const eventSlots = Math.max(1, ...eventPlacements.map((mark) => mark.slot + 1));
  const eventHeight = Math.max(METRICS.eventRowHeight, eventSlots * METRICS.slotHeight + 16);
  const eventY = y;
  const eventTop = eventY + (eventHeight - eventSlots * METRICS.slotHeight) / 2 + METRICS.slotHeight / 2;
  y += eventHeight;
  const eventMarks: EventMark[] = eventPlacements.map((mark, index) => ({
    kind: 'events',
    key: `events:${index}`,
    x: mark.x,
    y: eventTop + mark.slot * METRICS.slotHeight,
    at: mark.at,
    events: mark.payloads,
  }));

  const releaseDate = schedule.anchors.releaseDate ? Date.parse(schedule.anchors.releaseDate) : null;
  const disclosure = Date.parse(schedule.anchors.disclosure);
  const candidates: Omit<MarkerLabel, 'lane' | 'anchor' | 'left' | 'right'>[] = [];
  if (releaseDate !== null) candidates.push({ kind: 'release', x: x(releaseDate), text: `Release Date · ${shortUtc(releaseDate)}` });
  candidates.push({ kind: 'now', x: nowX, text: `Now · ${shortUtc(now)}` });
  candidates.push({ kind: 'disclosure', x: x(disclosure), text: 'Disclosure' });
  const stems = candidates.map((candidate) => candidate.x);

  return {
    width,
    height: y + METRICS.bottomPadding,
    gutter,
    chart: { left: chartLeft, right: chartRight, top: chartTop, bottom: y },
    axisY,
    start,
    end,
    step,
    ticks,
    months: clearOfStems(months, stems),
    weekends: weekendSpans(start, end, x),
    rows,
    events: { y: eventY, height: eventHeight, marks: eventMarks },
    now,
    releaseDate,
    disclosure,
    labels: placeMarkerLabels(candidates, chartLeft, chartRight),
  };
}
