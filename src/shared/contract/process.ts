// The process engine's contract: process profiles (data), a case's process state (ticks,
// decisions, leaks, handoffs), the computed schedule and checklist, the case-list overview,
// the retrospective draft and the demo case.
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, empty, instant } from './common.ts';
import { caseKind, caseRecord, timelineEvent } from './cases.ts';

/** An IANA time zone the runtime knows (UTC, Europe/Berlin, America/Los_Angeles). */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not a time zone this system knows (use an IANA name such as Europe/Berlin)');

// ── Profiles ────────────────────────────────────────────────────────────────────────────

/** The instants a window can be counted from. */
export const anchorName = z.enum(['disclosure', 'fixReady', 'firstNotice', 'releaseDate']);
export type AnchorName = z.infer<typeof anchorName>;

/** A signed offset in whole hours or days: "24h", "7d", "-7d", "0". */
export const offset = z.string().regex(/^(0|[+-]?[1-9]\d{0,3}[hd])$/, 'an offset looks like 24h, 7d, -7d or 0');

export const anchorOffset = z.strictObject({ anchor: anchorName, offset });
export type AnchorOffset = z.infer<typeof anchorOffset>;

/**
 * A window. Each bound is a list of candidates: the first whose anchor is known applies, so
 * "the Release Date, else Disclosure + 21 days" is `[{releaseDate, 0}, {disclosure, 21d}]`.
 */
export const windowSpec = z.strictObject({
  opens: z.array(anchorOffset).default([]),
  /** Empty: the profile sets no deadline for it. */
  due: z.array(anchorOffset).default([]),
  /** A preferred (earlier) bound, e.g. linux-distros' "under 7 days preferred". */
  preferred: z.array(anchorOffset).default([]),
});
export type WindowSpec = z.infer<typeof windowSpec>;

export const ownerRole = z.enum(['fix-lead', 'fix-team', 'release-managers', 'fix-team-and-release-managers', 'pst']);
export type OwnerRole = z.infer<typeof ownerRole>;

/** Case fields an item needs before it can be ticked (the email states the Release Date, …). */
export const requirement = z.enum(['releaseDate', 'cvss', 'cve']);

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,60}$/, 'an id is lower-case letters, digits and dashes');

export const checklistItemSpec = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** What the profile's source text says about this step, verbatim where it has words for it. */
  detail: z.string().min(1),
  owner: ownerRole,
  optional: z.boolean().default(false),
  appliesTo: z.array(caseKind).min(1).default(['private', 'public', 'upstream']),
  /** The item's own window; when absent, the phase's. */
  window: windowSpec.optional(),
  /** The item cannot start before this anchor exists (shown as "waiting for …"). */
  after: anchorName.optional(),
  /** Ticking this item sets that anchor to the time it was done. */
  marks: z.enum(['fixReady', 'firstNotice']).optional(),
  requires: z.array(requirement).default([]),
});
export type ChecklistItemSpec = z.infer<typeof checklistItemSpec>;

export const phaseSpec = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** The source text's own words for the window ("within the first 24 hours of Disclosure"). */
  windowText: z.string().min(1),
  window: windowSpec,
  optional: z.boolean().default(false),
  items: z.array(checklistItemSpec).min(1),
});
export type PhaseSpec = z.infer<typeof phaseSpec>;

export const releaseDateRule = z.strictObject({
  /** "HH:MM" the announcement should go out at, in UTC; null: no rule. */
  timeUtc: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().default(null),
  /** ISO weekdays (1 = Monday … 7 = Sunday) allowed for the Release Date, in UTC; empty: no rule. */
  weekdaysUtc: z.array(z.number().int().min(1).max(7)).default([]),
  /** The latest acceptable Release Date (first known candidate). */
  latest: z.array(anchorOffset).default([]),
  /** The latest preferred Release Date. */
  preferredLatest: z.array(anchorOffset).default([]),
  /** Why, in the source's words. */
  text: z.string().default(''),
});

export const processProfile = z.strictObject({
  id: slug,
  version: z.number().int().min(1),
  title: z.string().min(1),
  /** Where the profile comes from (document and date). */
  source: z.string().min(1),
  description: z.string().min(1),
  phases: z.array(phaseSpec).min(1),
  releaseDate: releaseDateRule.default({ timeUtc: null, weekdaysUtc: [], latest: [], preferredLatest: [], text: '' }),
  /** A CVSS score under this may slow the schedule, as a recorded decision; null: never. */
  slowDownBelowScore: z.number().min(0).max(10).nullable(),
  /** Who must have discussed a slow-down ("the kubernetes-security mailing list"). */
  slowDownDiscussedOn: z.string().default(''),
  /** What the source says to do when the embargo breaks (shown in the embargo-break dialog). */
  embargoBreakText: z.string().default(''),
  /** Zones worth showing beside UTC for this process (e.g. America/Los_Angeles for "9 AM PT"). */
  zones: z.array(timeZone).default([]),
});
export type ProcessProfile = z.infer<typeof processProfile>;
export type ProcessProfileInput = z.input<typeof processProfile>;

