// `embargo demo --vault DIR`: a new vault holding a fictional case in mid-flight, to look around,
// with its workspace (upstream bundle beside the vault), keys, distributors and mail.
import { InvalidArgumentError, type Command } from 'commander';
import { printJson } from '../output.ts';
import type { CommandRunner } from '../main.ts';

/** A whole number between min and max, for commander; anything else is a usage error. */
function parseCount(min: number, max: number): (value: string) => number {
  return (value) => {
    const count = Number(value);
    if (!/^\d+$/.test(value) || count < min || count > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return count;
  };
}

export function registerDemoCommand(program: Command, run: CommandRunner): void {
  program
    .command('demo')
    .description('create a vault holding a fictional case in mid-flight, with an upstream repository (DIR-demo-upstream.bundle), the fix, branches, keys, distributors and drafts (refuses an existing vault)')
    .option('--cases <n>', 'how many fictional cases in all, for trying the app at scale', parseCount(1, 5000), 1)
    .option('--notes <n>', 'extra notes on the first case, for a long timeline', parseCount(0, 20_000), 0)
    .action((options: { cases: number; notes: number }) =>
      run(async (session) => {
        const passphrase = await session.passphrase('New vault passphrase: ');
        session.progress('Deriving the vault key (Argon2id, 64 MiB)…');
        const created = await session.call('vault.create', { passphrase });
        const { case: record, omitted } = await session.call('demo.create', { cases: options.cases, notes: options.notes });
        if (session.options.json) return printJson(session.io, { vault: created.vault, case: record.id, title: record.title, cases: options.cases, omitted });
        session.io.stdout(`Created demo vault ${created.vault} with ${record.id}: ${record.title}\n`);
        if (options.cases > 1) session.io.stdout(`And ${options.cases - 1} more fictional cases.\n`);
        if (omitted.length > 0) session.io.stdout(`Left out: ${omitted.join(', ')}.\n`);
        session.io.stdout(`Try: embargo --vault ${created.vault} case schedule ${record.id}\n`);
      }),
    );
}
