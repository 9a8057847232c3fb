// `embargo handoff …`: hand a case to another lead; the outgoing lead stays Fix Lead until the
// incoming one acknowledges.
import type { Command } from 'commander';
import type { HandoffRecord } from '../../shared/contract/index.ts';
import { printJson } from '../output.ts';
import type { CommandRunner } from '../main.ts';

function describe(handoff: HandoffRecord): string {
  if (handoff.state === 'pending') return `Handoff ${handoff.id} to ${handoff.to} is pending; ${handoff.from ?? 'the current lead'} stays Fix Lead until ${handoff.to} acknowledges.\n`;
  if (handoff.state === 'acknowledged') return `${handoff.to} acknowledged handoff ${handoff.id} and is now Fix Lead.\n`;
  return `Handoff ${handoff.id} to ${handoff.to} cancelled.\n`;
}

export function registerHandoffCommands(program: Command, run: CommandRunner): void {
  const handoff = program.command('handoff').description('hand a case to another Fix Lead, acknowledged by the new one');

  handoff
    .command('request')
    .argument('<case>', 'case id')
    .requiredOption('--to <who>', 'the incoming lead (roster id or name)')
    .requiredOption('--note <text>', 'open questions, pending items, decisions')
    .action((id: string, options: { to: string; note: string }) =>
      run(async (session) => {
        await session.unlock();
        const result = await session.call('process.handoff', { id, to: options.to, note: options.note });
        if (session.options.json) printJson(session.io, result.handoff);
        else session.io.stdout(describe(result.handoff));
      }),
    );

  handoff
    .command('ack')
    .argument('<case>', 'case id')
    .requiredOption('--by <who>', 'the incoming lead, acknowledging')
    .action((id: string, options: { by: string }) =>
      run(async (session) => {
        await session.unlock();
        const result = await session.call('process.acknowledgeHandoff', { id, by: options.by });
        if (session.options.json) printJson(session.io, result.handoff);
        else session.io.stdout(describe(result.handoff));
      }),
    );

  handoff
    .command('cancel')
    .argument('<case>', 'case id')
    .requiredOption('--reason <text>')
    .action((id: string, options: { reason: string }) =>
      run(async (session) => {
        await session.unlock();
        const result = await session.call('process.cancelHandoff', { id, reason: options.reason });
        if (session.options.json) printJson(session.io, result.handoff);
        else session.io.stdout(describe(result.handoff));
      }),
    );

  handoff
    .command('show')
    .argument('<case>', 'case id')
    .action((id: string) =>
      run(async (session) => {
        await session.unlock();
        const { state, fixLead } = await session.call('process.schedule', { id });
        if (session.options.json) return printJson(session.io, { fixLead, handoffs: state.handoffs });
        session.io.stdout(`Fix Lead: ${fixLead ?? '—'}\n`);
        for (const record of state.handoffs) session.io.stdout(`${describe(record)}  note: ${record.note}\n`);
      }),
    );
}
