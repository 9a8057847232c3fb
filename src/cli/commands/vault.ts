import type { Command } from 'commander';
import { printFields, printJson, printTable } from '../output.ts';
import { usageError } from '../session.ts';
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

  vault
    .command('backup')
    .description('write the whole vault as one encrypted file (it restores with the passphrase)')
    .requiredOption('-o, --output <file>', 'the backup file to write')
    .action((options: { output: string }) =>
      run(async (session) => {
        await session.unlock();
        const backup = await session.call('vault.backup', { output: options.output });
        if (session.options.json) return printJson(session.io, backup);
        session.io.stdout(`Backup ${backup.backupId} written to ${backup.output}: ${backup.files} files, ${backup.bytes} bytes, encrypted.\n`);
      }),
    );

  vault
    .command('restore')
    .description('restore a backup into a new vault directory (--vault), then verify it')
    .argument('<file>', 'the backup file')
    .action((file: string) =>
      run(async (session) => {
        const passphrase = await session.passphrase('Passphrase of the backed-up vault: ');
        session.progress('Deriving the vault key (Argon2id)…');
        const restored = await session.call('vault.restore', { backup: file, passphrase });
        if (session.options.json) printJson(session.io, restored);
        else {
          session.io.stdout(`Restored backup ${restored.backupId} (made ${restored.createdAt}) into ${restored.vault}: ${restored.files} files.\n`);
          if (restored.verify.ok) session.io.stdout(`Verified: ${restored.verify.checkedFiles} files authenticated, every timeline chain intact.\n`);
          else for (const problem of restored.verify.problems) session.io.stdout(`  ${problem.file}: ${problem.message}\n`);
        }
        return restored.verify.ok ? 0 : 1;
      }),
    );

  vault
    .command('timeline')
    .description("the vault's own events: cases removed, backups written, restores")
    .action(() =>
      run(async (session) => {
        await session.unlock();
        const { events } = await session.call('vault.timeline', {});
        if (session.options.json) return printJson(session.io, { events });
        printTable(
          session.io,
          ['seq', 'at', 'type', 'what'],
          events.map((event) => [String(event.seq), event.at, event.type, String(event.data.id ?? event.data.backupId ?? '')]),
        );
      }),
    );
}

/** `case remove CASE --yes`: registered beside the other case commands (after them in main.ts). */
export function registerCaseRemoveCommand(program: Command, run: CommandRunner): void {
  const caseCommand = program.commands.find((command) => command.name() === 'case');
  if (!caseCommand) throw new Error('the case commands must be registered first');
  caseCommand
    .command('remove')
    .description('securely remove a closed case: shred its key, delete its files (cannot be undone)')
    .argument('<case>', 'the case id, e.g. EMB-0001')
    .option('--yes', 'confirm the removal')
    .action((id: string, options: { yes?: boolean }) =>
      run(async (session) => {
        if (!options.yes) throw usageError(`Removing ${id} cannot be undone: add --yes to confirm.`);
        await session.unlock();
        const removed = await session.call('case.remove', { id, confirm: true });
        if (session.options.json) return printJson(session.io, removed);
        session.io.stdout(`Removed ${removed.id}: its key is shredded and ${removed.files} files deleted; the vault timeline records it (event ${removed.event.seq}).\n`);
      }),
    );
}
