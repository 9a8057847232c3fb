// One CLI invocation against the core: resolve the vault and the passphrase, call contract
// methods through the same dispatch as the app, and print results or errors per CLI.md.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Core } from '../core/create-core.ts';
import { defaultVaultDir } from '../core/paths.ts';
import type { Dispatch } from '../shared/contract/dispatch.ts';
import type { InputOf, MethodName, OutputOf } from '../shared/contract/index.ts';
import type { ErrorInfo } from '../shared/errors.ts';
import { EXIT_FAILED, EXIT_USAGE, type CliIo } from './io.ts';
import { keyFromAgent } from './agent-client.ts';

export interface GlobalOptions {
  vault?: string;
  passphraseFile?: string;
  json?: boolean;
  /** false under --no-agent. */
  agent?: boolean;
}

/** Thrown to end a command with an error already described. */
export class CliFailure extends Error {
  constructor(
    readonly info: ErrorInfo,
    readonly exitCode: number,
  ) {
    super(info.message);
  }
}

export function usageError(message: string): CliFailure {
  return new CliFailure({ code: 'InvalidInput', message }, EXIT_USAGE);
}

export class CliSession {
  private constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
    readonly vaultDir: string,
    readonly core: Core,
    readonly dispatch: Dispatch,
  ) {}

  /**
   * The core and the contract (zod and every schema) are imported here, when a command body
   * first runs, not when the program is built: `embargo --help` and a usage error never load them.
   */
  static async open(io: CliIo, options: GlobalOptions): Promise<CliSession> {
    const [{ createCore }, { createCoreDispatch }] = await Promise.all([import('../core/create-core.ts'), import('../core/dispatch.ts')]);
    const vaultDir = resolve(options.vault ?? defaultVaultDir(io.env));
    const core = createCore({ vaultDir });
    return new CliSession(io, options, vaultDir, core, createCoreDispatch(core));
  }

  async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const result = await this.dispatch(method, input);
    if (!result.ok) {
      throw new CliFailure(result.error, result.error.code === 'InvalidInput' ? EXIT_USAGE : EXIT_FAILED);
    }
    return result.value as OutputOf<M>;
  }

  async passphrase(purpose = 'Vault passphrase: '): Promise<string> {
    if (this.options.passphraseFile) return readSecretFile(this.options.passphraseFile);
    const fromEnv = this.io.env.EMBARGO_PASSPHRASE;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    try {
      return await this.io.promptHidden(purpose);
    } catch (error) {
      throw usageError(`No passphrase: ${(error as Error).message}.`);
    }
  }

  async newPassphrase(fileOption: string | undefined): Promise<string> {
    if (fileOption) return readSecretFile(fileOption);
    const fromEnv = this.io.env.EMBARGO_NEW_PASSPHRASE;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    const first = await this.io.promptHidden('New passphrase: ').catch(() => {
      throw usageError('No new passphrase: use --new-passphrase-file or EMBARGO_NEW_PASSPHRASE.');
    });
    const second = await this.io.promptHidden('Repeat the new passphrase: ');
    if (first !== second) throw usageError('The two new passphrases differ.');
    return first;
  }

  progress(message: string): void {
    if (this.io.stdinIsTty && !this.options.json) this.io.stderr(`${message}\n`);
  }

  /** Opens the vault: with the key from this vault's agent when one runs (and --no-agent is not given), else with the passphrase. */
  async unlock(): Promise<void> {
    if (this.options.agent !== false) {
      const fromAgent = await keyFromAgent(this.vaultDir, this.io.env);
      if (fromAgent.key) return this.core.unlockWithDataKey(fromAgent.key);
      if (fromAgent.warning) this.io.stderr(`embargo: ${fromAgent.warning}\n`);
    }
    await this.unlockWithPassphrase();
  }

  async unlockWithPassphrase(): Promise<void> {
    const passphrase = await this.passphrase();
    this.progress('Deriving the vault key (Argon2id)…');
    await this.call('vault.unlock', { passphrase });
  }

  async close(): Promise<void> {
    await this.core.lock();
  }
}

async function readSecretFile(file: string): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    // One trailing newline is how editors and `echo` end a file; it is not part of the secret.
    return text.replace(/\r?\n$/, '');
  } catch (error) {
    throw usageError(`Cannot read the passphrase file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}