// ── Process state (stored in the case document) ─────────────────────────────────────────

const person = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().max(max);

export const itemRecord = z.strictObject({
  state: z.enum(['done', 'skipped']),
  /** Who did it (a roster id or a name); defaults to the vault's user. */
  by: z.string(),
  /** When it happened, as stated when ticking (it may be earlier than the recording). */
  doneAt: instant,
  /** When it was recorded. */
  recordedAt: instant,
  note: z.string(),
  evidence: z.array(z.string()),
  /** Why it was skipped ('' when done). */
  reason: z.string(),
});
export type ItemRecord = z.infer<typeof itemRecord>;

export const leakChoice = z.enum(['release-earlier', 'continue']);

export const decisionRecord = z.strictObject({
  id: z.string(),
  type: z.enum(['slow-down', 'leak-response']),
  at: instant,
  by: z.string(),
  reason: z.string(),
  /** slow-down: days every window counted from Disclosure moves later. */
  extendDays: z.number().int().nullable(),
  /** slow-down: where it was discussed (message link or reference). */
  discussedOn: z.string(),
  /** slow-down: the CVSS score that allowed it. */
  score: z.number().nullable(),
  leakId: z.string().nullable(),
  choice: leakChoice.nullable(),
});
export type DecisionRecord = z.infer<typeof decisionRecord>;

export const leakRecord = z.strictObject({
  id: z.string(),
  what: z.string(),
  toWhom: z.string(),
  when: instant,
  reportedBy: z.string(),
  distributor: z.string().nullable(),
  recordedAt: instant,
  /** The decision taken about it; null while the Fix Lead has not decided. */
  decisionId: z.string().nullable(),
});
export type LeakRecord = z.infer<typeof leakRecord>;

export const handoffRecord = z.strictObject({
  id: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  note: z.string(),
  requestedAt: instant,
  state: z.enum(['pending', 'acknowledged', 'cancelled']),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  reason: z.string(),
});
export type HandoffRecord = z.infer<typeof handoffRecord>;

export const retroItem = z.strictObject({
  id: z.string(),
  text: z.string(),
  source: z.enum(['leak', 'decision', 'note']),
  ref: z.string().nullable(),
  at: instant,
});
export type RetroItem = z.infer<typeof retroItem>;

export const processState = z.strictObject({
  items: z.record(z.string(), itemRecord),
  decisions: z.array(decisionRecord),
  leaks: z.array(leakRecord),
  handoffs: z.array(handoffRecord),
  retroItems: z.array(retroItem),
  /** Set when the schedule turned "as soon as possible" (release earlier after a leak). */
  asapSince: instant.nullable(),
  asapReason: z.string().nullable(),
});
export type ProcessState = z.infer<typeof processState>;

export function emptyProcessState(): ProcessState {
  return { items: {}, decisions: [], leaks: [], handoffs: [], retroItems: [], asapSince: null, asapReason: null };
}

// ── The computed schedule ───────────────────────────────────────────────────────────────

/** One instant as read in one zone. */
export const zonedTime = z.strictObject({
  zone: z.string(),
  /** YYYY-MM-DD in that zone. */
  date: z.string(),
  /** HH:MM (24 h) in that zone. */
  time: z.string(),
  /** Mon … Sun in that zone. */
  weekday: z.string(),
  /** The zone's offset from UTC at that instant: +01:00, -08:00, +00:00. */
  offset: z.string(),
});
export type ZonedTime = z.infer<typeof zonedTime>;

export const itemState = z.enum(['upcoming', 'due-today', 'overdue', 'done', 'skipped', 'asap']);
export type ItemState = z.infer<typeof itemState>;

