// The process engine on the command line (CLI.md): `case schedule`, `case checklist`,
// `case retro`, `case slow-down`, `case overview`, the process fields of `case set`, and the
// roster, leak, handoff, profile and demo command groups.
import { caseProgress, describeProgress } from '../../shared/process/progress.ts';
import type { Command } from 'commander';
import type { CaseEdits, CaseRecord, Schedule, ScheduledItem } from '../../shared/contract/index.ts';
import { bothZones, printFields, printJson, printTable } from '../output.ts';
import type { CommandRunner } from '../main.ts';
import { usageError } from '../session.ts';
import { rosterNames } from '../../core/process/roster.ts';
import { collect, dueText, stateText, yesNo } from './process-format.ts';
import { registerRosterCommands } from './roster.ts';
import { registerLeakCommands } from './leak.ts';
import { registerHandoffCommands } from './handoff.ts';
import { registerDemoCommand } from './demo.ts';

function items(schedule: Schedule): ScheduledItem[] {
  return schedule.phases.flatMap((phase) => phase.items);
}

/** `case schedule --json`: CLI.md's `{"deadlines":[{"id","title","due","state"}...]}`, plus detail. */
export function deadlinesJson(schedule: Schedule) {
  return {
    deadlines: items(schedule).map((item) => ({
      id: item.id,
      title: item.title,
      due: item.due,
      state: item.state,
      phase: item.phaseId,
      owner: item.owner,
      optional: item.optional,
      opens: item.opens,
      preferredDue: item.preferredDue,
      asap: item.asap,
      waitingFor: item.waitingFor,
      late: item.late,
      dueIn: item.dueIn,
    })),
    now: schedule.now,
    releaseDate: schedule.anchors.releaseDate,
    asap: schedule.asap,
    warnings: schedule.warnings,
  };
}

/** `case checklist --json`: `{"items":[...], "progress"}` with each item's tick record. */
export function checklistJson(schedule: Schedule) {
  return {
    progress: caseProgress(items(schedule)),
    items: items(schedule).map((item) => ({
      id: item.id,
      title: item.title,
      phase: item.phaseId,
      owner: item.owner,
      optional: item.optional,
      due: item.due,
      state: item.state,
      late: item.late,
      requires: item.requires,
      record: item.record,
    })),
  };
}

function printWarnings(session: Parameters<Parameters<CommandRunner>[0]>[0], schedule: Schedule): void {
  for (const warning of schedule.warnings) session.io.stdout(`! ${warning.message}\n`);
}

