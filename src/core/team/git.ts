// The system `git` as the team's transport and object store. We only ever run plumbing and
// push/fetch/bundle with an argument vector (no shell), a scrubbed environment (no system or
// global configuration, no hooks, no credential helpers, no pager), and neutral identity and
// dates, so nothing about the member or the moment leaks into the objects we write.
import { spawn } from 'node:child_process';
import { EmbargoError } from '../../shared/errors.ts';

export interface GitResult {
  stdout: Buffer;
  stderr: string;
}

/** Author, committer and date of every commit we write: the same for every member, always. */
export const NEUTRAL_IDENTITY = { name: 'embargo', email: 'embargo@invalid', date: '@0 +0000' };

function gitEnvironment(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'SYSTEMROOT', 'TMPDIR', 'SSH_AUTH_SOCK', 'GIT_SSH_COMMAND'];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: NEUTRAL_IDENTITY.name,
    GIT_AUTHOR_EMAIL: NEUTRAL_IDENTITY.email,
    GIT_AUTHOR_DATE: NEUTRAL_IDENTITY.date,
    GIT_COMMITTER_NAME: NEUTRAL_IDENTITY.name,
    GIT_COMMITTER_EMAIL: NEUTRAL_IDENTITY.email,
    GIT_COMMITTER_DATE: NEUTRAL_IDENTITY.date,
    LC_ALL: 'C',
  };
}

export class GitFailedError extends EmbargoError {
  constructor(what: string, stderr: string) {
    const detail = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 400);
    super('GitFailed', `git ${what} failed: ${detail || 'no detail'}`, { what, detail });
  }
}

/** Runs `git --git-dir=<gitDir> args…`; a non-zero exit becomes GitFailed. */
export function runGit(gitDir: string | null, args: string[], input?: Uint8Array): Promise<GitResult> {
  const fullArgs = [...(gitDir ? [`--git-dir=${gitDir}`] : []), '-c', 'core.hooksPath=/dev/null', '-c', 'credential.helper=', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('git', fullArgs, { env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new EmbargoError('GitFailed', `git could not be started: ${error.message}`, { what: args[0] ?? '' })));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr });
      else reject(new GitFailedError(args[0] ?? '', stderr));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/**
 * The remotes real git serves: a local path, file://, ssh://, git:// (git daemon) and
 * http(s):// (http-backend). Anything else, and anything git would read as an option, is refused.
 */
export function checkRemoteUrl(url: string): string {
  const ok = /^(file|ssh|git|https?):\/\/[^\s]+$/.test(url) || /^\/[^\s]*$/.test(url);
  if (!ok || url.startsWith('-')) {
    throw new EmbargoError('InvalidInput', `"${url}" is not a git remote Embargo syncs with: give an absolute path or a file://, ssh://, git:// or http(s):// URL.`, { url });
  }
  return url;
}

export async function writeBlob(gitDir: string, bytes: Uint8Array): Promise<string> {
  return (await runGit(gitDir, ['hash-object', '-w', '--stdin'], bytes)).stdout.toString('utf8').trim();
}

export async function readBlob(gitDir: string, oid: string): Promise<Buffer> {
  return (await runGit(gitDir, ['cat-file', 'blob', oid])).stdout;
}

/**
 * Many blobs in one `git cat-file --batch` (one process, not one per blob): oid → bytes. An
 * oid the repository lacks, or that is not a blob, is RemoteTampered.
 */
export async function readBlobs(gitDir: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids)];
  const found = new Map<string, Buffer>();
  if (wanted.length === 0) return found;
  const out = (await runGit(gitDir, ['cat-file', '--batch'], Buffer.from(wanted.map((oid) => `${oid}\n`).join(''), 'utf8'))).stdout;
  let at = 0;
  for (const oid of wanted) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('utf8');
    const match = /^([0-9a-f]{40,64}) blob (\d+)$/.exec(header);
    if (end < 0 || !match || match[1] !== oid) throw new EmbargoError('RemoteTampered', 'A team record the remote lists is missing or is not a blob.', { oid });
    const size = Number(match[2]);
    found.set(oid, Buffer.from(out.subarray(end + 1, end + 1 + size)));
    at = end + 1 + size + 1;
  }
  return found;
}

/** Which of `oids` this repository holds (one `git cat-file --batch-check`). */
export async function presentObjects(gitDir: string, oids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(oids)];
  if (wanted.length === 0) return new Set();
  const out = (await runGit(gitDir, ['cat-file', '--batch-check'], Buffer.from(wanted.map((oid) => `${oid}\n`).join(''), 'utf8'))).stdout.toString('utf8');
  const present = new Set<string>();
  for (const line of out.split('\n')) {
    const match = /^([0-9a-f]{40,64}) blob \d+$/.exec(line);
    if (match) present.add(match[1]!);
  }
  return present;
}

/** A flat tree of blobs: name → oid. `git mktree` sorts the entries as fsck wants them. */
export async function writeTree(gitDir: string, entries: Record<string, string>): Promise<string> {
  const text = Object.entries(entries)
    .map(([name, oid]) => `100644 blob ${oid}\t${name}\n`)
    .join('');
  return (await runGit(gitDir, ['mktree'], Buffer.from(text, 'utf8'))).stdout.toString('utf8').trim();
}

export async function readTree(gitDir: string, commit: string): Promise<Record<string, string>> {
  const out = (await runGit(gitDir, ['ls-tree', '-z', `${commit}^{tree}`])).stdout.toString('utf8');
  const entries: Record<string, string> = {};
  for (const line of out.split('\0').filter(Boolean)) {
    const match = /^100644 blob ([0-9a-f]{40,64})\t([a-z0-9]{1,64})$/.exec(line);
    if (!match) throw new EmbargoError('RemoteTampered', 'A team state in the remote has an entry Embargo never writes.', { entry: line.slice(0, 80) });
    entries[match[2]!] = match[1]!;
  }
  return entries;
}

export async function commitTree(gitDir: string, tree: string, parent: string | null): Promise<string> {
  const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', 'state'];
  return (await runGit(gitDir, args)).stdout.toString('utf8').trim();
}

/** Every ref under `prefix` with the commit it points to. */
export async function listRefs(gitDir: string, prefix: string): Promise<Record<string, string>> {
  const out = (await runGit(gitDir, ['for-each-ref', '--format=%(objectname) %(refname)', prefix])).stdout.toString('utf8');
  const refs: Record<string, string> = {};
  for (const line of out.split('\n').filter(Boolean)) {
    const [oid, name] = line.split(' ');
    if (oid && name) refs[name] = oid;
  }
  return refs;
}

export async function updateRef(gitDir: string, ref: string, oid: string): Promise<void> {
  await runGit(gitDir, ['update-ref', ref, oid]);
}

export async function initBareRepository(gitDir: string): Promise<void> {
  await runGit(null, ['init', '--bare', '--quiet', gitDir]);
}