export const scheduledItem = z.strictObject({
  id: z.string(),
  phaseId: z.string(),
  title: z.string(),
  detail: z.string(),
  owner: ownerRole,
  optional: z.boolean(),
  opens: instant.nullable(),
  /** The deadline; null when it is "as soon as possible" or its anchor is not known yet. */
  due: instant.nullable(),
  preferredDue: instant.nullable(),
  /** YYYY-MM-DD of `due` in UTC: "due today" is decided on this calendar day. */
  dueDayUtc: z.string().nullable(),
  /** `due` read in each zone the caller asked for (UTC first). */
  dueIn: z.array(zonedTime),
  asap: z.boolean(),
  /** The anchor this item is waiting for (its window cannot be computed, or it cannot start). */
  waitingFor: anchorName.nullable(),
  /** Why the window differs from the profile's (slowed down, upstream date, …). */
  adjustments: z.array(z.string()),
  requires: z.array(requirement),
  state: itemState,
  /** Done after its due time. */
  late: z.boolean(),
  record: itemRecord.nullable(),
});
export type ScheduledItem = z.infer<typeof scheduledItem>;

export const scheduledPhase = z.strictObject({
  id: z.string(),
  title: z.string(),
  windowText: z.string(),
  optional: z.boolean(),
  opens: instant.nullable(),
  due: instant.nullable(),
  asap: z.boolean(),
  /** done when every applicable item is done or skipped. */
  state: itemState,
  /** When its last item was done (the "actual" of a retrospective). */
  finishedAt: instant.nullable(),
  items: z.array(scheduledItem),
});
export type ScheduledPhase = z.infer<typeof scheduledPhase>;

export const scheduleWarning = z.strictObject({
  code: z.enum([
    'release-date-weekend',
    'release-date-friday',
    'release-date-time',
    'release-date-weekday',
    'release-date-too-late',
    'release-date-past-preferred',
    'release-date-missing',
    'upstream-date-differs',
    'leak-undecided',
    'handoff-pending',
    'low-score-may-slow-down',
  ]),
  message: z.string(),
});
export type ScheduleWarning = z.infer<typeof scheduleWarning>;

export const schedule = z.strictObject({
  caseId,
  /** The instant the states were computed at (the "now" line). */
  now: instant,
  zones: z.array(z.string()),
  profile: z.strictObject({ id: z.string(), version: z.number().int(), title: z.string() }),
  kind: caseKind,
  asap: z.boolean(),
  asapReason: z.string().nullable(),
  anchors: z.strictObject({
    disclosure: instant,
    fixReady: instant.nullable(),
    firstNotice: instant.nullable(),
    releaseDate: instant.nullable(),
  }),
  releaseDateIn: z.array(zonedTime),
  phases: z.array(scheduledPhase),
  warnings: z.array(scheduleWarning),
  state: processState,
  fixLead: z.string().nullable(),
});
export type Schedule = z.infer<typeof schedule>;

export const staleness = z.strictObject({
  stale: z.boolean(),
  severity: z.enum(['None', 'Low', 'Medium', 'High', 'Critical']).nullable(),
  /** Days a case of this severity may stay untouched; null: no limit. */
  limitDays: z.number().nullable(),
  lastActivity: instant,
  untouchedDays: z.number(),
});
export type Staleness = z.infer<typeof staleness>;

