// The leak guard for the public repository (issue 14, item 6): `workspace install-hook` writes
// a git pre-push hook into a repository and, beside it in the git directory, a sealed list
// exported from the vault. The hook refuses, before the Release Date, a push whose commits
// carry the fix (same `git patch-id --stable`), the CVE ID or one of the case's lint words.
//
// The list holds no plaintext: every patch-id and every normalised word (lower case, runs of
// letters and digits joined by one space; a CVE ID in any spelling becomes "cve YYYY NNNN")
// is stored as HMAC-SHA256 under a random 32-byte key kept in the same file. The hook hashes
// the pushed commits' patch-ids and word n-grams with that key and compares. Someone who reads
// the list learns how many entries it has and a Release Date; to learn a word they must guess
// it and hash the guess (the key stops precomputed tables across lists, not a guess of a
// low-entropy word such as a CVE number, which is why the list stays in the git directory and
// is never committed); a patch-id is a hash of the fix's diff, so it reveals nothing of the
// fix, and its HMAC cannot even be matched against public patch-ids without the key.
// The hook needs no vault and no passphrase. Override: `EMBARGO_ALLOW_PUSH=1 git push`
// (the hook lets the push through and says so), or git's own `git push --no-verify`.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { branchCommits } from './branches.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { parseCommitment } from './commitment.ts';
import { commitPatchId } from './verify-release.ts';

export const GUARD_MARKER = '// embargo-leak-guard';
export const GUARD_LIST = 'embargo-leak-guard.json';

export interface GuardEntry {
  /** HMAC of the case id: reinstalling for the same case replaces its entry. */
  tag: string;
  releaseDate: string | null;
  words: string[];
  patchIds: string[];
  /** The longest word in tokens: the hook hashes n-grams up to it. */
  maxTokens: number;
}

export interface GuardList {
  format: 'embargo-leak-guard';
  version: 1;
  key: string;
  entries: GuardEntry[];
}

/** Lower case, a CVE ID in any spelling as "cve YYYY N", runs of letters and digits. */
export function normaliseTokens(text: string): string[] {
  return text
    .replace(/cve[-_ ]?(\d{4})[-_ ]?(\d{4,})/gi, ' cve $1 $2 ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function keyed(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/** The words and patch-ids of a case that must not reach the public repository. */
export function guardSecrets(ws: CaseWorkspace, cve: string | null, extraWords: string[]): { words: string[][]; patchIds: string[] } {
  const words = [...(cve ? [cve] : []), ...ws.state.lintWords, ...extraWords].map(normaliseTokens).filter((t) => t.length > 0);
  const ids = new Set<string>();
  for (const commit of ws.state.fix?.commits ?? []) ids.add(commitPatchId(ws, commit.sha));
  for (const branch of ws.state.branches) for (const sha of branchCommits(branch)) ids.add(commitPatchId(ws, sha));
  if (ws.state.commitment) for (const b of parseCommitment(ws.state.commitment).branches) for (const c of b.commits) ids.add(c.patchId);
  ids.delete('');
  return { words, patchIds: [...ids].sort() };
}

function hooksDir(repo: string): string {
  const path = resolve(repo);
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new EmbargoError('NotFound', `No directory ${path}.`, { what: 'directory', id: path });
  let out: string;
  try {
    out = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], {
      cwd: path,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1' },
    });
  } catch {
    throw new EmbargoError('NotARepository', `${path} is not a git repository.`, { path });
  }
  const hooks = out.trim();
  return isAbsolute(hooks) ? hooks : join(path, hooks);
}

function readList(file: string, key: () => Buffer): GuardList {
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as GuardList;
      if (parsed.format === 'embargo-leak-guard' && parsed.version === 1 && typeof parsed.key === 'string' && Array.isArray(parsed.entries)) return parsed;
    } catch {
      // a broken list is replaced
    }
  }
  return { format: 'embargo-leak-guard', version: 1, key: key().toString('base64'), entries: [] };
}

export interface InstalledGuard {
  hook: string;
  list: string;
  words: number;
  patchIds: number;
  releaseDate: string | null;
}

export async function installGuard(
  repo: string,
  caseId: string,
  releaseDate: string | null,
  secrets: { words: string[][]; patchIds: string[] },
  randomBytes: (n: number) => Uint8Array,
  force: boolean,
): Promise<InstalledGuard> {
  const hooks = hooksDir(repo);
  const hook = join(hooks, 'pre-push');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(GUARD_MARKER) && !force) {
    throw new EmbargoError('Conflict', `${hook} exists and is not Embargo's leak guard: move it away, or replace it with --force.`, { path: hook });
  }
  // the list lives in the git directory (never committed), beside the hooks directory
  const list = join(hooks, '..', GUARD_LIST);
  const document = readList(list, () => Buffer.from(randomBytes(32)));
  const key = Buffer.from(document.key, 'base64');
  const tag = keyed(key, `case:${caseId}`);
  const entry: GuardEntry = {
    tag,
    releaseDate,
    words: [...new Set(secrets.words.map((tokens) => keyed(key, tokens.join(' '))))].sort(),
    patchIds: secrets.patchIds.map((id) => keyed(key, `patch-id:${id}`)).sort(),
    maxTokens: Math.max(1, ...secrets.words.map((t) => t.length)),
  };
  document.entries = [...document.entries.filter((e) => e.tag !== tag), entry];
  mkdirSync(hooks, { recursive: true });
  await writeFileAtomic(resolve(list), Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'));
  await writeFileAtomic(hook, Buffer.from(HOOK_SCRIPT, 'utf8'));
  chmodSync(hook, 0o755);
  return { hook, list: resolve(list), words: entry.words.length, patchIds: entry.patchIds.length, releaseDate };
}