function registerCaseProcessCommands(cases: Command, run: CommandRunner): void {
  cases
    .command('schedule')
    .description('every deadline with its window and state (UTC and local time)')
    .argument('<case>', 'case id')
    .option('--zone <iana>', 'also show deadlines in this zone (repeatable)', collect)
    .action((id: string, options: { zone?: string[] }) =>
      run(async (session) => {
        await session.unlock();
        const schedule = await session.call('process.schedule', { id, zones: options.zone ?? [] });
        if (session.options.json) return printJson(session.io, deadlinesJson(schedule));
        session.io.stdout(`${schedule.profile.title} v${schedule.profile.version} — now ${bothZones(schedule.now)}\n`);
        if (schedule.asapReason) session.io.stdout(`${schedule.asapReason}\n`);
        printTable(
          session.io,
          ['STATE', 'DUE', 'ITEM'],
          items(schedule).map((item) => [stateText(session.io, item.state), dueText(item), `${item.title}${item.optional ? ' (optional)' : ''}`]),
        );
        const extraZones = schedule.zones.filter((zone) => zone !== 'UTC');
        if (schedule.anchors.releaseDate && extraZones.length > 0) {
          const readings = schedule.releaseDateIn.map((t) => `${t.date} ${t.time} ${t.zone} (${t.weekday})`).join('; ');
          session.io.stdout(`Release Date: ${readings}\n`);
        }
        session.io.stdout(`${describeProgress(caseProgress(items(schedule)))}\n`);
        printWarnings(session, schedule);
      }),
    );

  cases
    .command('checklist')
    .description('list the checklist, or tick (--done), skip (--skip) or reopen (--reopen) an item')
    .argument('<case>', 'case id')
    .option('--done <item>', 'tick this item')
    .option('--note <text>', 'a note on the tick')
    .option('--evidence <ref>', 'a link or reference showing it was done (repeatable)', collect)
    .option('--by <who>', 'who did it (default: the Fix Lead)')
    .option('--at <iso8601>', 'when it was done, if earlier than now')
    .option('--skip <item>', 'skip this item (give --reason)')
    .option('--reopen <item>', 'undo a tick or a skip (give --reason)')
    .option('--reason <text>', 'why it is skipped or reopened')
    .action((id: string, options: { done?: string; note?: string; evidence?: string[]; by?: string; at?: string; skip?: string; reopen?: string; reason?: string }) =>
      run(async (session) => {
        const actions = [options.done, options.skip, options.reopen].filter((value) => value !== undefined);
        if (actions.length > 1) throw usageError('Give one of --done, --skip or --reopen.');
        if ((options.skip || options.reopen) && !options.reason) throw usageError('--skip and --reopen need --reason.');
        if (!options.done && (options.note || options.evidence || options.by || options.at)) throw usageError('--note, --evidence, --by and --at go with --done.');
        await session.unlock();
        if (options.done) {
          await session.call('process.tick', {
            id,
            item: options.done,
            note: options.note ?? '',
            evidence: options.evidence ?? [],
            ...(options.by ? { by: options.by } : {}),
            ...(options.at ? { doneAt: options.at } : {}),
          });
        } else if (options.skip) await session.call('process.skip', { id, item: options.skip, reason: options.reason ?? '' });
        else if (options.reopen) await session.call('process.reopen', { id, item: options.reopen, reason: options.reason ?? '' });
        const schedule = await session.call('process.schedule', { id });
        if (session.options.json) return printJson(session.io, checklistJson(schedule));
        const names = rosterNames(await session.call('roster.show', {}));
        for (const phase of schedule.phases) {
          session.io.stdout(`${phase.title}${phase.optional ? ' (optional)' : ''} — ${phase.windowText}\n`);
          for (const item of phase.items) {
            const box = item.state === 'done' ? '[x]' : item.state === 'skipped' ? '[-]' : '[ ]';
            const record = item.record
              ? ` — ${item.record.state === 'done' ? `done ${bothZones(item.record.doneAt)} by ${names(item.record.by)}${item.late ? ', late' : ''}` : `skipped: ${item.record.reason}`}`
              : ` — ${stateText(session.io, item.state)}, ${dueText(item)}`;
            session.io.stdout(`  ${box} ${item.id}: ${item.title} (${item.owner})${record}\n`);
          }
        }
        printWarnings(session, schedule);
      }),
    );

  cases
    .command('retro')
    .description('retrospective draft, Markdown, from the timeline')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const { markdown } = await session.call('process.retro', { id });
        if (session.options.json) printJson(session.io, { markdown });
        else session.io.stdout(markdown);
      }),
    );

  cases
    .command('retro-item')
    .description('add an item for the retrospective')
    .argument('<case>', 'case id')
    .argument('<text>', 'the item')
    .action((id: string, text: string) =>
      run(async (session) => {
        await session.unlock();
        const { item } = await session.call('process.addRetroItem', { id, text });
        if (session.options.json) printJson(session.io, item);
        else session.io.stdout(`Added retrospective item ${item.id}.\n`);
      }),
    );

  cases
    .command('slow-down')
    .description('record the decision to slow a low-severity case (score under 4.0), discussed on the security list')
    .argument('<case>', 'case id')
    .requiredOption('--days <n>', 'days every window counted from Disclosure moves later')
    .requiredOption('--reason <text>', 'why (holidays, developer bandwidth, …)')
    .requiredOption('--discussed-on <ref>', 'where it was discussed (message link or reference)')
    .action((id: string, options: { days: string; reason: string; discussedOn: string }) =>
      run(async (session) => {
        const extendDays = Number(options.days);
        if (!Number.isInteger(extendDays)) throw usageError('--days takes a whole number of days.');
        await session.unlock();
        const { decision } = await session.call('process.slowDown', { id, extendDays, reason: options.reason, discussedOn: options.discussedOn });
        if (session.options.json) printJson(session.io, decision);
        else session.io.stdout(`Recorded decision ${decision.id}: windows counted from Disclosure move ${decision.extendDays} days later.\n`);
      }),
    );

  cases
    .command('overview')
    .description('every case with its next deadline, overdue count and staleness')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const overview = await session.call('process.overview', {});
        if (session.options.json) return printJson(session.io, { cases: overview });
        if (overview.length === 0) return session.io.stdout('No cases yet.\n');
        printTable(
          session.io,
          ['ID', 'PHASE', 'PROGRESS', 'NEXT', 'DUE (UTC)', 'OVERDUE', 'FLAGS', 'TITLE'],
          overview.map((c) => [
            c.id,
            c.closed ? 'closed' : (c.currentPhase?.title ?? '—'),
            `${c.progress.handled}/${c.progress.required}`,
            c.next ? `${c.next.id} (${stateText(session.io, c.next.state)})` : '—',
            c.next?.due ? c.next.due.slice(0, 16).replace('T', ' ') : c.asap ? 'ASAP' : '—',
            String(c.counts.overdue),
            [
              c.staleness.stale ? `stale ${c.staleness.untouchedDays}d (${c.staleness.severity} > ${c.staleness.limitDays}d)` : '',
              c.handoffPending ? 'handoff pending' : '',
              c.leaksAwaitingDecision > 0 ? `${c.leaksAwaitingDecision} leak(s) undecided` : '',
            ]
              .filter(Boolean)
              .join(', ') || '—',
            c.title,
          ]),
        );
      }),
    );
}

