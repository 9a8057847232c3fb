// The first Release Date that meets every constraint: one candidate a day at the release hour,
// each checked in full, so every rejected one carries the reasons the check gives.
import type { DateCheck } from '../../shared/contract/calendar.ts';
import { daysMs } from '../process/time.ts';
import { checkDate, releaseHour, type DateContext } from './check-date.ts';

/**
 * The hour candidates are placed at when neither the vault nor the profile sets one: the next
 * full hour after `from` (not another project's usual hour, such as Kubernetes' 16:00 UTC).
 */
export function fallbackHour(from: Date): string {
  const next = new Date(Math.ceil(from.getTime() / 3_600_000) * 3_600_000);
  return `${String(next.getUTCHours()).padStart(2, '0')}:00`;
}

/** Candidate instants, one a day at the release hour (see fallbackHour when no rule sets one), after `from`. */
export function candidates(from: Date, days: number, hour: string | null): string[] {
  const [h, m] = (hour ?? fallbackHour(from)).split(':').map(Number);
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), h, m);
  const out: string[] = [];
  for (let i = 0; out.length < days; i++) {
    const at = start + i * daysMs(1);
    if (at > from.getTime()) out.push(new Date(at).toISOString());
  }
  return out;
}

export function proposeDate(context: DateContext, from: Date, maxDays: number): { proposed: DateCheck | null; rejected: { releaseDate: string; reasons: string[] }[] } {
  const rejected: { releaseDate: string; reasons: string[] }[] = [];
  for (const candidate of candidates(from, maxDays, releaseHour(context))) {
    const check = checkDate(candidate, context);
    if (check.ok) return { proposed: check, rejected };
    rejected.push({ releaseDate: check.releaseDate, reasons: check.reasons });
  }
  return { proposed: null, rejected };
}
