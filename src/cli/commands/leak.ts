// `embargo leak …`: record an embargo break, record the decision, count leaks per distributor.
import type { Command } from 'commander';
import { printJson, printTable } from '../output.ts';
import type { CommandRunner } from '../main.ts';
import { usageError } from '../session.ts';

function choiceOf(value: string): 'release-earlier' | 'continue' {
  if (value === 'release-earlier' || value === 'continue') return value;
  throw usageError('--decision takes release-earlier or continue.');
}

export function registerLeakCommands(program: Command, run: CommandRunner): void {
  const leak = program.command('leak').description('embargo breaks: record what leaked, decide, count per distributor');

  leak
    .command('record')
    .description('record an embargo break (optionally with the decision)')
    .argument('<case>', 'case id')
    .requiredOption('--what <text>', 'what leaked')
    .requiredOption('--to <whom>', 'to whom it leaked')
    .requiredOption('--when <iso8601>', 'when it leaked, with a zone')
    .requiredOption('--reported-by <who>', 'who reported the leak')
    .option('--distributor <name>', 'the distributor it came through, if any')
    .option('--decision <release-earlier|continue>', 'the decision, if already taken')
    .option('--reason <text>', 'the reason for the decision')
    .action((id: string, options: { what: string; to: string; when: string; reportedBy: string; distributor?: string; decision?: string; reason?: string }) =>
      run(async (session) => {
        const choice = options.decision === undefined ? null : choiceOf(options.decision);
        if (choice && !options.reason) throw usageError('--decision needs --reason.');
        await session.unlock();
        const recorded = await session.call('process.recordLeak', {
          id,
          what: options.what,
          toWhom: options.to,
          when: options.when,
          reportedBy: options.reportedBy,
          distributor: options.distributor ?? null,
        });
        const decided = choice ? await session.call('process.decideLeak', { id, leak: recorded.leak.id, choice, reason: options.reason ?? '' }) : null;
        const result = decided ? { leak: decided.leak, decision: decided.decision } : { leak: recorded.leak, decision: null };
        if (session.options.json) return printJson(session.io, result);
        session.io.stdout(`Recorded leak ${result.leak.id}; a retrospective item was added.\n`);
        if (!decided) session.io.stdout(`Decide: embargo leak decide ${id} ${result.leak.id} --decision release-earlier|continue --reason TEXT. When in doubt, go public as soon as possible.\n`);
        else if (choice === 'release-earlier') session.io.stdout('Every open step is now "as soon as possible".\n');
      }),
    );

  leak
    .command('decide')
    .description('record the decision about a leak: release earlier (schedule turns ASAP) or continue')
    .argument('<case>', 'case id')
    .argument('<leak>', 'leak id, e.g. L1')
    .requiredOption('--decision <release-earlier|continue>')
    .requiredOption('--reason <text>')
    .action((id: string, leakId: string, options: { decision: string; reason: string }) =>
      run(async (session) => {
        const choice = choiceOf(options.decision);
        await session.unlock();
        const { leak: decided, decision } = await session.call('process.decideLeak', { id, leak: leakId, choice, reason: options.reason });
        if (session.options.json) printJson(session.io, { leak: decided, decision });
        else session.io.stdout(`Decision ${decision.id} on ${decided.id}: ${choice === 'release-earlier' ? 'release earlier; every open step is now ASAP' : 'continue with the plan'}.\n`);
      }),
    );

  leak
    .command('list')
    .description("a case's leaks and their decisions")
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const { state } = await session.call('process.schedule', { id });
        if (session.options.json) return printJson(session.io, { leaks: state.leaks });
        if (state.leaks.length === 0) return session.io.stdout('No leaks recorded.\n');
        printTable(
          session.io,
          ['ID', 'WHEN (UTC)', 'DISTRIBUTOR', 'DECISION', 'WHAT → WHOM'],
          state.leaks.map((l) => {
            const decision = state.decisions.find((d) => d.id === l.decisionId);
            return [l.id, l.when.slice(0, 16).replace('T', ' '), l.distributor ?? '—', decision?.choice ?? 'undecided', `${l.what} → ${l.toWhom}`];
          }),
        );
      }),
    );

  leak
    .command('counts')
    .description('leaks per distributor across every case')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const counts = await session.call('process.leakCounts', {});
        if (session.options.json) return printJson(session.io, { distributors: counts });
        if (counts.length === 0) return session.io.stdout('No leak names a distributor.\n');
        printTable(session.io, ['DISTRIBUTOR', 'LEAKS', 'CASES'], counts.map((c) => [c.distributor, String(c.count), c.cases.join(', ')]));
      }),
    );
}
