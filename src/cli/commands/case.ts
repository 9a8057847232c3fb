import type { Command } from 'commander';
import type { CaseEdits, CaseRecord } from '../../shared/contract/index.ts';
import { bothZones, printFields, printJson, printTable } from '../output.ts';
import type { CommandRunner } from '../main.ts';
import { usageError } from '../session.ts';
import { addAdvisorySetOptions, advisorySetEdits } from './advisory-fields.ts';
import { processSetEdits } from './process.ts';
import { describeEvent as describeProcessEvent } from '../../core/process/describe-event.ts';

function caseFields(record: CaseRecord): [string, string][] {
  return [
    ['id', record.id],
    ['title', record.title],
    ['kind', record.kind],
    ['profile', `${record.profile.id} v${record.profile.version}`],
    ['disclosed', bothZones(record.disclosedAt)],
    ['release date', bothZones(record.releaseDate)],
    ['cve', record.cve ?? '—'],
    ['cvss', record.cvss ? `${record.cvss.score.toFixed(1)} ${record.cvss.severity} ${record.cvss.vector}` : '—'],
    ['summary', record.summary || '—'],
    ['events', String(record.eventCount)],
    ['updated', bothZones(record.updatedAt)],
  ];
}

function nullable(value: string): string | null {
  return value === '' || value === 'none' ? null : value;
}

export function registerCaseCommands(program: Command, run: CommandRunner): void {
  const cases = program.command('case').description('open, list, show and edit cases');

  cases
    .command('create')
    .description('open a case')
    .requiredOption('--title <title>', 'short title of the vulnerability')
    .requiredOption('--disclosed-at <iso8601>', 'when it was reported, with a zone (2026-11-27T09:00:00Z)')
    .option('--kind <kind>', 'private | public | upstream', 'private')
    .option('--profile <name>', 'process profile', 'kubernetes-2017')
    .action((options: { title: string; disclosedAt: string; kind: string; profile: string }) =>
      run(async (session) => {
        await session.unlock();
        const record = await session.call('case.create', {
          title: options.title,
          disclosedAt: options.disclosedAt,
          kind: options.kind as CaseRecord['kind'],
          profile: options.profile,
        });
        if (session.options.json) printJson(session.io, record);
        else session.io.stdout(`Opened ${record.id}: ${record.title}\n`);
      }),
    );

  cases
    .command('list')
    .description('every case, newest first')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const list = await session.call('case.list', {});
        if (session.options.json) return printJson(session.io, list);
        if (list.length === 0) return session.io.stdout('No cases yet. Open one with "embargo case create".\n');
        printTable(
          session.io,
          ['ID', 'KIND', 'DISCLOSED (UTC)', 'CVE', 'TITLE'],
          list.map((c) => [c.id, c.kind, c.disclosedAt.slice(0, 16).replace('T', ' '), c.cve ?? '—', c.title]),
        );
      }),
    );

  cases
    .command('show')
    .description('one case')
    .argument('<case>', 'case id, e.g. EMB-0001')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const record = await session.call('case.show', { id });
        if (session.options.json) printJson(session.io, record);
        else printFields(session.io, caseFields(record));
      }),
    );

  cases
    .command('set')
    .description('edit fields; each change is a timeline event')
    .argument('<case>', 'case id')
    .option('--title <title>')
    .option('--kind <kind>', 'private | public | upstream')
    .option('--disclosed-at <iso8601>')
    .option('--release-date <iso8601>', 'the Release Date with its zone; "none" clears it')
    .option('--cve <id>', 'CVE-YYYY-NNNN; "none" clears it')
    .option('--summary <text>')
    .option('--cvss <vector>', 'the final CVSS call (v3.0, v3.1 or v4.0 vector); the core scores it; "none" clears it')
    .action((id: string, options: Record<string, string | undefined>) =>
      run(async (session) => {
        const edits: CaseEdits = {};
        if (options.title !== undefined) edits.title = options.title;
        if (options.kind !== undefined) edits.kind = options.kind as CaseRecord['kind'];
        if (options.disclosedAt !== undefined) edits.disclosedAt = options.disclosedAt;
        if (options.releaseDate !== undefined) edits.releaseDate = nullable(options.releaseDate);
        if (options.cve !== undefined) edits.cve = nullable(options.cve);
        if (options.summary !== undefined) edits.summary = options.summary;
        if (options.cvss !== undefined) edits.cvssVector = nullable(options.cvss);
        Object.assign(edits, advisorySetEdits(options));
        // The process fields (people, upstream, embargo conditions, links; added by process.ts).
        const processEdits = processSetEdits(options);
        Object.assign(edits, processEdits.edits);
        if (Object.keys(edits).length === 0 && !processEdits.merge) throw usageError('Nothing to change: give at least one field option (see "embargo case set --help").');
        await session.unlock();
        if (processEdits.merge) Object.assign(edits, processEdits.merge(await session.call('case.show', { id })));
        const record = await session.call('case.update', { id, edits });
        if (session.options.json) printJson(session.io, record);
        else printFields(session.io, caseFields(record));
      }),
    );

  addAdvisorySetOptions(cases.commands.find((command) => command.name() === 'set')!);

  cases
    .command('timeline')
    .description('the events, oldest first')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const events = await session.call('case.timeline', { id });
        if (session.options.json) return printJson(session.io, { events });
        printTable(
          session.io,
          ['#', 'WHEN (UTC)', 'WHO', 'WHAT'],
          events.map((e) => [String(e.seq), e.at.slice(0, 19).replace('T', ' '), e.actor, describeEvent(e.type, e.data)]),
        );
      }),
    );

  cases
    .command('note')
    .description('add a note to the timeline')
    .argument('<case>', 'case id')
    .argument('<text>', 'the note')
    .action((id: string, text: string) =>
      run(async (session) => {
        await session.unlock();
        const event = await session.call('case.note', { id, text });
        if (session.options.json) printJson(session.io, event);
        else session.io.stdout(`Noted as event ${event.seq}.\n`);
      }),
    );
}

export function describeEvent(type: string, data: Record<string, unknown>): string {
  if (type === 'case.opened') return `opened (${String(data.kind)}): ${String(data.title)}`;
  if (type === 'case.field-changed') return `${String(data.field)}: ${JSON.stringify(data.from)} → ${JSON.stringify(data.to)}`;
  if (type === 'note') return `note: ${String(data.text)}`;
  if (type.startsWith('process.')) return describeProcessEvent({ type, data });
  return `${type} ${JSON.stringify(data)}`;
}
