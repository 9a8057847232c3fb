// The schedule: every checklist item's window and state, computed from the profile, the case,
// its process state and an injected `now`. Pure: same inputs, same schedule, so the UI, the
// CLI and the tests all see one truth.
//
// Rules, from the reference text:
// - windows are counted from anchors (Disclosure, the fix being ready, the first notice, the
//   Release Date); a bound lists candidates and the first whose anchor is known applies;
// - a public disclosure (or the decision to release earlier after a leak) turns every open
//   item into "as soon as possible";
// - a recorded slow-down decision moves every window counted from Disclosure later;
// - an upstream-bound case takes the upstream project's date as its Release Date when none is
//   set, and no window counted from Disclosure may end after that date;
// - "due today" is the UTC calendar day of the deadline.
import type {
  AnchorName,
  AnchorOffset,
  ItemState,
  ProcessProfile,
  ProcessState,
  Schedule,
  ScheduledItem,
  ScheduledPhase,
  WindowSpec,
} from '../../shared/contract/process.ts';
import type { CaseFields } from '../vault/documents.ts';
import { addMs, daysMs, displayZones, offsetMs, utcDay, zonedTime } from './time.ts';
import { scheduleWarnings } from './warnings.ts';

export interface ScheduleInput {
  profile: ProcessProfile;
  fields: CaseFields;
  state: ProcessState;
  now: Date;
  /** Zones to read deadlines in, beside UTC and the profile's own. */
  zones?: readonly string[];
}

export type Anchors = Schedule['anchors'];

interface Bound {
  at: string;
  anchor: AnchorName;
}

/** The time an item that `marks` an anchor was done; skipped items set nothing. */
function markedAt(profile: ProcessProfile, state: ProcessState, anchor: 'fixReady' | 'firstNotice'): string | null {
  for (const phase of profile.phases) {
    for (const item of phase.items) {
      const record = state.items[item.id];
      if (item.marks === anchor && record?.state === 'done') return record.doneAt;
    }
  }
  return null;
}

export function resolveAnchors(profile: ProcessProfile, fields: CaseFields, state: ProcessState): Anchors {
  const upstreamDate = fields.kind === 'upstream' ? (fields.upstream?.date ?? null) : null;
  return {
    disclosure: fields.disclosedAt,
    fixReady: markedAt(profile, state, 'fixReady'),
    firstNotice: markedAt(profile, state, 'firstNotice'),
    releaseDate: fields.releaseDate ?? upstreamDate,
  };
}

/** Days every Disclosure-counted window moves later, by recorded slow-down decisions. */
export function slowDownDays(state: ProcessState): number {
  return state.decisions.reduce((sum, decision) => sum + (decision.type === 'slow-down' ? (decision.extendDays ?? 0) : 0), 0);
}

/** Whether the whole schedule is "as soon as possible", and why. */
export function asapStatus(fields: CaseFields, state: ProcessState): { asap: boolean; reason: string | null } {
  if (fields.kind === 'public') return { asap: true, reason: 'Public disclosure: all timelines become ASAP.' };
  if (state.asapSince) return { asap: true, reason: state.asapReason ?? 'Releasing earlier: all timelines become ASAP.' };
  return { asap: false, reason: null };
}

interface BoundContext {
  anchors: Anchors;
  extendMs: number;
  upstreamDate: string | null;
}

/** The first candidate whose anchor is known, shifted by the slow-down when counted from Disclosure. */
function resolveBound(candidates: readonly AnchorOffset[], context: BoundContext): Bound | null {
  for (const candidate of candidates) {
    const base = context.anchors[candidate.anchor];
    if (!base) continue;
    const extra = candidate.anchor === 'disclosure' ? context.extendMs : 0;
    return { at: addMs(base, offsetMs(candidate.offset) + extra), anchor: candidate.anchor };
  }
  return null;
}

interface Window {
  opens: string | null;
  due: string | null;
  preferredDue: string | null;
  /** The first anchor the due bound is waiting for, when none of its candidates is known. */
  dueWaitsFor: AnchorName | null;
  adjustments: string[];
}

function resolveWindow(spec: WindowSpec, context: BoundContext): Window {
  const adjustments: string[] = [];
  const opens = resolveBound(spec.opens, context);
  let due = resolveBound(spec.due, context);
  const preferred = resolveBound(spec.preferred, context);
  if (context.extendMs > 0 && [opens, due].some((bound) => bound?.anchor === 'disclosure')) {
    adjustments.push(`slowed down by ${context.extendMs / daysMs(1)} days (recorded decision)`);
  }
  if (due && context.upstreamDate && due.anchor !== 'releaseDate' && due.at > context.upstreamDate) {
    due = { at: context.upstreamDate, anchor: due.anchor };
    adjustments.push("ends at the upstream project's disclosure date");
  }
  return {
    opens: opens?.at ?? null,
    due: due?.at ?? null,
    preferredDue: preferred?.at ?? null,
    dueWaitsFor: due || spec.due.length === 0 ? null : (spec.due[0]?.anchor ?? null),
    adjustments,
  };
}

