// Release Date negotiation: a proposed Release Date checked against every constraint of the
// parties in a case (the profile's windows, linux-distros' 14-day maximum, distributors' notice,
// the usual release hour, working days in every participant's zone, holidays), the first date
// that meets all of them, and the vault's editable holiday calendar (with ICS import).
import { z } from 'zod';
import { method } from './define.ts';
import { caseId, instant } from './common.ts';
import { timeZone, zonedTime } from './process.ts';

export const holidayId = z.string().regex(/^holiday-[0-9a-f]{8,}$/, 'a holiday id looks like holiday-1a2b3c4d');

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day looks like 2026-12-24')
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day, 'not a day of the calendar');

export const holiday = z.strictObject({
  id: holidayId,
  date: calendarDay,
  name: z.string(),
  /** Zones the holiday is kept in; empty: everyone (UTC and every participant's zone). */
  zones: z.array(z.string()),
  /** Where it came from: typed in, or the ICS file's UID. */
  source: z.string(),
});
export type Holiday = z.infer<typeof holiday>;

const holidayName = z.string().trim().min(1, 'the name is empty').max(200);

export const calendarSettings = z.strictObject({
  /** The project's usual release hour, "HH:MM" UTC; null: the profile's (16:00 for Kubernetes), or none. */
  releaseTimeUtc: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 16:00').nullable(),
  /** Days of notice distributors get at least. */
  minNoticeDays: z.number().int().min(0).max(90),
  /** linux-distros' maximum embargo from the first post, in days. */
  linuxDistrosMaxDays: z.number().int().min(1).max(90),
});
export type CalendarSettings = z.infer<typeof calendarSettings>;

export const constraintName = z.enum([
  'after-now',
  'profile-latest',
  'profile-weekday',
  'profile-preferred',
  'linux-distros-max',
  'distributor-notice',
  'release-hour',
  'working-day',
  'holiday',
]);
export type ConstraintName = z.infer<typeof constraintName>;

export const constraintResult = z.strictObject({
  constraint: constraintName,
  /** hard: the date is refused when it fails; soft: preferred, shown but not refusing. */
  strength: z.enum(['hard', 'soft']),
  ok: z.boolean(),
  message: z.string(),
});
export type ConstraintResult = z.infer<typeof constraintResult>;

export const participantTime = z.strictObject({
  /** Who reads the date in this zone: a person's name, or "UTC" / "the process". */
  who: z.string(),
  personId: z.string().nullable(),
  at: zonedTime,
});

export const dateCheck = z.strictObject({
  caseId,
  releaseDate: instant,
  ok: z.boolean(),
  results: z.array(constraintResult),
  /** Why the date is refused: the messages of the failed hard constraints. */
  reasons: z.array(z.string()),
  inZones: z.array(participantTime),
  /** The instant distributors are (or, if not yet, would be at the earliest) first told. */
  noticeAt: instant,
  noticeSent: z.boolean(),
});
export type DateCheck = z.infer<typeof dateCheck>;

const checkOptions = {
  id: caseId,
  /** Apply linux-distros' 14-day maximum even when the case's profile is not linux-distros. */
  linuxDistros: z.boolean().default(false),
  /** When the first notice is planned, if not yet sent; default: now. */
  noticeAt: instant.optional(),
};

export const calendarMethods = {
  'calendar.check': method({
    summary: 'Check a proposed Release Date against every constraint of the case, and read it in each participant\'s zone.',
    input: z.strictObject({ ...checkOptions, releaseDate: instant }),
    output: dateCheck,
  }),
  'calendar.propose': method({
    summary: 'The first Release Date that meets every constraint, with the reason each earlier candidate was rejected.',
    input: z.strictObject({ ...checkOptions, from: instant.optional(), maxDays: z.number().int().min(1).max(366).default(60) }),
    output: z.strictObject({
      proposed: dateCheck.nullable(),
      rejected: z.array(z.strictObject({ releaseDate: instant, reasons: z.array(z.string()) })),
    }),
  }),
  'calendar.settings': method({ summary: 'The vault\'s Release Date settings: usual hour, notice days, linux-distros maximum.', input: z.strictObject({}), output: calendarSettings }),
  'calendar.updateSettings': method({
    summary: 'Change the vault\'s Release Date settings.',
    input: calendarSettings.partial().strict(),
    output: calendarSettings,
  }),
  'calendar.holidays': method({ summary: 'The holiday calendar, by date.', input: z.strictObject({}), output: z.array(holiday) }),
  'calendar.addHoliday': method({
    summary: 'Add a holiday (for everyone, or in some zones).',
    input: z.strictObject({ date: calendarDay, name: holidayName, zones: z.array(timeZone).max(50).default([]) }),
    output: holiday,
  }),
  'calendar.removeHoliday': method({ summary: 'Remove a holiday.', input: z.strictObject({ id: holidayId }), output: holiday }),
  'calendar.importIcs': method({
    summary: 'Import the all-day events of an iCalendar (.ics) file as holidays; nothing is added if any of it is refused.',
    input: z.strictObject({ text: z.string(), zones: z.array(timeZone).max(50).default([]) }),
    output: z.strictObject({
      added: z.array(holiday),
      alreadyKnown: z.number().int(),
      /** Events not imported (timed, repeating, without a date), with why. */
      skipped: z.array(z.strictObject({ summary: z.string(), reason: z.string() })),
    }),
  }),
} as const;
