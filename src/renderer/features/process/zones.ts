// Reading an instant in an IANA time zone, for the zones the user asked to see beside UTC and
// local time. The core reads deadlines in those zones itself (`dueIn`); this reads the other
// instants of the picture (events, ticks, the now line) the same way, with Intl only.
import type { ZonedTime } from '../../../shared/contract/index.ts';

/** Whether this runtime knows the zone (the core checks it the same way). */
export function isKnownZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a zone the user typed ("america/los_angeles" → "America/Los_Angeles"). */
export function canonicalZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (!isKnownZone(trimmed)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
}

/** Every IANA zone the runtime lists, for the zone picker's suggestions. */
export function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The local zone's IANA name, as the browser or the desktop reports it. */
export function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const readers = new Map<string, Intl.DateTimeFormat>();

function reader(zone: string): Intl.DateTimeFormat {
  let format = readers.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
      timeZoneName: 'longOffset',
    });
    readers.set(zone, format);
  }
  return format;
}

/** An instant as read in a zone: date, time, weekday and the offset in force then. */
export function readInZone(iso: string, zone: string): ZonedTime {
  const parts = reader(zone).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const gmt = part('timeZoneName');
  return {
    zone,
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    weekday: part('weekday'),
    offset: gmt === 'GMT' ? '+00:00' : gmt.replace(/^GMT/, ''),
  };
}

/** "Wed 2026-12-02 16:00 UTC" or "Wed 2026-12-02 08:00 America/Los_Angeles (−08:00)". */
export function formatZoned(time: ZonedTime): string {
  const where = time.zone === 'UTC' ? 'UTC' : `${time.zone} (${time.offset})`;
  return `${time.weekday} ${time.date} ${time.time} ${where}`;
}

/** UTC first, then local, then the extra zones, each once. */
export function displayZones(local: string, extra: readonly string[]): string[] {
  return [...new Set(['UTC', local, ...extra])];
}