export const caseOverview = z.strictObject({
  id: caseId,
  title: z.string(),
  kind: caseKind,
  profile: z.strictObject({ id: z.string(), version: z.number().int() }),
  releaseDate: instant.nullable(),
  fixLead: z.string().nullable(),
  currentPhase: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
  next: z.strictObject({ id: z.string(), title: z.string(), due: instant.nullable(), state: itemState }).nullable(),
  counts: z.strictObject({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    asap: z.number().int(),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** The one progress: required steps done or skipped, of all required steps (src/shared/process/progress.ts). */
  progress: z.strictObject({ handled: z.number().int(), required: z.number().int() }),
  closed: z.boolean(),
  asap: z.boolean(),
  staleness,
  handoffPending: z.boolean(),
  leaksAwaitingDecision: z.number().int(),
});
export type CaseOverview = z.infer<typeof caseOverview>;

export const leakCount = z.strictObject({
  distributor: z.string(),
  count: z.number().int(),
  cases: z.array(caseId),
});

// ── Methods ─────────────────────────────────────────────────────────────────────────────

const itemId = slug;
const noteText = text(5000);
const reasonText = z.string().trim().min(1, 'give the reason').max(5000);

const itemOutcome = z.strictObject({ item: scheduledItem, event: timelineEvent });

export const processMethods = {
  'process.profiles': method({
    summary: 'The process profiles this Embargo knows, as data.',
    input: empty,
    output: z.array(processProfile),
    allowWhenLocked: true,
  }),
  'process.schedule': method({
    summary: "A case's phases and checklist items with their windows and states at `now`.",
    input: z.strictObject({ id: caseId, zones: z.array(timeZone).max(10).default([]) }),
    output: schedule,
  }),
  'process.tick': method({
    summary: 'Mark a checklist item done (who, when, note, evidence); one timeline event.',
    input: z.strictObject({
      id: caseId,
      item: itemId,
      by: person.optional(),
      doneAt: instant.optional(),
      note: noteText.default(''),
      evidence: z.array(z.string().trim().min(1).max(2000)).max(50).default([]),
    }),
    output: itemOutcome,
  }),
  'process.skip': method({
    summary: 'Skip a checklist item with its reason; one timeline event.',
    input: z.strictObject({ id: caseId, item: itemId, reason: reasonText }),
    output: itemOutcome,
  }),
  'process.reopen': method({
    summary: 'Undo a tick or a skip, with the reason; one timeline event.',
    input: z.strictObject({ id: caseId, item: itemId, reason: reasonText }),
    output: itemOutcome,
  }),
  'process.slowDown': method({
    summary: 'Record the decision to slow the schedule of a low-severity case (score under the profile threshold).',
    input: z.strictObject({
      id: caseId,
      extendDays: z.number().int().min(1).max(180),
      reason: reasonText,
      discussedOn: z.string().trim().min(1, 'say where it was discussed on the security list').max(2000),
    }),
    output: z.strictObject({ decision: decisionRecord, event: timelineEvent }),
  }),
  'process.recordLeak': method({
    summary: 'Record an embargo break: what leaked, to whom, when, who reported it, which distributor.',
    input: z.strictObject({
      id: caseId,
      what: z.string().trim().min(1).max(5000),
      toWhom: z.string().trim().min(1).max(1000),
      when: instant,
      reportedBy: person,
      distributor: person.nullable().default(null),
    }),
    output: z.strictObject({ leak: leakRecord, events: z.array(timelineEvent) }),
  }),
  'process.decideLeak': method({
    summary: 'Record the decision about a leak: release earlier (schedule turns ASAP) or continue.',
    input: z.strictObject({ id: caseId, leak: z.string().min(1), choice: leakChoice, reason: reasonText }),
    output: z.strictObject({ leak: leakRecord, decision: decisionRecord, events: z.array(timelineEvent) }),
  }),
  'process.leakCounts': method({
    summary: 'Leaks recorded per distributor across every case.',
    input: empty,
    output: z.array(leakCount),
  }),
  'process.handoff': method({
    summary: 'Hand the case to another lead with a note; the current lead stays until it is acknowledged.',
    input: z.strictObject({ id: caseId, to: person, note: z.string().trim().min(1, 'write the handoff note').max(20_000) }),
    output: z.strictObject({ handoff: handoffRecord, event: timelineEvent }),
  }),
  'process.acknowledgeHandoff': method({
    summary: 'The incoming lead acknowledges the pending handoff and becomes Fix Lead.',
    input: z.strictObject({ id: caseId, by: person }),
    output: z.strictObject({ handoff: handoffRecord, event: timelineEvent }),
  }),
  'process.cancelHandoff': method({
    summary: 'Withdraw a pending handoff.',
    input: z.strictObject({ id: caseId, reason: reasonText }),
    output: z.strictObject({ handoff: handoffRecord, event: timelineEvent }),
  }),
  'process.addRetroItem': method({
    summary: 'Add an item for the retrospective.',
    input: z.strictObject({ id: caseId, text: z.string().trim().min(1).max(5000) }),
    output: z.strictObject({ item: retroItem, event: timelineEvent }),
  }),
  'process.retro': method({
    summary: 'The retrospective draft (Markdown) from the timeline.',
    input: z.strictObject({ id: caseId }),
    output: z.strictObject({ markdown: z.string() }),
  }),
  'process.overview': method({
    summary: 'Every case with its next deadline, counts and staleness, for the case list.',
    input: empty,
    output: z.array(caseOverview),
  }),
  'demo.create': method({
    summary: 'Fill an empty vault with a fictional case in mid-flight and its roster (and, for tests at scale, more cases and notes).',
    input: z.strictObject({
      /** How many cases in all (the rich one included); 1 unless a test or benchmark asks for more. */
      cases: z.number().int().min(1).max(5000).optional(),
      /** Extra notes on the rich case, for a long timeline. */
      notes: z.number().int().min(0).max(20_000).optional(),
      /** false: only the case, its timeline and the roster, without the upstream repository, keys
       *  and mail the demo otherwise brings (for tests that build those themselves). */
      showcase: z.boolean().optional(),
    }),
    output: z.strictObject({ case: caseRecord, omitted: z.array(z.string()) }),
  }),
} as const;
