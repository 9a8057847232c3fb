// `vault unlock [--for DURATION]` and `vault lock`: the agent that keeps the vault unlocked for
// this user's later commands, as gpg-agent keeps keys (src/cli/agent-*.ts).
import type { Command } from 'commander';
import { EmbargoError } from '../../shared/errors.ts';
import { printJson } from '../output.ts';
import { CliFailure, usageError } from '../session.ts';
import { EXIT_FAILED } from '../io.ts';
import { agentPaths, prepareAgentDirectory } from '../agent-paths.ts';
import { startAgent, stopAgent } from '../agent-client.ts';
import type { CommandRunner } from '../main.ts';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
const MAX_IDLE_MS = 24 * 3_600_000;

/** `90s`, `15m`, `2h` → milliseconds; at most a day. */
export function parseIdleDuration(text: string): number {
  const match = /^(\d{1,6})([smh])$/.exec(text);
  const ms = match ? Number(match[1]) * UNITS[match[2]!]! : NaN;
  if (!(ms >= 1000 && ms <= MAX_IDLE_MS)) throw usageError(`--for takes a duration from 1s to 24h such as 90s, 15m or 2h, not "${text}".`);
  return ms;
}

function failure(error: unknown): never {
  if (error instanceof EmbargoError) throw new CliFailure(error.toInfo(), EXIT_FAILED);
  throw error;
}

export function registerVaultAgentCommands(program: Command, run: CommandRunner): void {
  const vault = program.commands.find((command) => command.name() === 'vault');
  if (!vault) throw new Error('the vault commands must be registered first');

  vault
    .command('unlock')
    .description('start the agent that keeps this vault unlocked for your later commands (ends after --for without use, or on `vault lock`)')
    .option('--for <duration>', 'end after this long without a command: 90s, 15m, 2h (at most 24h)', '15m')
    .action((options: { for: string }) =>
      run(async (session) => {
        const idleMs = parseIdleDuration(options.for);
        if (process.platform === 'win32') {
          throw new CliFailure({ code: 'AgentUnavailable', message: 'The agent is not available on Windows yet: every command asks for the passphrase.' }, EXIT_FAILED);
        }
        await prepareAgentDirectory(agentPaths(session.vaultDir, session.io.env).dir).catch(failure);
        await session.unlockWithPassphrase();
        await stopAgent(session.vaultDir, session.io.env).catch(failure);
        const open = session.core.openVault();
        const started = await startAgent(
          { vaultDir: session.vaultDir, keyFileSha256: (await import('../../core/vault/key-file.ts')).keyFileDigest(open.keyFile), idleMs },
          session.io.env,
          open.dataKeyForIndex,
        ).catch(failure);
        if (session.options.json) return printJson(session.io, { agent: true, until: started.until, pid: started.pid });
        session.io.stdout(`Vault unlocked for later commands (agent ${started.pid}) until ${started.until} unless used again; \`embargo vault lock\` ends it.\n`);
      }),
    );

  vault
    .command('lock')
    .description('end the agent: the key is gone from memory; later commands ask for the passphrase')
    .action(() =>
      run(async (session) => {
        const wasRunning = await stopAgent(session.vaultDir, session.io.env).catch(failure);
        if (session.options.json) return printJson(session.io, { agent: false });
        session.io.stdout(wasRunning ? 'Agent ended: the vault key is gone from its memory.\n' : 'No agent was running for this vault.\n');
      }),
    );
}
