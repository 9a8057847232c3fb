// `git format-patch` for the commits of a branch: the mail headers, the message, a diffstat,
// and a diff git apply accepts (new, deleted, renamed files, mode changes, files without a
// final newline, binary files as "GIT binary patch" literals).
import { commitSubject, formatTz, type Commit, type Identity } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { literalHunk } from './binary-patch.ts';
import { diffLineArrays, isBinary, splitLines, type Edit } from './line-diff.ts';
import { detectRenames, MAX_SCORE } from './renames.ts';
import { diffTrees, type PathEntry, type TreeChange } from './trees.ts';

const ZERO = '0000000000000000000000000000000000000000';
const CONTEXT = 3;

interface FilePair {
  oldPath: string;
  newPath: string;
  before: PathEntry | null;
  after: PathEntry | null;
  score?: number;
}

function quotePath(path: string): string {
  // git quotes paths with special bytes in C style; ordinary paths go out as they are.
  // eslint-disable-next-line no-control-regex
  if (!/["\\\x00-\x1f\x7f]/.test(path) && !/[^\x00-\x7f]/.test(path)) return path;
  const bytes = Buffer.from(path, 'utf8');
  let out = '"';
  for (const byte of bytes) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x09) out += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

function prefixed(prefix: string, path: string): string {
  const quoted = quotePath(path);
  return quoted.startsWith('"') ? `"${prefix}${quoted.slice(1)}` : `${prefix}${path}`;
}

function abbrev(sha: string): string {
  return sha.slice(0, 12);
}

function funcContext(lines: string[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (/^[A-Za-z_$]/.test(line)) return ` ${Buffer.from(line.replace(/\s+$/, ''), 'latin1').subarray(0, 80).toString('latin1').replace(/\s+$/, '')}`;
  }
  return '';
}

function range(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  if (count === 1) return `${start + 1}`;
  return `${start + 1},${count}`;
}

export function unifiedHunks(oldLines: string[], newLines: string[], edits: Edit[]): string {
  let out = '';
  let i = 0;
  while (i < edits.length) {
    let j = i;
    while (j + 1 < edits.length && edits[j + 1]!.a - (edits[j]!.a + edits[j]!.aLen) <= 2 * CONTEXT) j++;
    const first = edits[i]!;
    const last = edits[j]!;
    const aStart = Math.max(0, first.a - CONTEXT);
    const bStart = first.b - (first.a - aStart);
    const aEnd = Math.min(oldLines.length, last.a + last.aLen + CONTEXT);
    const bEnd = last.b + last.bLen + (aEnd - (last.a + last.aLen));
    out += `@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@${funcContext(oldLines, aStart)}\n`;
    const emit = (mark: string, line: string) => {
      out += mark + line;
      if (!line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    };
    let a = aStart;
    for (let k = i; k <= j; k++) {
      const e = edits[k]!;
      while (a < e.a) emit(' ', oldLines[a++]!);
      for (let x = e.a; x < e.a + e.aLen; x++) emit('-', oldLines[x]!);
      for (let x = e.b; x < e.b + e.bLen; x++) emit('+', newLines[x]!);
      a = e.a + e.aLen;
    }
    while (a < aEnd) emit(' ', oldLines[a++]!);
    i = j + 1;
  }
  return out;
}

function filePairs(ws: CaseWorkspace, changes: TreeChange[]): FilePair[] {
  const { renames, rest } = detectRenames(ws, changes);
  const pairs: FilePair[] = rest.map((c) => ({ oldPath: c.path, newPath: c.path, before: c.before, after: c.after }));
  for (const r of renames) pairs.push({ oldPath: r.from.path, newPath: r.to.path, before: r.from.before, after: r.to.after, score: r.score });
  // git orders by the new path (for deletions, the old one)
  return pairs.sort((x, y) => (x.newPath < y.newPath ? -1 : x.newPath > y.newPath ? 1 : 0));
}

export interface FileStat {
  path: string;
  added: number;
  removed: number;
  binary: boolean;
}

/** The `git diff` text between two trees (a commit and its parent). */
export function diffText(ws: CaseWorkspace, oldTree: string, newTree: string): { bytes: Buffer; stats: FileStat[] } {
  let out = '';
  const stats: FileStat[] = [];
  for (const pair of filePairs(ws, diffTrees(ws, oldTree, newTree))) {
    const { before, after } = pair;
    out += `diff --git ${prefixed('a/', pair.oldPath)} ${prefixed('b/', pair.newPath)}\n`;
    if (!before) out += `new file mode ${after!.mode}\n`;
    else if (!after) out += `deleted file mode ${before.mode}\n`;
    else if (before.mode !== after.mode) out += `old mode ${before.mode}\nnew mode ${after.mode}\n`;
    if (pair.score !== undefined) {
      out += `similarity index ${Math.floor((pair.score * 100) / MAX_SCORE)}%\nrename from ${quotePath(pair.oldPath)}\nrename to ${quotePath(pair.newPath)}\n`;
    }
    const oldBytes = before ? ws.readBlob(before.sha) : Buffer.alloc(0);
    const newBytes = after ? ws.readBlob(after.sha) : Buffer.alloc(0);
    const contentChanged = (before?.sha ?? ZERO) !== (after?.sha ?? ZERO);
    if (!contentChanged) {
      stats.push({ path: pair.newPath, added: 0, removed: 0, binary: false });
      continue;
    }
    const binary = isBinary(oldBytes) || isBinary(newBytes);
    const modeSuffix = before && after && before.mode === after.mode ? ` ${after.mode}` : '';
    const oldSha = before?.sha ?? ZERO;
    const newSha = after?.sha ?? ZERO;
    if (binary) {
      out += `index ${oldSha}..${newSha}${modeSuffix}\nGIT binary patch\n${literalHunk(newBytes)}${literalHunk(oldBytes)}`;
      stats.push({ path: pair.newPath, added: 0, removed: 0, binary: true });
      continue;
    }
    out += `index ${abbrev(oldSha)}..${abbrev(newSha)}${modeSuffix}\n`;
    out += `--- ${before ? prefixed('a/', pair.oldPath) : '/dev/null'}\n+++ ${after ? prefixed('b/', pair.newPath) : '/dev/null'}\n`;
    const oldLines = splitLines(oldBytes);
    const newLines = splitLines(newBytes);
    const edits = diffLineArrays(oldLines, newLines);
    out += unifiedHunks(oldLines, newLines, edits);
    stats.push({
      path: pair.newPath,
      added: edits.reduce((n, e) => n + e.bLen, 0),
      removed: edits.reduce((n, e) => n + e.aLen, 0),
      binary: false,
    });
  }
  // Headers are ASCII (paths are quoted as git does); content lines are latin1 strings of the raw bytes.
  return { bytes: Buffer.from(out, 'latin1'), stats };
}

function rfc2822(identity: Identity): string {
  const date = new Date((identity.timestamp + identity.tzOffset * 60) * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(
    date.getUTCMinutes(),
  )}:${pad(date.getUTCSeconds())} ${formatTz(identity.tzOffset)}`;
}

/** RFC 2047 for a header value that is not plain ASCII. */
function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = Buffer.from(text, 'utf8');
  let encoded = '';
  for (const byte of bytes) {
    const c = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9!*+\-/]/.test(c) ? c : byte === 0x20 ? '_' : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?UTF-8?q?${encoded}?=`;
}

function formatName(name: string): string {
  if (/[^\x20-\x7e]/.test(name)) return encodeWord(name);
  return /[()<>@,;:\\".[\]]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
}

function diffstat(stats: FileStat[]): string {
  if (stats.length === 0) return '';
  const width = Math.max(...stats.map((s) => s.path.length));
  const lines = stats.map((s) => {
    const change = s.binary ? 'Bin' : `${s.added + s.removed} ${'+'.repeat(Math.min(s.added, 40))}${'-'.repeat(Math.min(s.removed, 40))}`;
    return ` ${s.path.padEnd(width)} | ${change}`.trimEnd();
  });
  const added = stats.reduce((n, s) => n + s.added, 0);
  const removed = stats.reduce((n, s) => n + s.removed, 0);
  const files = `${stats.length} file${stats.length === 1 ? '' : 's'} changed`;
  const parts = [files];
  if (added > 0) parts.push(`${added} insertion${added === 1 ? '' : 's'}(+)`);
  if (removed > 0) parts.push(`${removed} deletion${removed === 1 ? '' : 's'}(-)`);
  return `${lines.join('\n')}\n ${parts.join(', ')}\n`;
}

export interface PatchMail {
  sha: string;
  bytes: Buffer;
  diff: Buffer;
}

export function messageBody(message: string): string {
  const split = /\n[ \t]*\n/.exec(message);
  return split ? message.slice(split.index + split[0].length).replace(/^([ \t]*\n)+/, '') : '';
}

/** One mail of the series, exactly as `git format-patch` lays it out. */
export function formatPatchMail(ws: CaseWorkspace, sha: string, commit: Commit, index: number, total: number): PatchMail {
  const parentTree = commit.parents[0] ? ws.readCommit(commit.parents[0]).tree : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  const { bytes: diff, stats } = diffText(ws, parentTree, commit.tree);
  const subject = commitSubject(commit.message);
  const body = messageBody(commit.message);
  const prefix = total > 1 ? `[PATCH ${index}/${total}]` : '[PATCH]';
  const nonAscii = /[^\x00-\x7f]/.test(commit.message); // eslint-disable-line no-control-regex
  let mail = `From ${sha} Mon Sep 17 00:00:00 2001\n`;
  mail += `From: ${formatName(commit.author.name)} <${commit.author.email}>\n`;
  mail += `Date: ${rfc2822(commit.author)}\n`;
  mail += `Subject: ${encodeWord(`${prefix} ${subject}`)}\n`;
  if (nonAscii) mail += 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n';
  mail += '\n';
  if (body.trim()) mail += `${body.replace(/\n*$/, '')}\n`;
  mail += `---\n${diffstat(stats)}\n`;
  return { sha, bytes: Buffer.concat([Buffer.from(mail, 'utf8'), diff, Buffer.from('-- \n2.39.5\n\n', 'utf8')]), diff };
}