// ── `case set`: the process fields ──────────────────────────────────────────────────────

/** Adds the process fields to `case set` (the Fix Lead, Fix Team, upstream binding, …). */
export function addProcessSetOptions(set: Command): void {
  set
    .option('--upstream <project@iso8601>', 'upstream-bound: the project and its disclosure date, e.g. containerd@2026-12-01T16:00:00Z; "none" clears')
    .option('--fix-lead <who>', 'the Fix Lead (only while the case has none; later, use "embargo handoff")')
    .option('--fix-team <who>', 'a Fix Team engineer (repeatable; replaces the list; "none" clears)', collect)
    .option('--release-manager <who>', 'a Release Manager on this case (repeatable; replaces the list; "none" clears)', collect)
    .option('--reporter <who>', 'who reported it; "none" clears')
    .option('--link <label=url>', 'a link, e.g. "PR that introduced the issue=https://…" (repeatable; replaces the list; "none" clears)', collect)
    .option('--deploy-before-release <yes|no|undecided>', 'embargo: may a patched build be deployed before the Release Date?')
    .option('--patch-under-embargo <yes|no|undecided>', 'embargo: is the patch itself under embargo?')
    .option('--hosted-exceptions <text>', 'embargo: exceptions for hosted services')
    .option('--asked-private <yes|no>', 'public report: was the reporter asked to move to private handling?')
    .option('--private-answer <agreed|declined|no-answer|none>', "public report: the reporter's answer")
    .option('--private-note <text>', 'public report: a note on the exchange');
}

function list(values: string[]): string[] {
  return values.length === 1 && values[0] === 'none' ? [] : values;
}

function parseUpstream(value: string): CaseEdits['upstream'] {
  if (value === 'none') return null;
  const at = value.lastIndexOf('@');
  if (at <= 0) throw usageError('--upstream looks like PROJECT@ISO8601, e.g. containerd@2026-12-01T16:00:00Z.');
  return { project: value.slice(0, at), date: value.slice(at + 1) };
}

function parseLink(value: string): { label: string; url: string } {
  const at = value.lastIndexOf('=http');
  if (at <= 0) throw usageError('--link looks like "LABEL=https://…".');
  return { label: value.slice(0, at), url: value.slice(at + 1) };
}

export interface ProcessSetEdits {
  /** Edits that stand alone. */
  edits: CaseEdits;
  /** Edits of nested fields, merged into the case as it is now; null when none were given. */
  merge: ((current: CaseRecord) => CaseEdits) | null;
}