/**
 * The hook itself: plain Node, no dependencies, nothing of any case in it. It reads the list
 * from the git directory, asks git for the pushed commits, their messages and patch-ids, and
 * exits 1 with the reasons when one of them matches an entry still under embargo.
 */
export const HOOK_SCRIPT = `#!/usr/bin/env node
${GUARD_MARKER} (installed by "embargo workspace install-hook"; override: EMBARGO_ALLOW_PUSH=1, or git push --no-verify)
'use strict';
const { execFileSync } = require('node:child_process');
const { createHmac } = require('node:crypto');
const { readFileSync, existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const git = (args, input) => execFileSync('git', args, { encoding: 'utf8', input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'inherit'] });
const gitDir = resolve(git(['rev-parse', '--git-dir']).trim());
const listFile = join(resolve(git(['rev-parse', '--git-path', 'hooks']).trim()), '..', '${GUARD_LIST}');
if (!existsSync(listFile)) process.exit(0);
const list = JSON.parse(readFileSync(listFile, 'utf8'));
const key = Buffer.from(list.key, 'base64');
const mac = (v) => createHmac('sha256', key).update(v, 'utf8').digest('hex');
const now = Date.now();
const active = list.entries.filter((e) => e.releaseDate === null || Date.parse(e.releaseDate) > now);
if (active.length === 0) process.exit(0);
const words = new Set(active.flatMap((e) => e.words));
const patchIds = new Set(active.flatMap((e) => e.patchIds));
const maxTokens = Math.max(1, ...active.map((e) => e.maxTokens));
const tokens = (text) => text.replace(/cve[-_ ]?(\\d{4})[-_ ]?(\\d{4,})/gi, ' cve $1 $2 ').toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
const hits = (text) => {
  const t = tokens(text);
  for (let i = 0; i < t.length; i++) for (let n = 1; n <= maxTokens && i + n <= t.length; n++) if (words.has(mac(t.slice(i, i + n).join(' ')))) return true;
  return false;
};
const ZERO = /^0+$/;
const input = readFileSync(0, 'utf8');
const problems = [];
for (const line of input.split('\\n')) {
  const [localRef, localSha, remoteRef, remoteSha] = line.trim().split(' ');
  if (!localSha || ZERO.test(localSha)) continue;
  if (hits(remoteRef || '') || hits(localRef || '')) problems.push('the ref name ' + remoteRef + ' names an embargoed word');
  const range = ZERO.test(remoteSha || '0') ? [localSha, '--not', '--remotes'] : [localSha, '^' + remoteSha];
  const log = git(['log', '--format=%H%x00%s%x00%B%x00', ...range]);
  const parts = log.split('\\0');
  const subjects = new Map();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const sha = parts[i].trim();
    subjects.set(sha, parts[i + 1]);
    if (hits(parts[i + 2])) problems.push(sha.slice(0, 12) + ' "' + parts[i + 1] + '": its message names an embargoed word (CVE ID or case word)');
  }
  if (subjects.size === 0) continue;
  const diffs = git(['-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', 'log', '-p', '--full-index', '--no-color', '--no-ext-diff', '--no-merges', '--format=commit %H', ...range]);
  for (const row of git(['patch-id', '--stable'], diffs).split('\\n')) {
    const [id, sha] = row.trim().split(' ');
    if (id && patchIds.has(mac('patch-id:' + id))) problems.push(sha.slice(0, 12) + ' "' + (subjects.get(sha) || '') + '": it carries the embargoed fix (same patch-id)');
  }
}
if (problems.length === 0) process.exit(0);
const dates = active.map((e) => e.releaseDate || 'no Release Date yet').join(', ');
if (process.env.EMBARGO_ALLOW_PUSH === '1') {
  process.stderr.write('embargo leak guard: EMBARGO_ALLOW_PUSH=1, pushing despite:\\n' + problems.map((p) => '  ' + p + '\\n').join(''));
  process.exit(0);
}
process.stderr.write(
  'embargo leak guard: refusing to push before the Release Date (' + dates + '):\\n' +
    problems.map((p) => '  ' + p + '\\n').join('') +
    'Push anyway with EMBARGO_ALLOW_PUSH=1 git push (or git push --no-verify).\\n',
);
process.exit(1);
`;
