import type { Command } from 'commander';
import { printFields, printJson } from '../output.ts';
import type { CommandRunner } from '../main.ts';

export function registerVaultCommands(program: Command, run: CommandRunner): void {
  const vault = program.command('vault').description('create, inspect and check the encrypted vault');

  vault
    .command('init')
    .description('create a vault; refuses an existing one')
    .action(() =>
      run(async (session) => {
        const passphrase = await session.passphrase('New vault passphrase: ');
        session.progress('Deriving the vault key (Argon2id, 64 MiB)…');
        const created = await session.call('vault.create', { passphrase });
        if (session.options.json) printJson(session.io, created);
        else session.io.stdout(`Created vault ${created.vault} (format ${created.formatVersion}).\n`);
      }),
    );

  vault
    .command('status')
    .description('format, KDF parameters and counts')
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const status = await session.call('vault.status', {});
        if (session.options.json) return printJson(session.io, status);
        printFields(session.io, [
          ['vault', status.vault],
          ['format', String(status.formatVersion)],
          ['schema', String(status.schemaVersion)],
          ['kdf', `${status.kdf.algorithm} m=${status.kdf.memoryKiB} KiB t=${status.kdf.iterations} p=${status.kdf.parallelism}`],
          ['cases', String(status.cases)],
          ['events', String(status.events)],
          ['keys', String(status.keys)],
          ['created', status.createdAt],
          ['auto-lock', `${status.idleLockMinutes} min`],
        ]);
      }),
    );

  vault
    .command('verify')
    .description("check every file's authentication and every timeline's hash chain")
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const report = await session.call('vault.verify', {});
        if (session.options.json) printJson(session.io, { ok: report.ok, problems: report.problems, checkedFiles: report.checkedFiles });
        else if (report.ok) session.io.stdout(`Vault OK: ${report.checkedFiles} files authenticated, every timeline chain intact.\n`);
        else {
          session.io.stdout(`Vault has ${report.problems.length} problem(s):\n`);
          for (const problem of report.problems) session.io.stdout(`  ${problem.file}: ${problem.message}\n`);
        }
        return report.ok ? 0 : 1;
      }),
    );

  vault
    .command('change-passphrase')
    .description('rewrap the data key under a new passphrase')
    .option('--new-passphrase-file <file>', 'read the new passphrase from this file')
    .action((options: { newPassphraseFile?: string }) =>
      run(async (session) => {
        const current = await session.passphrase('Current passphrase: ');
        const next = await session.newPassphrase(options.newPassphraseFile);
        session.progress('Deriving keys (Argon2id)…');
        await session.call('vault.unlock', { passphrase: current });
        await session.call('vault.changePassphrase', { current, next });
        if (session.options.json) printJson(session.io, { ok: true });
        else session.io.stdout('Passphrase changed; no case was rewritten.\n');
      }),
    );
}
