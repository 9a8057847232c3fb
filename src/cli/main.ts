// The `embargo` command line (see CLI.md): a front end to the same core and the same
// contract as the desktop app.
import { Command, CommanderError } from 'commander';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { CliFailure, CliSession, type GlobalOptions } from './session.ts';
import { printJson } from './output.ts';
import { promptHiddenOnTty, readAllStdin } from './prompt.ts';
import { cliVersion } from './version.ts';
import { registerCaseRemoveCommand, registerVaultCommands } from './commands/vault.ts';
import { registerVaultAgentCommands } from './commands/vault-agent.ts';
import { AGENT_COMMAND } from './agent-client.ts';
import { registerCaseCommands } from './commands/case.ts';
import { registerProcessCommands } from './commands/process.ts';
import { registerCvssCommands } from './commands/cvss.ts';
import { registerAdvisoryCommands } from './commands/advisory.ts';
import { registerWorkspaceCommands } from './commands/workspace.ts';
import { registerCommitmentCommands } from './commands/commitment.ts';
import { registerWorkspaceRefreshCommands } from './commands/workspace-refresh.ts';
import { registerKeyringCommands } from './commands/keyring.ts';
import { registerCryptCommands } from './commands/crypt.ts';
import { registerPeopleCommands } from './commands/people.ts';
import { registerDistributorCommands } from './commands/distributors.ts';
import { registerMailCommands } from './commands/mail.ts';
import { registerTeamCommands } from './commands/team.ts';
import { registerCveCommands } from './commands/cve.ts';
import { registerCalendarCommands } from './commands/calendar.ts';

/** Runs one command body with a session; a returned number is the exit status. */
export type CommandRunner = (body: (session: CliSession) => Promise<number | void>) => Promise<void>;

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdinIsTty: Boolean(process.stdin.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    promptHidden: promptHiddenOnTty,
    readStdin: readAllStdin,
    stdinStream: process.stdin,
  };
}

function reportFailure(io: CliIo, json: boolean, failure: CliFailure): void {
  io.stderr(`embargo: ${failure.info.message}\n`);
  if (json) printJson(io, { error: { code: failure.info.code, message: failure.info.message } });
}

/** Every command, its options and descriptions; `run` executes a command body. */
export function buildProgram(io: CliIo, run: (program: Command) => CommandRunner): Command {
  const program = new Command();
  program
    .name('embargo')
    .description('Embargo: the Fix Lead’s case vault, process engine and disclosure kit, offline.')
    .option('--vault <dir>', 'vault directory (default: $EMBARGO_VAULT or the desktop app’s)')
    .option('--passphrase-file <file>', 'read the vault passphrase from this file')
    .option('--json', 'print JSON for scripts')
    .option('--no-agent', 'do not use the agent started by `vault unlock`: unlock with the passphrase')
    // Not commander's .version(): that would take `--version` from subcommands that have their
    // own (`mail show --version N`). main() answers a lone `embargo --version`.
    .addHelpText('after', '\nembargo --version prints the version.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showHelpAfterError(false);
  const runner = run(program);
  registerVaultCommands(program, runner);
  registerVaultAgentCommands(program, runner);
  registerCaseCommands(program, runner);
  registerCaseRemoveCommand(program, runner);
  registerProcessCommands(program, runner);
  registerCvssCommands(program, runner);
  registerAdvisoryCommands(program, runner);
  registerWorkspaceCommands(program, runner);
  registerWorkspaceRefreshCommands(program, runner);
  registerKeyringCommands(program, runner);
  registerCryptCommands(program, runner);
  registerPeopleCommands(program, runner);
  registerDistributorCommands(program, runner);
  registerMailCommands(program, runner);
  registerTeamCommands(program, runner);
  registerCveCommands(program, runner);
  registerCommitmentCommands(program, runner);
  registerCalendarCommands(program, runner);
  return program;
}

/** The agent process `vault unlock` starts: it reports a start-up failure on stdout, its only channel back. */
async function runAgentProcess(): Promise<number> {
  const { runAgent } = await import('./agent-server.ts');
  try {
    return await runAgent();
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
    return EXIT_FAILED;
  }
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  if (argv.length === 1 && argv[0] === AGENT_COMMAND) return runAgentProcess();
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (program) => {
    const run: CommandRunner = async (body) => {
      const options = program.opts<GlobalOptions>();
      let session: CliSession | undefined;
      try {
        session = await CliSession.open(io, options);
        const code = await body(session);
        exitCode = typeof code === 'number' ? code : EXIT_OK;
      } catch (error) {
        const failure =
          error instanceof CliFailure ? error : new CliFailure({ code: 'Internal', message: (error as Error).message }, EXIT_FAILED);
        reportFailure(io, Boolean(options.json), failure);
        exitCode = failure.exitCode;
      } finally {
        await session?.close();
      }
    };
    return run;
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return EXIT_OK;
      if (argv.includes('--json')) printJson(io, { error: { code: 'InvalidInput', message: error.message.replace(/^error: /, '') } });
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
