// One proposed Release Date against every constraint of the parties in a case. Pure: the case,
// its process, the calendar and the participants' zones are passed in, so the proposer and the
// property tests call exactly what the contract serves.
import type { AnchorOffset, ProcessProfile, ProcessState } from '../../shared/contract/process.ts';
import type { CalendarSettings, ConstraintResult, DateCheck, Holiday } from '../../shared/contract/calendar.ts';
import type { CaseFields } from '../vault/documents.ts';
import { resolveAnchors, slowDownDays } from '../process/schedule.ts';
import { addMs, daysMs, hhmmUtc, isoWeekdayOf, isoWeekdayUtc, offsetMs, zonedTime } from '../process/time.ts';

export interface Participant {
  who: string;
  personId: string | null;
  zone: string;
}

export interface DateContext {
  profile: ProcessProfile;
  fields: CaseFields;
  state: ProcessState;
  settings: CalendarSettings;
  holidays: readonly Holiday[];
  /** Everyone the date is read by, UTC first. */
  participants: readonly Participant[];
  now: Date;
  /** When the first notice goes out if it has not yet; default: now. */
  plannedNoticeAt?: string;
  /** linux-distros' maximum applies although the profile is another. */
  linuxDistros: boolean;
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NOT_WORKING = new Set([5, 6, 7]);

/** The hour the announcement goes out at: the vault's setting, else the profile's, else none. */
export function releaseHour(context: Pick<DateContext, 'settings' | 'profile'>): string | null {
  return context.settings.releaseTimeUtc ?? context.profile.releaseDate.timeUtc;
}

export function noticeOf(context: DateContext): { at: string; sent: boolean } {
  const anchors = resolveAnchors(context.profile, context.fields, context.state);
  if (anchors.firstNotice) return { at: anchors.firstNotice, sent: true };
  const planned = context.plannedNoticeAt ?? context.now.toISOString();
  return { at: planned < context.now.toISOString() ? context.now.toISOString() : planned, sent: false };
}

/** The first candidate bound whose anchor is known (the planned notice stands in for one not sent yet). */
function profileBound(candidates: readonly AnchorOffset[], context: DateContext, noticeAt: string): string | null {
  const anchors = { ...resolveAnchors(context.profile, context.fields, context.state), firstNotice: noticeAt };
  for (const candidate of candidates) {
    if (candidate.anchor === 'releaseDate') continue;
    const base = anchors[candidate.anchor];
    if (!base) continue;
    const extra = candidate.anchor === 'disclosure' ? daysMs(slowDownDays(context.state)) : 0;
    return addMs(base, offsetMs(candidate.offset) + extra);
  }
  return null;
}

const day = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function checkDate(releaseDate: string, context: DateContext): DateCheck {
  const results: ConstraintResult[] = [];
  const add = (constraint: ConstraintResult['constraint'], ok: boolean, message: string, strength: 'hard' | 'soft' = 'hard') =>
    results.push({ constraint, strength, ok, message });
  const { profile, settings } = context;
  const notice = noticeOf(context);
  const release = new Date(releaseDate).toISOString();

  add('after-now', release > context.now.toISOString(), release > context.now.toISOString() ? 'It is in the future.' : `It is not in the future (now is ${day(context.now.toISOString())}).`);

  const latest = profileBound(profile.releaseDate.latest, context, notice.at);
  if (latest) {
    add('profile-latest', release <= latest, release <= latest ? `It is no later than the profile allows (${day(latest)}).` : `It is after the latest the ${profile.title} profile allows, ${day(latest)}: ${profile.releaseDate.text}`);
  }
  const preferred = profileBound(profile.releaseDate.preferredLatest, context, notice.at);
  if (preferred) {
    add('profile-preferred', release <= preferred, release <= preferred ? `It is within the preferred bound (${day(preferred)}).` : `It is after the preferred bound, ${day(preferred)}.`, 'soft');
  }
  if (profile.releaseDate.weekdaysUtc.length > 0) {
    const weekday = isoWeekdayUtc(release);
    const allowed = profile.releaseDate.weekdaysUtc.map((d) => WEEKDAY_NAMES[d]).join(', ');
    add('profile-weekday', profile.releaseDate.weekdaysUtc.includes(weekday), `${WEEKDAY_NAMES[weekday]} in UTC; the profile allows ${allowed}.`);
  }

  if (profile.id === 'linux-distros' || context.linuxDistros) {
    const max = addMs(notice.at, daysMs(settings.linuxDistrosMaxDays));
    const what = notice.sent ? `the first notice (${day(notice.at)})` : `the earliest first notice (${day(notice.at)}, not sent yet)`;
    add('linux-distros-max', release <= max, release <= max ? `Within linux-distros' ${settings.linuxDistrosMaxDays} days from ${what}.` : `More than linux-distros' ${settings.linuxDistrosMaxDays} days after ${what}: at the latest ${day(max)}.`);
  }

  const earliest = addMs(notice.at, daysMs(settings.minNoticeDays));
  const noticeWhat = notice.sent ? `the first notice went out ${day(notice.at)}` : `the first notice has not gone out; the earliest is ${day(notice.at)}`;
  add('distributor-notice', release >= earliest, release >= earliest ? `Distributors get at least ${settings.minNoticeDays} days' notice (${noticeWhat}).` : `Distributors would get less than ${settings.minNoticeDays} days' notice (${noticeWhat}): at the earliest ${day(earliest)}.`);

  const hour = releaseHour(context);
  if (hour) {
    const at = hhmmUtc(release);
    add('release-hour', at === hour, at === hour ? `At the usual release hour, ${hour} UTC.` : `At ${at} UTC, not the usual release hour ${hour} UTC.`);
  }

  const offDays = context.participants
    .map((participant) => ({ participant, at: zonedTime(release, participant.zone) }))
    .filter(({ at }) => NOT_WORKING.has(isoWeekdayOf(at)));
  add(
    'working-day',
    offDays.length === 0,
    offDays.length === 0
      ? 'A working day before Friday for every participant.'
      : `A ${[...new Set(offDays.map(({ at }) => at.weekday))].join('/')} for ${offDays.map(({ participant, at }) => `${participant.who} (${at.zone}, ${at.date} ${at.time})`).join(', ')}: no Friday or weekend.`,
  );

  const everyZone = [...new Set(context.participants.map((participant) => participant.zone))];
  const kept = context.holidays.filter((holiday) => (holiday.zones.length > 0 ? holiday.zones : everyZone).some((zone) => zonedTime(release, zone).date === holiday.date));
  add('holiday', kept.length === 0, kept.length === 0 ? 'No holiday in the calendar for anyone.' : `A holiday: ${kept.map((holiday) => `${holiday.name} (${holiday.date}${holiday.zones.length ? `, ${holiday.zones.join(', ')}` : ''})`).join('; ')}.`);

  const reasons = results.filter((result) => result.strength === 'hard' && !result.ok).map((result) => result.message);
  return {
    caseId: context.fields.id,
    releaseDate: release,
    ok: reasons.length === 0,
    results,
    reasons,
    inZones: context.participants.map((participant) => ({ who: participant.who, personId: participant.personId, at: zonedTime(release, participant.zone) })),
    noticeAt: notice.at,
    noticeSent: notice.sent,
  };
}
