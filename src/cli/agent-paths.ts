// Where the agent of one vault listens, and the checks made before anything there is trusted:
// the directory is ours, a real directory (not a symlink) and 0700; the socket and the token
// are ours, and the token is readable by us alone. Anything else is refused (AgentUnsafe):
// under a shared /tmp another user could have made the directory first.
import { createHash } from 'node:crypto';
import { lstat, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbargoError } from '../shared/errors.ts';

export interface AgentPaths {
  dir: string;
  socket: string;
  token: string;
}

function currentUid(): number {
  return process.getuid?.() ?? -1;
}

/** `$XDG_RUNTIME_DIR/embargo` (a per-user tmpfs on systemd machines), else a per-uid directory in the temp dir. */
export function agentDirectory(env: NodeJS.ProcessEnv): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && runtime.startsWith('/')) return join(runtime, 'embargo');
  return join(tmpdir(), `embargo-agent-${currentUid()}`);
}

/** One agent per vault: the socket is named after a hash of the vault's absolute path. */
export function agentPaths(vaultDir: string, env: NodeJS.ProcessEnv): AgentPaths {
  const dir = agentDirectory(env);
  const name = createHash('sha256').update(vaultDir).digest('hex').slice(0, 24);
  return { dir, socket: join(dir, `${name}.sock`), token: join(dir, `${name}.token`) };
}

export function unsafe(path: string, why: string): EmbargoError {
  return new EmbargoError('AgentUnsafe', `Not using the agent: ${path} ${why}.`, { path });
}

/** Throws AgentUnsafe unless `dir` is our own 0700 directory; false when it does not exist. */
export async function checkAgentDirectory(dir: string, uid = currentUid()): Promise<boolean> {
  let stats;
  try {
    stats = await lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!stats.isDirectory()) throw unsafe(dir, 'is not a directory');
  if (stats.uid !== uid) throw unsafe(dir, `belongs to uid ${stats.uid}, not to this user`);
  if ((stats.mode & 0o777) !== 0o700) throw unsafe(dir, `has mode ${(stats.mode & 0o777).toString(8)}, not 700`);
  return true;
}

/** Creates the agent directory 0700 if missing, then checks it (a directory made by someone else fails). */
export async function prepareAgentDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await checkAgentDirectory(dir);
}

/** Throws AgentUnsafe unless `path` is ours, of the kind expected, and (for the token) private; false when missing. */
export async function checkAgentFile(path: string, kind: 'socket' | 'token', uid = currentUid()): Promise<boolean> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (kind === 'socket' ? !stats.isSocket() : !stats.isFile()) throw unsafe(path, `is not a ${kind}`);
  if (stats.uid !== uid) throw unsafe(path, `belongs to uid ${stats.uid}, not to this user`);
  if ((stats.mode & 0o077) !== 0) throw unsafe(path, `has mode ${(stats.mode & 0o777).toString(8)}: others may use it`);
  return true;
}
