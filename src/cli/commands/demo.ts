// `embargo demo --vault DIR`: a new vault holding a fictional case in mid-flight, to look around.
import type { Command } from 'commander';
import { printJson } from '../output.ts';
import type { CommandRunner } from '../main.ts';

export function registerDemoCommand(program: Command, run: CommandRunner): void {
  program
    .command('demo')
    .description('create a vault holding a fictional case in mid-flight (refuses an existing vault)')
    .action(() =>
      run(async (session) => {
        const passphrase = await session.passphrase('New vault passphrase: ');
        session.progress('Deriving the vault key (Argon2id, 64 MiB)…');
        const created = await session.call('vault.create', { passphrase });
        const { case: record, omitted } = await session.call('demo.create', {});
        if (session.options.json) return printJson(session.io, { vault: created.vault, case: record.id, title: record.title, omitted });
        session.io.stdout(`Created demo vault ${created.vault} with ${record.id}: ${record.title}\n`);
        if (omitted.length > 0) session.io.stdout(`Left out: ${omitted.join(', ')}.\n`);
        session.io.stdout(`Try: embargo --vault ${created.vault} case schedule ${record.id}\n`);
      }),
    );
}
