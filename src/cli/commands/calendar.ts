// `embargo calendar check|propose|settings|holidays …` (see CLI.md): Release Date negotiation.
// A proposed date is checked against every constraint of the parties in the case and read in
// each participant's zone; `propose` gives the first date that meets all of them and why each
// earlier candidate was refused. The holiday calendar is the vault's, editable and fed by .ics.
import type { Command } from 'commander';
import type { CalendarSettings, DateCheck, Holiday } from '../../shared/contract/calendar.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { CommandRunner } from '../main.ts';
import { printFields, printJson, printTable } from '../output.ts';
import { readUserFile } from '../read-user-file.ts';
import { usageError, type CliSession } from '../session.ts';
import { collect } from './keyring.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "2026-12-15T16:00:00Z", "2026-12-15T17:00+01:00", "2026-12-15 16:00" (UTC): an instant; a
 * bare day "2026-12-15": that day at the usual release hour (null here, resolved by the core).
 */
export function parseReleaseDate(text: string): { instant: string } | { day: string } {
  const value = text.trim();
  if (DAY.test(value)) {
    if (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw usageError(`${value} is not a day of the calendar.`);
    return { day: value };
  }
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/i.exec(value);
  const at = match ? Date.parse(`${match[1]}T${match[2]}${match[3] ?? ':00'}${(match[4] ?? 'Z').toUpperCase()}`) : Number.NaN;
  if (!match || Number.isNaN(at)) throw usageError(`"${text}" is not a Release Date: give 2026-12-15, 2026-12-15T16:00Z or "2026-12-15 16:00" (UTC).`);
  return { instant: new Date(at).toISOString() };
}

interface CheckOptions {
  linuxDistros?: boolean;
  noticeAt?: string;
}

function checkInput(id: string, options: CheckOptions) {
  return {
    id,
    linuxDistros: Boolean(options.linuxDistros),
    ...(options.noticeAt ? { noticeAt: instantOf(options.noticeAt, '--notice-at') } : {}),
  };
}

function instantOf(text: string, flag: string): string {
  const parsed = parseReleaseDate(text);
  if ('day' in parsed) return `${parsed.day}T00:00:00.000Z`;
  if (!parsed.instant) throw usageError(`${flag} takes a date and time.`);
  return parsed.instant;
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function printCheck(session: CliSession, check: DateCheck): void {
  session.io.stdout(`${check.caseId}: ${utc(check.releaseDate)} — ${check.ok ? 'meets every constraint' : 'refused'}\n\n`);
  printTable(
    session.io,
    ['', 'CONSTRAINT', 'STRENGTH', 'RESULT'],
    check.results.map((result) => [result.ok ? 'ok' : result.strength === 'hard' ? 'NO' : 'warn', result.constraint, result.strength, result.message]),
  );
  session.io.stdout('\nIn every zone:\n');
  printTable(
    session.io,
    ['WHO', 'ZONE', 'DATE', 'TIME', 'DAY', 'OFFSET'],
    check.inZones.map(({ who, at }) => [who, at.zone, at.date, at.time, at.weekday, at.offset]),
  );
  session.io.stdout(`\nDistributors ${check.noticeSent ? 'were first told' : 'would be first told at the earliest'} ${utc(check.noticeAt)}.\n`);
}

function holidayRows(holidays: Holiday[]): string[][] {
  return holidays.map((holiday) => [holiday.id, holiday.date, holiday.name, holiday.zones.join(', ') || 'everyone', holiday.source]);
}

function printHolidays(session: CliSession, holidays: Holiday[]): void {
  if (holidays.length === 0) return session.io.stdout('No holidays yet. Add one with "embargo calendar holidays add DATE NAME" or import an .ics file.\n');
  printTable(session.io, ['ID', 'DATE', 'NAME', 'KEPT BY', 'SOURCE'], holidayRows(holidays));
}

/** A day as the core checks it: at the usual release hour (the vault's, else the profile's). */
async function resolveDay(session: CliSession, id: string, day: string, options: CheckOptions): Promise<string> {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 1).toISOString();
  const proposal = await session.call('calendar.propose', { ...checkInput(id, options), from, maxDays: 1 });
  const first = proposal.proposed?.releaseDate ?? proposal.rejected[0]?.releaseDate;
  if (!first || first.slice(0, 10) !== day) return `${day}T00:00:00.000Z`;
  return first;
}

interface SettingsOptions {
  releaseHour?: string;
  minNoticeDays?: string;
  linuxDistrosMaxDays?: string;
}

function integer(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw usageError(`${flag} takes a whole number of days, not "${value}".`);
  return number;
}

function settingsChange(options: SettingsOptions): Partial<CalendarSettings> {
  return {
    ...(options.releaseHour !== undefined ? { releaseTimeUtc: options.releaseHour === '' || options.releaseHour === 'none' ? null : options.releaseHour } : {}),
    ...(options.minNoticeDays !== undefined ? { minNoticeDays: integer('--min-notice-days', options.minNoticeDays) } : {}),
    ...(options.linuxDistrosMaxDays !== undefined ? { linuxDistrosMaxDays: integer('--linux-distros-max-days', options.linuxDistrosMaxDays) } : {}),
  };
}

function withCheckOptions(command: Command): Command {
  return command
    .option('--linux-distros', "apply linux-distros' maximum embargo although the case's profile is another")
    .option('--notice-at <iso8601>', 'when the first distributor notice goes out, if it has not yet (default: now)');
}

export function registerCalendarCommands(program: Command, run: CommandRunner): void {
  const calendar = program.command('calendar').description('Release Date negotiation: check a date against every party, propose the first that fits, holidays');

  withCheckOptions(
    calendar
      .command('check')
      .description("check a Release Date against every constraint of the case and read it in each participant's zone (exit 1 when refused)")
      .argument('<case>', 'case id, e.g. EMB-0001')
      .argument('<date>', 'e.g. 2026-12-15T16:00Z, "2026-12-15 16:00" (UTC), or 2026-12-15 (at the usual release hour)'),
  ).action((id: string, date: string, options: CheckOptions) =>
    run(async (session) => {
      const parsed = parseReleaseDate(date);
      await session.unlock();
      const releaseDate = 'instant' in parsed ? parsed.instant : await resolveDay(session, id, parsed.day, options);
      const check = await session.call('calendar.check', { ...checkInput(id, options), releaseDate });
      if (session.options.json) printJson(session.io, check);
      else printCheck(session, check);
      return check.ok ? 0 : 1;
    }),
  );

  withCheckOptions(
    calendar
      .command('propose')
      .description('the first Release Date that meets every constraint, and why each earlier candidate was refused')
      .argument('<case>', 'case id, e.g. EMB-0001')
      .option('--from <iso8601>', 'look from this instant on (default: now)')
      .option('--max-days <n>', 'how many days to look ahead (1–366, default 60)'),
  ).action((id: string, options: CheckOptions & { from?: string; maxDays?: string }) =>
    run(async (session) => {
      const input = {
        ...checkInput(id, options),
        ...(options.from ? { from: instantOf(options.from, '--from') } : {}),
        ...(options.maxDays !== undefined ? { maxDays: integer('--max-days', options.maxDays) } : {}),
      };
      await session.unlock();
      const proposal = await session.call('calendar.propose', input);
      if (session.options.json) {
        printJson(session.io, proposal);
        return proposal.proposed ? 0 : 1;
      }
      for (const rejected of proposal.rejected) session.io.stdout(`refused ${utc(rejected.releaseDate)}: ${rejected.reasons.join(' ')}\n`);
      if (proposal.rejected.length > 0) session.io.stdout('\n');
      if (!proposal.proposed) {
        session.io.stdout(`No date within ${input.maxDays ?? 60} days meets every constraint.\n`);
        return 1;
      }
      session.io.stdout(`Proposed: ${utc(proposal.proposed.releaseDate)}\n`);
      printCheck(session, proposal.proposed);
      session.io.stdout(`\nTo set it: embargo case set ${id} --release-date ${proposal.proposed.releaseDate}\n`);
    }),
  );

  calendar
    .command('settings')
    .description("the vault's Release Date settings: usual release hour, days of notice, linux-distros' maximum (shown when no option is given)")
    .option('--release-hour <HH:MM>', 'the usual release hour in UTC, e.g. 16:00 ("none": the profile\'s)')
    .option('--min-notice-days <n>', 'days of notice distributors get at least')
    .option('--linux-distros-max-days <n>', "linux-distros' maximum embargo from the first notice, in days")
    .action((options: SettingsOptions) =>
      run(async (session) => {
        const change = settingsChange(options);
        await session.unlock();
        const settings = Object.keys(change).length > 0 ? await session.call('calendar.updateSettings', change) : await session.call('calendar.settings', {});
        if (session.options.json) return printJson(session.io, settings);
        printFields(session.io, [
          ['release hour', settings.releaseTimeUtc ? `${settings.releaseTimeUtc} UTC` : "the profile's"],
          ['notice', `at least ${settings.minNoticeDays} days`],
          ['linux-distros', `at most ${settings.linuxDistrosMaxDays} days`],
        ]);
      }),
    );

  const holidays = calendar.command('holidays').description('the holiday calendar no Release Date may fall on');

  holidays
    .command('list')
    .description('every holiday, by date')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const list = await session.call('calendar.holidays', {});
        if (session.options.json) return printJson(session.io, { holidays: list });
        printHolidays(session, list);
      }),
    );

  holidays
    .command('add')
    .description('add a holiday, for everyone or in some zones')
    .argument('<date>', 'the day, e.g. 2026-12-24')
    .argument('<name...>', 'what it is, e.g. Christmas Eve')
    .option('--zone <iana>', 'kept only in this zone, e.g. Europe/Berlin (repeatable)', collect)
    .action((date: string, name: string[], options: { zone?: string[] }) =>
      run(async (session) => {
        await session.unlock();
        const holiday = await session.call('calendar.addHoliday', { date, name: name.join(' '), zones: options.zone ?? [] });
        if (session.options.json) return printJson(session.io, holiday);
        session.io.stdout(`Added ${holiday.id}: ${holiday.date} ${holiday.name} (${holiday.zones.join(', ') || 'everyone'}).\n`);
      }),
    );

  holidays
    .command('remove')
    .description('remove a holiday')
    .argument('<id>', 'holiday id, e.g. holiday-1a2b3c4d')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const holiday = await session.call('calendar.removeHoliday', { id });
        if (session.options.json) return printJson(session.io, holiday);
        session.io.stdout(`Removed ${holiday.id}: ${holiday.date} ${holiday.name}.\n`);
      }),
    );

  holidays
    .command('import')
    .description('import the all-day events of an .ics file (nothing is added if the file is refused)')
    .argument('<file>', 'an iCalendar file, e.g. holidays.ics')
    .option('--zone <iana>', 'the holidays are kept only in this zone (repeatable)', collect)
    .action((file: string, options: { zone?: string[] }) =>
      run(async (session) => {
        const text = (await readUserFile(file, LIMITS.icsBytes, '.ics file')).toString('utf8');
        await session.unlock();
        const result = await session.call('calendar.importIcs', { text, zones: options.zone ?? [] });
        if (session.options.json) return printJson(session.io, result);
        session.io.stdout(`Imported ${result.added.length} holiday${result.added.length === 1 ? '' : 's'}${result.alreadyKnown ? ` (${result.alreadyKnown} already in the calendar)` : ''}.\n`);
        if (result.added.length > 0) printTable(session.io, ['ID', 'DATE', 'NAME', 'KEPT BY', 'SOURCE'], holidayRows(result.added));
        for (const skipped of result.skipped) session.io.stderr(`embargo: skipped "${skipped.summary}": ${skipped.reason}.\n`);
      }),
    );
}
