// The Release Date is stated in UTC ("YYYY-MM-DD HH:MM UTC"), so its field is read as UTC,
// not as local time; the local reading is shown beside it.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value of an <input type="datetime-local"> holding an instant's UTC wall clock. */
export function toUtcInputValue(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** Reads "2026-12-02T16:00" as UTC; null when it is not a real date and time. */
export function fromUtcInputValue(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute;
  return same && hour < 24 ? date.toISOString() : null;
}
