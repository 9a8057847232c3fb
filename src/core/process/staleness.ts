// On-call staleness (field practice): "critical cases untouched for more than 2 days, high for
// more than 7 days, medium for more than a month". A case is touched by any timeline event;
// a closed case (every required step done or skipped) is never stale; a case without a CVSS
// call has no severity yet, hence no limit.
import type { CaseRecord, Staleness } from '../../shared/contract/index.ts';
import { daysMs } from './time.ts';

export const STALENESS_LIMIT_DAYS: Readonly<Record<string, number>> = { Critical: 2, High: 7, Medium: 30 };

export function staleness(cvss: CaseRecord['cvss'], lastActivity: string, now: Date, closed: boolean): Staleness {
  const severity = cvss?.severity ?? null;
  const limitDays = severity ? (STALENESS_LIMIT_DAYS[severity] ?? null) : null;
  const untouchedMs = Math.max(0, now.getTime() - Date.parse(lastActivity));
  return {
    stale: !closed && limitDays !== null && untouchedMs > daysMs(limitDays),
    severity,
    limitDays,
    lastActivity,
    untouchedDays: Math.floor(untouchedMs / daysMs(1)),
  };
}