export function processSetEdits(options: Record<string, unknown>): ProcessSetEdits {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const many = (name: string) => (Array.isArray(options[name]) ? (options[name] as string[]) : undefined);
  const edits: CaseEdits = {};
  const upstream = text('upstream');
  if (upstream !== undefined) edits.upstream = parseUpstream(upstream);
  const links = many('link');
  if (links) edits.links = list(links).map(parseLink);

  const fixLead = text('fixLead');
  const fixTeam = many('fixTeam');
  const releaseManagers = many('releaseManager');
  const reporter = text('reporter');
  const deploy = text('deployBeforeRelease');
  const patch = text('patchUnderEmbargo');
  const hosted = text('hostedExceptions');
  const asked = text('askedPrivate');
  const answer = text('privateAnswer');
  const note = text('privateNote');
  const touchesPeople = [fixLead, fixTeam, releaseManagers, reporter].some((value) => value !== undefined);
  const touchesEmbargo = [deploy, patch, hosted].some((value) => value !== undefined);
  const touchesReport = [asked, answer, note].some((value) => value !== undefined);
  if (answer !== undefined && !['agreed', 'declined', 'no-answer', 'none'].includes(answer)) {
    throw usageError('--private-answer takes agreed, declined, no-answer or none.');
  }
  if (!touchesPeople && !touchesEmbargo && !touchesReport) return { edits, merge: null };

  return {
    edits,
    merge: (current) => {
      const merged: CaseEdits = {};
      if (touchesPeople) {
        if (fixLead !== undefined && current.people.fixLead !== null && fixLead !== current.people.fixLead) {
          throw usageError(`${current.id} already has a Fix Lead (${current.people.fixLead}); hand it over with "embargo handoff request".`);
        }
        merged.people = {
          fixLead: fixLead === undefined ? current.people.fixLead : fixLead === 'none' ? null : fixLead,
          fixTeam: fixTeam ? list(fixTeam) : current.people.fixTeam,
          releaseManagers: releaseManagers ? list(releaseManagers) : current.people.releaseManagers,
          reporter: reporter === undefined ? current.people.reporter : reporter === 'none' ? null : reporter,
        };
      }
      if (touchesEmbargo) {
        merged.embargo = {
          deployBeforeRelease: deploy === undefined ? current.embargo.deployBeforeRelease : yesNo(deploy, '--deploy-before-release'),
          patchUnderEmbargo: patch === undefined ? current.embargo.patchUnderEmbargo : yesNo(patch, '--patch-under-embargo'),
          hostedServiceExceptions: hosted ?? current.embargo.hostedServiceExceptions,
        };
      }
      if (touchesReport) {
        const before = current.publicReport ?? { askedToMovePrivate: false, answer: null, note: '' };
        merged.publicReport = {
          askedToMovePrivate: asked === undefined ? before.askedToMovePrivate : yesNo(asked, '--asked-private') === true,
          answer: answer === undefined ? before.answer : answer === 'none' ? null : (answer as 'agreed' | 'declined' | 'no-answer'),
          note: note ?? before.note,
        };
      }
      return merged;
    },
  };
}

// ── Registration ────────────────────────────────────────────────────────────────────────

export function registerProcessCommands(program: Command, run: CommandRunner): void {
  const cases = program.commands.find((command) => command.name() === 'case') ?? program.command('case');
  registerCaseProcessCommands(cases, run);
  const set = cases.commands.find((command) => command.name() === 'set');
  if (set) addProcessSetOptions(set);

  program
    .command('profiles')
    .description('the process profiles this Embargo knows')
    .action(() =>
      run(async (session) => {
        const profiles = await session.call('process.profiles', {});
        if (session.options.json) return printJson(session.io, { profiles });
        for (const profile of profiles) {
          printFields(session.io, [
            ['id', `${profile.id} v${profile.version}`],
            ['title', profile.title],
            ['source', profile.source],
            ['phases', profile.phases.map((phase) => phase.title).join(' → ')],
          ]);
          session.io.stdout('\n');
        }
      }),
    );

  registerRosterCommands(program, run);
  registerLeakCommands(program, run);
  registerHandoffCommands(program, run);
  registerDemoCommand(program, run);
}