/** The state of an item that is neither done nor skipped. */
export function openState(due: string | null, asap: boolean, now: Date): ItemState {
  if (asap) return 'asap';
  if (!due) return 'upcoming';
  const nowIso = now.toISOString();
  if (nowIso > due) return 'overdue';
  return utcDay(due) === utcDay(nowIso) ? 'due-today' : 'upcoming';
}

const URGENCY: readonly ItemState[] = ['overdue', 'due-today', 'asap', 'upcoming'];

function phaseState(items: readonly ScheduledItem[]): ItemState {
  const open = items.filter((item) => item.state !== 'done' && item.state !== 'skipped');
  if (open.length === 0) return items.every((item) => item.state === 'skipped') ? 'skipped' : 'done';
  const considered = open.some((item) => !item.optional) ? open.filter((item) => !item.optional) : open;
  return URGENCY.find((state) => considered.some((item) => item.state === state)) ?? 'upcoming';
}

export function computeSchedule(input: ScheduleInput): Schedule {
  const { profile, fields, state, now } = input;
  const zones = displayZones(profile.zones, input.zones ?? []);
  const anchors = resolveAnchors(profile, fields, state);
  const { asap, reason } = asapStatus(fields, state);
  const context: BoundContext = {
    anchors,
    extendMs: daysMs(slowDownDays(state)),
    upstreamDate: fields.kind === 'upstream' ? (fields.upstream?.date ?? null) : null,
  };
  const readIn = (iso: string | null) => (iso ? zones.map((zone) => zonedTime(iso, zone)) : []);

  const phases: ScheduledPhase[] = [];
  for (const phase of profile.phases) {
    const items: ScheduledItem[] = [];
    for (const spec of phase.items) {
      if (!spec.appliesTo.includes(fields.kind)) continue;
      const window = resolveWindow(spec.window ?? phase.window, context);
      const record = state.items[spec.id] ?? null;
      // A deadline that cannot be computed needs explaining first; then a start condition.
      const waitingFor = window.dueWaitsFor ?? (spec.after && !anchors[spec.after] ? spec.after : null);
      const itemAsap = asap && !record;
      const due = itemAsap ? null : window.due;
      items.push({
        id: spec.id,
        phaseId: phase.id,
        title: spec.title,
        detail: spec.detail,
        owner: spec.owner,
        optional: spec.optional || phase.optional,
        opens: itemAsap ? null : window.opens,
        due,
        preferredDue: itemAsap ? null : window.preferredDue,
        dueDayUtc: due ? utcDay(due) : null,
        dueIn: readIn(due),
        asap: itemAsap,
        waitingFor: record ? null : waitingFor,
        adjustments: itemAsap ? [reason ?? 'as soon as possible'] : window.adjustments,
        requires: spec.requires,
        state: record ? record.state : openState(due, itemAsap, now),
        late: record?.state === 'done' && window.due !== null && !asap && record.doneAt > window.due,
        record,
      });
    }
    if (items.length === 0) continue;
    const window = resolveWindow(phase.window, context);
    const overall = phaseState(items);
    const doneTimes = items.flatMap((item) => (item.record?.state === 'done' ? [item.record.doneAt] : [])).sort();
    phases.push({
      id: phase.id,
      title: phase.title,
      windowText: phase.windowText,
      optional: phase.optional,
      opens: asap ? null : window.opens,
      due: asap ? null : window.due,
      asap: asap && overall !== 'done' && overall !== 'skipped',
      state: overall,
      finishedAt: overall === 'done' ? (doneTimes.at(-1) ?? null) : null,
      items,
    });
  }

  return {
    caseId: fields.id,
    now: now.toISOString(),
    zones,
    profile: { id: profile.id, version: profile.version, title: profile.title },
    kind: fields.kind,
    asap,
    asapReason: reason,
    anchors,
    releaseDateIn: readIn(anchors.releaseDate),
    phases,
    warnings: scheduleWarnings({ profile, fields, state, anchors, zones, asap }),
    state,
    fixLead: fields.people.fixLead,
  };
}

/** Every scheduled item, phase by phase. */
export function scheduledItems(schedule: Schedule): ScheduledItem[] {
  return schedule.phases.flatMap((phase) => phase.items);
}
