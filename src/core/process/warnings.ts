// What the engine warns the Fix Lead about, beside the item states: a Release Date on a
// Friday or a weekend (in UTC and in every zone shown), one that breaks the profile's rules
// (time of day, weekday, latest date), an upstream date that differs, leaks awaiting a
// decision, a handoff awaiting acknowledgement, and a low score that may slow the schedule.
import type { ProcessProfile, ProcessState, ScheduleWarning } from '../../shared/contract/process.ts';
import type { CaseFields } from '../vault/documents.ts';
import type { Anchors } from './schedule.ts';
import { addMs, hhmmUtc, isoWeekdayOf, isoWeekdayUtc, offsetMs, zonedTime } from './time.ts';

interface WarningInput {
  profile: ProcessProfile;
  fields: CaseFields;
  state: ProcessState;
  anchors: Anchors;
  zones: readonly string[];
  asap: boolean;
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function latestFrom(candidates: ProcessProfile['releaseDate']['latest'], anchors: Anchors): string | null {
  for (const candidate of candidates) {
    const base = anchors[candidate.anchor];
    if (base) return addMs(base, offsetMs(candidate.offset));
  }
  return null;
}

function releaseDateWarnings(input: WarningInput, releaseDate: string): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const rule = input.profile.releaseDate;
  const weekdayUtc = isoWeekdayUtc(releaseDate);
  if (weekdayUtc >= 6) {
    warnings.push({ code: 'release-date-weekend', message: `The Release Date falls on a ${WEEKDAY_NAMES[weekdayUtc]} (UTC).` });
  } else if (weekdayUtc === 5) {
    warnings.push({ code: 'release-date-friday', message: 'The Release Date falls on a Friday (UTC).' });
  }
  for (const zone of input.zones) {
    if (zone === 'UTC') continue;
    const local = zonedTime(releaseDate, zone);
    const weekday = isoWeekdayOf(local);
    if (weekday === weekdayUtc) continue;
    if (weekday >= 6) {
      warnings.push({ code: 'release-date-weekend', message: `In ${zone} the Release Date falls on a ${WEEKDAY_NAMES[weekday]} (${local.date} ${local.time}).` });
    } else if (weekday === 5) {
      warnings.push({ code: 'release-date-friday', message: `In ${zone} the Release Date falls on a Friday (${local.date} ${local.time}).` });
    }
  }
  if (rule.timeUtc && hhmmUtc(releaseDate) !== rule.timeUtc) {
    warnings.push({
      code: 'release-date-time',
      message: `The Release Date is at ${hhmmUtc(releaseDate)} UTC; ${input.profile.title} announces at ${rule.timeUtc} UTC.`,
    });
  }
  if (rule.weekdaysUtc.length > 0 && !rule.weekdaysUtc.includes(weekdayUtc) && weekdayUtc < 5) {
    warnings.push({ code: 'release-date-weekday', message: `${input.profile.title} does not release on a ${WEEKDAY_NAMES[weekdayUtc]}.` });
  }
  const latest = latestFrom(rule.latest, input.anchors);
  if (latest && releaseDate > latest) {
    warnings.push({ code: 'release-date-too-late', message: `The Release Date is after ${latest}, the latest the profile allows: ${rule.text}` });
  } else {
    const preferred = latestFrom(rule.preferredLatest, input.anchors);
    if (preferred && releaseDate > preferred) {
      warnings.push({ code: 'release-date-past-preferred', message: `The Release Date is after ${preferred}, the latest the profile prefers: ${rule.text}` });
    }
  }
  return warnings;
}

export function scheduleWarnings(input: WarningInput): ScheduleWarning[] {
  const { fields, state, anchors, profile } = input;
  const warnings: ScheduleWarning[] = [];
  if (anchors.releaseDate) warnings.push(...releaseDateWarnings(input, anchors.releaseDate));
  else if (!input.asap) {
    warnings.push({ code: 'release-date-missing', message: 'No Release Date yet (YYYY-MM-DD HH:MM UTC): the steps counted from it cannot be scheduled.' });
  }
  if (fields.kind === 'upstream' && fields.upstream && fields.releaseDate && fields.releaseDate !== fields.upstream.date) {
    warnings.push({
      code: 'upstream-date-differs',
      message: `The Release Date (${fields.releaseDate}) differs from ${fields.upstream.project}'s disclosure date (${fields.upstream.date}).`,
    });
  }
  for (const leak of state.leaks) {
    if (leak.decisionId === null) {
      warnings.push({ code: 'leak-undecided', message: `Leak ${leak.id} (${leak.what}) awaits your decision: release earlier, or continue.` });
    }
  }
  const pending = state.handoffs.find((handoff) => handoff.state === 'pending');
  if (pending) {
    warnings.push({
      code: 'handoff-pending',
      message: `Handoff to ${pending.to} awaits acknowledgement; ${pending.from ?? 'the current lead'} stays Fix Lead until then.`,
    });
  }
  const threshold = profile.slowDownBelowScore;
  const slowed = state.decisions.some((decision) => decision.type === 'slow-down');
  if (threshold !== null && fields.cvss && fields.cvss.score < threshold && !slowed && !input.asap) {
    warnings.push({
      code: 'low-score-may-slow-down',
      message: `The CVSS score ${fields.cvss.score} is under ${threshold}: the schedule may be slowed, as a recorded decision discussed on ${profile.slowDownDiscussedOn || 'the security list'}.`,
    });
  }
  return warnings;
}
