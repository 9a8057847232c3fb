// The real GnuPG in a throw-away GNUPGHOME (never the user's): a helper for interop tests.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GpgResult {
  status: number;
  stdout: Buffer;
  stderr: string;
  /** The --status-fd 2 lines ("[GNUPG:] GOODSIG …") found in stderr. */
  statusLines: string[];
}

export interface Gpg {
  home: string;
  run(args: string[], input?: string | Uint8Array): GpgResult;
  /** Runs and throws with gpg's stderr unless it exits 0. */
  ok(args: string[], input?: string | Uint8Array): GpgResult;
  /** Generates a passphrase-less key: primary (cert+sign) and an encryption subkey. */
  generate(userId: string, primary: string, subkey: string): string;
  fingerprintOf(userId: string): string;
  cleanup(): Promise<void>;
}

export async function tempGpg(): Promise<Gpg> {
  // Short path: gpg-agent's socket path must stay under the Unix socket limit.
  const home = await mkdtemp(join(tmpdir(), 'egpg-'));
  const run = (args: string[], input?: string | Uint8Array): GpgResult => {
    const result = spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', '--status-fd', '2', ...args], {
      input,
      env: { PATH: process.env.PATH, GNUPGHOME: home, LANG: 'C' },
      maxBuffer: 512 * 1024 * 1024,
    });
    const stderr = result.stderr?.toString('utf8') ?? '';
    return {
      status: result.status ?? -1,
      stdout: result.stdout ?? Buffer.alloc(0),
      stderr,
      statusLines: stderr.split('\n').filter((line) => line.startsWith('[GNUPG:] ')),
    };
  };
  const ok = (args: string[], input?: string | Uint8Array): GpgResult => {
    const result = run(args, input);
    if (result.status !== 0) throw new Error(`gpg ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
    return result;
  };
  const fingerprintOf = (userId: string): string => {
    const listing = ok(['--with-colons', '--list-keys', userId]).stdout.toString('utf8');
    const line = listing.split('\n').find((row) => row.startsWith('fpr:'));
    if (!line) throw new Error(`no key for ${userId}`);
    return line.split(':')[9]!;
  };
  const noPassphrase = ['--pinentry-mode', 'loopback', '--passphrase', ''];
  return {
    home,
    run,
    ok,
    fingerprintOf,
    generate: (userId, primary, subkey) => {
      ok([...noPassphrase, '--quick-gen-key', userId, primary, 'cert,sign', 'never']);
      const fingerprint = fingerprintOf(userId);
      ok([...noPassphrase, '--quick-add-key', fingerprint, subkey, 'encr', 'never']);
      return fingerprint;
    },
    cleanup: async () => {
      spawnSync('gpgconf', ['--homedir', home, '--kill', 'all'], { env: { PATH: process.env.PATH, GNUPGHOME: home } });
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** gpg's status lines of one kind, e.g. "GOODSIG" → ["GOODSIG 1234… Name <mail>"]. */
export function statusOf(result: GpgResult, keyword: string): string[] {
  return result.statusLines.map((line) => line.slice('[GNUPG:] '.length)).filter((line) => line.split(' ')[0] === keyword);
}
