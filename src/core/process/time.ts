// Time arithmetic for schedules. Every computation is in UTC (a day is 24 hours, "today" is
// the UTC calendar day); zones only change how an instant is read, never which instant it is.
import type { ZonedTime } from '../../shared/contract/process.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "24h", "7d", "-7d", "0" → milliseconds. The profile schema has already checked the form. */
export function offsetMs(offset: string): number {
  if (offset === '0') return 0;
  const match = /^([+-]?)(\d+)([hd])$/.exec(offset);
  if (!match) throw new Error(`bad offset ${offset}`);
  const amount = Number(match[2]) * (match[3] === 'd' ? DAY : HOUR);
  return match[1] === '-' ? -amount : amount;
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export function daysMs(days: number): number {
  return days * DAY;
}

/** YYYY-MM-DD of an instant in UTC. */
export function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in UTC. */
export function isoWeekdayUtc(iso: string): number {
  const day = new Date(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

export function hhmmUtc(iso: string): string {
  return new Date(iso).toISOString().slice(11, 16);
}

const ISO_WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** An instant as read in an IANA zone: date, time, weekday and the offset in force then. */
export function zonedTime(iso: string, zone: string): ZonedTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const gmt = part('timeZoneName');
  const offset = gmt === 'GMT' ? '+00:00' : gmt.replace(/^GMT/, '');
  return {
    zone,
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    weekday: part('weekday'),
    offset,
  };
}

export function isoWeekdayOf(zoned: ZonedTime): number {
  return ISO_WEEKDAY[zoned.weekday] ?? 0;
}

/** UTC first, then the others in the order given, each once. */
export function displayZones(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(['UTC', ...lists.flat()])];
}
