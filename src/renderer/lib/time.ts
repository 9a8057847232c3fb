// Times as the process states them: "YYYY-MM-DD HH:MM UTC", always beside the local time with
// its zone, so that nobody misreads a deadline by a few hours.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 2026-11-27 15:00 UTC */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** The local zone's abbreviation (CET, GMT+1) for one instant, as the platform names it. */
function zoneAbbreviation(date: Date): string {
  const part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? offsetText(date);
}

/** 2026-11-27 16:00 CET */
export function formatLocal(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} ${zoneAbbreviation(date)}`;
}

/** +01:00 for an instant in the local zone. */
export function offsetText(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface LocalZone {
  /** IANA name, e.g. Europe/Berlin. */
  name: string;
  /** UTC offset at the given instant, e.g. +01:00. */
  offset: string;
}

export function localZone(at: Date = new Date()): LocalZone {
  return { name: Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time', offset: offsetText(at) };
}

/** The value of an <input type="datetime-local"> for an instant, in the local zone. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Reads a datetime-local value ("2026-11-27T16:00") as local time and returns the instant in
 * ISO 8601 UTC, or null when the text is not a date and time. A time that does not exist in
 * the local zone (the hour skipped at a DST change) is refused rather than silently moved.
 */
export function fromLocalInputValue(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(date.getTime())) return null;
  const sameWallClock =
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day &&
    date.getHours() === hour &&
    date.getMinutes() === minute;
  return sameWallClock ? date.toISOString() : null;
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "in 3 days", "2 hours ago", "now". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(0, 'minute');
}

/**
 * Whether the local wall clock reads differently from UTC at this instant. Where it does not
 * (the machine runs in UTC), the local line would only repeat the UTC one, so it is left out.
 */
export function localDiffersFromUtc(iso: string): boolean {
  return new Date(iso).getTimezoneOffset() !== 0;
}

/**
 * A countdown beside a deadline: "due in 2 d 4 h", "due in 35 min", "passed 1 d 2 h ago". Days
 * and hours (or hours and minutes under a day), because "in 3 days" hides the hour that matters.
 */
export function formatCountdown(iso: string, now: Date = new Date()): string {
  const totalMinutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  const minutes = Math.abs(totalMinutes);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const span = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${rest} min` : `${rest} min`;
  if (totalMinutes === 0) return 'due now';
  return totalMinutes > 0 ? `due in ${span}` : `passed ${span} ago`;
}
