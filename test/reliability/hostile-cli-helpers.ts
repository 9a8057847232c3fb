// Shared by the hostile-input corpus run through the real CLI: a vault made in-process with a
// cheap KDF (the KDF parameters live in its key file, so every CLI unlock is cheap too), the
// CLI spawned through bin/embargo.js, and the vault's state as `vault verify` and a listing
// with content hashes show it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { BIN } from '../helpers/cli.ts';
import { TEST_PASSPHRASE, testCore, type TestCore } from '../helpers/core.ts';
import { commitAll, git, write } from '../core/workspace/git-fixture.ts';

export const CHEAP_KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface HostileVault {
  dir: string;
  env: NodeJS.ProcessEnv;
  cli(...args: string[]): CliResult;
  /** `vault verify` (JSON, through the CLI) and every file's name, size and SHA-256. */
  state(): { verify: unknown; files: string[] };
  /** Runs the CLI and checks: exit 1, the error code (and text in the message), vault unchanged. */
  expectRefused(args: string[], code: string, messageIncludes?: string): CliResult;
}

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(`${relative(dir, path)} ${statSync(path).size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** Makes the vault with `prepare` run in-process (cheap KDF), then locks it for the CLI. */
export async function hostileVault(root: string, prepare: (core: TestCore) => Promise<void>): Promise<HostileVault> {
  const dir = join(root, 'vault');
  const tmp = join(root, 'tmp');
  const home = join(root, 'home');
  mkdirSync(tmp, { recursive: true });
  mkdirSync(home, { recursive: true });
  const core = testCore(dir, { createOptions: { kdf: CHEAP_KDF } });
  await core.call('vault.create', { passphrase: TEST_PASSPHRASE });
  await prepare(core);
  await core.core.lock();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), EMBARGO_PASSPHRASE: TEST_PASSPHRASE, GIT_CONFIG_NOSYSTEM: '1' };
  const cli = (...args: string[]): CliResult => {
    const result = spawnSync(process.execPath, [BIN, '--vault', dir, '--json', ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const state = () => {
    const verify = cli('vault', 'verify');
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    return { verify: JSON.parse(verify.stdout) as unknown, files: listing(dir) };
  };
  return {
    dir,
    env,
    cli,
    state,
    expectRefused(args, code, messageIncludes) {
      const before = state();
      const result = cli(...args);
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(1);
      const error = (JSON.parse(result.stdout) as { error: { code: string; message: string } }).error;
      expect(error.code, error.message).toBe(code);
      if (messageIncludes) expect(error.message).toContain(messageIncludes);
      expect(state()).toEqual(before);
      return result;
    },
  };
}

/** A small upstream repository (README on main); `files` adds more to its one commit. */
export function smallUpstream(dir: string, files: Record<string, string | Buffer> = {}): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  write(dir, 'README', 'hello\n');
  for (const [path, content] of Object.entries(files)) write(dir, path, content);
  commitAll(dir, 'init');
  return dir;
}

/** A commit on top of `repo`'s HEAD whose tree adds `name` with `mode` (hash-object --literally, as an attacker would). */
export function hostileCommit(repo: string, name: string, mode: string, content = 'x\n'): string {
  const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: content }).trim();
  const readme = git(repo, ['rev-parse', 'HEAD:README']).trim();
  const entries = [['100644', 'README', readme], [mode, name, blob]].sort((a, b) => Buffer.compare(Buffer.from(a[1]!), Buffer.from(b[1]!)));
  const tree = Buffer.concat(entries.map(([m, n, sha]) => Buffer.concat([Buffer.from(`${m} ${n}\0`), Buffer.from(sha!, 'hex')])));
  const treeSha = git(repo, ['hash-object', '-t', 'tree', '-w', '--literally', '--stdin'], { input: tree }).trim();
  return git(repo, ['commit-tree', treeSha, '-p', 'HEAD', '-m', 'hostile']).trim();
}
