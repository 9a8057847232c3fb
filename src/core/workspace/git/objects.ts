// Git's object model at the byte level: ids, the loose-object framing, and the commit, tree
// and tag formats. Everything the workspace writes is built here, so that what we hash is
// exactly what `git fsck --strict` and `git hash-object` agree on.
import { createHash } from 'node:crypto';
import { EmbargoError } from '../../../shared/errors.ts';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export function isObjectType(value: string): value is ObjectType {
  return value === 'commit' || value === 'tree' || value === 'blob' || value === 'tag';
}

export function isSha(value: string): boolean {
  return /^[0-9a-f]{40}$/.test(value);
}

export function objectHeader(type: ObjectType, length: number): Buffer {
  return Buffer.from(`${type} ${length}\0`, 'latin1');
}

export function hashObject(type: ObjectType, data: Uint8Array): string {
  return createHash('sha1').update(objectHeader(type, data.length)).update(data).digest('hex');
}

export function malformed(what: string, detail: string): EmbargoError {
  return new EmbargoError('GitObjectInvalid', `The git ${what} is malformed: ${detail}.`, { what, detail });
}

// ---- trees ----------------------------------------------------------------------------

export interface TreeEntry {
  mode: string; // '100644' | '100755' | '120000' | '40000' | '160000'
  name: string; // raw bytes as latin1 would lose UTF-8; we keep names as UTF-8 strings
  sha: string;
}

export const MODE_TREE = '40000';
export const MODE_FILE = '100644';
export const MODE_EXEC = '100755';
export const MODE_LINK = '120000';
export const MODE_GITLINK = '160000';

export function isTreeMode(mode: string): boolean {
  return mode === MODE_TREE;
}

export function parseTree(data: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw malformed('tree', 'truncated entry');
    const mode = data.toString('latin1', at, space);
    const name = data.toString('utf8', space + 1, nul);
    const sha = data.toString('hex', nul + 1, nul + 21);
    entries.push({ mode: mode === '040000' ? MODE_TREE : mode, name, sha });
    at = nul + 21;
  }
  return entries;
}

/** Git orders tree entries by name, comparing a directory as if its name ended with '/'. */
function sortKey(entry: TreeEntry): Buffer {
  return Buffer.from(entry.mode === MODE_TREE ? `${entry.name}/` : entry.name, 'utf8');
}

export function sortTreeEntries(entries: TreeEntry[]): TreeEntry[] {
  return [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
}

export function serializeTree(entries: TreeEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of sortTreeEntries(entries)) {
    parts.push(Buffer.from(`${entry.mode} ${entry.name}\0`, 'utf8'), Buffer.from(entry.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

// ---- identities and commits --------------------------------------------------------------

export interface Identity {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
  /** Offset from UTC in minutes, e.g. +60 for +0100. */
  tzOffset: number;
}

export function formatTz(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export function parseTz(text: string): number {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(text);
  if (!match) throw malformed('identity', `bad time zone ${text}`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export function formatIdentity(identity: Identity): string {
  return `${identity.name} <${identity.email}> ${identity.timestamp} ${formatTz(identity.tzOffset)}`;
}

export function parseIdentity(text: string): Identity {
  const match = /^(.*?) ?<([^<>]*)> (-?\d+) ([+-]\d{4})$/.exec(text);
  if (!match) throw malformed('identity', `cannot read "${text.slice(0, 80)}"`);
  return { name: match[1]!, email: match[2]!, timestamp: Number(match[3]), tzOffset: parseTz(match[4]!) };
}

export interface Commit {
  tree: string;
  parents: string[];
  author: Identity;
  committer: Identity;
  /** Extra headers (encoding, gpgsig, mergetag…), kept verbatim in order. */
  extraHeaders: [string, string][];
  message: string;
}

export function parseCommit(data: Buffer): Commit {
  const text = data.toString('utf8');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  const headers: [string, string][] = [];
  for (const line of head.split('\n')) {
    if (line.startsWith(' ') && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last[1] += `\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(' ');
    if (space < 0) throw malformed('commit', `bad header line "${line.slice(0, 40)}"`);
    headers.push([line.slice(0, space), line.slice(space + 1)]);
  }
  const tree = headers.find(([key]) => key === 'tree')?.[1];
  const author = headers.find(([key]) => key === 'author')?.[1];
  const committer = headers.find(([key]) => key === 'committer')?.[1];
  if (!tree || !isSha(tree) || !author || !committer) throw malformed('commit', 'missing tree, author or committer');
  return {
    tree,
    parents: headers.filter(([key]) => key === 'parent').map(([, value]) => value),
    author: parseIdentity(author),
    committer: parseIdentity(committer),
    extraHeaders: headers.filter(([key]) => !['tree', 'parent', 'author', 'committer'].includes(key)),
    message,
  };
}

export function serializeCommit(commit: Commit): Buffer {
  const lines = [`tree ${commit.tree}`, ...commit.parents.map((p) => `parent ${p}`)];
  lines.push(`author ${formatIdentity(commit.author)}`, `committer ${formatIdentity(commit.committer)}`);
  for (const [key, value] of commit.extraHeaders) lines.push(`${key} ${value.replaceAll('\n', '\n ')}`);
  return Buffer.from(`${lines.join('\n')}\n\n${commit.message}`, 'utf8');
}

export function commitSubject(message: string): string {
  const paragraph = message.split(/\n[ \t]*\n/)[0] ?? '';
  return paragraph.split('\n').map((line) => line.trim()).join(' ').trim();
}

// ---- tags ----------------------------------------------------------------------------

export interface Tag {
  object: string;
  type: ObjectType;
  tag: string;
}

export function parseTag(data: Buffer): Tag {
  const head = data.toString('utf8').split('\n\n')[0] ?? '';
  const fields = new Map(head.split('\n').map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]));
  const object = fields.get('object');
  const type = fields.get('type');
  if (!object || !isSha(object) || !type || !isObjectType(type)) throw malformed('tag', 'missing object or type');
  return { object, type, tag: fields.get('tag') ?? '' };
}
