// `git apply` onto a tree, without a working tree: parses a git diff (text hunks with exact
// context, new/deleted/renamed/copied files, mode changes, missing final newlines, binary
// literal and delta hunks) and writes the resulting blobs and trees.
import { EmbargoError } from '../../shared/errors.ts';
import { applyDelta } from './git/delta.ts';
import { MODE_EXEC, MODE_FILE, MODE_LINK, MODE_TREE } from './git/objects.ts';
import { checkPath, fsckError } from './fsck/index.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { inflateLiteral } from './binary-patch.ts';
import { splitLines } from './line-diff.ts';
import { editTree, lookupPath, type PathEntry } from './trees.ts';

interface Hunk {
  oldStart: number;
  oldLines: string[];
  newLines: string[];
}

interface FilePatch {
  oldPath: string | null;
  newPath: string | null;
  oldMode?: string;
  newMode?: string;
  isNew: boolean;
  isDelete: boolean;
  isCopy: boolean;
  hunks: Hunk[];
  binary?: { kind: 'literal' | 'delta'; size: number; lines: string[] };
  oldIndex?: string;
}

export function patchError(detail: string, path?: string): EmbargoError {
  return new EmbargoError('PatchDoesNotApply', `The patch does not apply${path ? ` to ${path}` : ''}: ${detail}.`, { detail, path: path ?? null });
}

/**
 * A mode line as `git apply` reads it (apply.c parse_mode_line, then canon_mode): octal digits
 * or "invalid mode"; a symlink stays one, anything else becomes a regular file, executable when
 * the owner may execute it. A directory or submodule mode is refused: git would write a tree
 * entry pointing at a blob (which its own fsck then rejects) or a corrupt submodule.
 */
export function canonicalPatchMode(raw: string, path: string): string {
  if (!/^[0-7]+$/.test(raw)) throw new EmbargoError('PatchInvalid', `The patch has an invalid mode "${raw}" for ${path}.`, { detail: 'invalid mode', path, mode: raw });
  const mode = parseInt(raw, 8);
  const type = mode & 0o170000;
  if (type === 0o040000) throw fsckError('badFilemode', path, `the patch gives the directory mode ${raw} to a file`);
  if (type === 0o160000) throw new EmbargoError('PatchInvalid', `The patch changes the submodule ${path}; submodule changes are not supported.`, { detail: 'submodule', path, mode: raw });
  if (type === 0o120000) return MODE_LINK;
  return mode & 0o100 ? MODE_EXEC : MODE_FILE;
}

/** What `git am` refuses as "invalid path" (read-cache.c verify_path), by git's fsck rule names. */
function checkPatchPaths(file: FilePatch): void {
  // Patch text is held as latin1 bytes; names are UTF-8, which the HFS+ rules need decoded.
  const utf8 = (path: string) => Buffer.from(path, 'latin1').toString('utf8');
  if (file.oldPath !== null) checkPath(utf8(file.oldPath));
  if (file.newPath !== null) checkPath(utf8(file.newPath));
  const label = file.newPath ?? file.oldPath ?? '';
  if (file.oldMode !== undefined) file.oldMode = canonicalPatchMode(file.oldMode, label);
  if (file.newMode !== undefined) file.newMode = canonicalPatchMode(file.newMode, label);
  if (file.newPath !== null && file.newMode === MODE_LINK) checkPath(utf8(file.newPath), { symlink: true });
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = raw[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(raw.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push({ n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 }[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string): string {
  const name = unquote(path.trim());
  return name.replace(/^[ab]\//, '');
}

function pathsFromDiffLine(line: string): [string, string] | null {
  const rest = line.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const end = rest.indexOf('" ', 1);
    if (end < 0) return null;
    return [stripPrefix(rest.slice(0, end + 1)), stripPrefix(rest.slice(end + 2))];
  }
  // a/X b/X: with equal names the split is in the middle.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ' && rest.slice(2, half) === rest.slice(half + 3)) {
    return [rest.slice(2, half), rest.slice(half + 3)];
  }
  const at = rest.indexOf(' b/');
  if (at < 0) return null;
  return [stripPrefix(rest.slice(0, at)), stripPrefix(rest.slice(at + 1))];
}

/** Parses the diff of one mail (raw bytes as a latin1 string). */
export function parsePatch(bytes: Buffer): FilePatch[] {
  const lines = bytes.toString('latin1').split(/(?<=\n)/);
  const files: FilePatch[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.startsWith('diff --git ')) {
      i++;
      continue;
    }
    const names = pathsFromDiffLine(line.replace(/\n$/, ''));
    const file: FilePatch = { oldPath: names?.[0] ?? null, newPath: names?.[1] ?? null, isNew: false, isDelete: false, isCopy: false, hunks: [] };
    i++;
    for (; i < lines.length; i++) {
      const header = lines[i]!.replace(/\n$/, '');
      let m: RegExpExecArray | null;
      if ((m = /^old mode (\S+)$/.exec(header))) file.oldMode = m[1];
      else if ((m = /^new mode (\S+)$/.exec(header))) file.newMode = m[1];
      else if ((m = /^new file mode (\S+)$/.exec(header))) {
        file.isNew = true;
        file.newMode = m[1];
      } else if ((m = /^deleted file mode (\S+)$/.exec(header))) {
        file.isDelete = true;
        file.oldMode = m[1];
      } else if ((m = /^(rename|copy) from (.+)$/.exec(header))) {
        file.oldPath = unquote(m[2]!);
        if (m[1] === 'copy') file.isCopy = true;
      } else if ((m = /^(rename|copy) to (.+)$/.exec(header))) file.newPath = unquote(m[2]!);
      else if ((m = /^index ([0-9a-f]+)\.\.([0-9a-f]+)(?: (\S+))?$/.exec(header))) {
        file.oldIndex = m[1];
        if (m[3]) file.oldMode = file.newMode = m[3];
      } else if (/^(similarity|dissimilarity) index /.test(header)) continue;
      else if (header.startsWith('--- ')) {
        const name = header.slice(4).replace(/\t.*$/, '');
        if (name !== '/dev/null') file.oldPath = stripPrefix(name);
      } else if (header.startsWith('+++ ')) {
        const name = header.slice(4).replace(/\t.*$/, '');
        if (name !== '/dev/null') file.newPath = stripPrefix(name);
      } else break;
    }
    if (i < lines.length && lines[i]!.startsWith('GIT binary patch')) {
      i++;
      const m = /^(literal|delta) (\d+)$/.exec((lines[i] ?? '').replace(/\n$/, ''));
      if (!m) throw patchError('a binary patch without a literal or delta hunk', file.newPath ?? undefined);
      i++;
      const data: string[] = [];
      while (i < lines.length && lines[i] !== '\n' && lines[i] !== '') data.push(lines[i++]!.replace(/\n$/, ''));
      file.binary = { kind: m[1] as 'literal' | 'delta', size: Number(m[2]), lines: data };
      // skip the reverse hunk
      while (i < lines.length && !lines[i]!.startsWith('diff --git ')) i++;
    } else {
      while (i < lines.length && lines[i]!.startsWith('@@ ')) {
        const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(lines[i]!);
        if (!m) throw patchError(`bad hunk header "${lines[i]!.trim()}"`, file.newPath ?? undefined);
        let oldCount = m[2] === undefined ? 1 : Number(m[2]);
        let newCount = m[4] === undefined ? 1 : Number(m[4]);
        const hunk: Hunk = { oldStart: Number(m[1]), oldLines: [], newLines: [] };
        i++;
        while ((oldCount > 0 || newCount > 0) && i < lines.length) {
          const body = lines[i]!;
          const mark = body[0];
          const content = body.slice(1);
          if (mark === ' ' || (body === '\n' && mark === '\n')) {
            const text = mark === ' ' ? content : '\n';
            hunk.oldLines.push(text);
            hunk.newLines.push(text);
            oldCount--;
            newCount--;
          } else if (mark === '-') {
            hunk.oldLines.push(content);
            oldCount--;
          } else if (mark === '+') {
            hunk.newLines.push(content);
            newCount--;
          } else if (mark === '\\') {
            // handled below
          } else throw patchError('a hunk ends early', file.newPath ?? undefined);
          i++;
          if (i < lines.length && lines[i]!.startsWith('\\')) {
            if (mark === ' ' || mark === '-') hunk.oldLines[hunk.oldLines.length - 1] = hunk.oldLines[hunk.oldLines.length - 1]!.replace(/\n$/, '');
            if (mark === ' ' || mark === '+') hunk.newLines[hunk.newLines.length - 1] = hunk.newLines[hunk.newLines.length - 1]!.replace(/\n$/, '');
            i++;
          }
        }
        if (oldCount !== 0 || newCount !== 0) throw patchError('a hunk is truncated', file.newPath ?? undefined);
        file.hunks.push(hunk);
      }
    }
    if (!file.oldPath && !file.newPath) throw patchError('a file patch names no file');
    // As git apply: a change that is neither a creation nor a deletion needs both names
    // ("git diff header lacks filename information"); a damaged header must not pass as one.
    if ((!file.isNew && !file.oldPath) || (!file.isDelete && !file.newPath)) {
      throw patchError('the git diff header lacks filename information', file.newPath ?? file.oldPath ?? undefined);
    }
    if (file.isNew) file.oldPath = null;
    if (file.isDelete) file.newPath = null;
    checkPatchPaths(file);
    files.push(file);
  }
  return files;
}

function matchesAt(lines: string[], at: number, expected: string[]): boolean {
  if (at < 0 || at + expected.length > lines.length) return false;
  for (let k = 0; k < expected.length; k++) if (lines[at + k] !== expected[k]) return false;
  return true;
}

export function applyHunks(content: Buffer, hunks: Hunk[], path: string): Buffer {
  const lines = splitLines(content);
  const out: string[] = [];
  let cursor = 0;
  let shift = 0;
  for (const hunk of hunks) {
    const expected = Math.max(0, hunk.oldStart - 1 + shift) + (hunk.oldLines.length === 0 && hunk.oldStart > 0 ? 1 : 0);
    let found = -1;
    for (let delta = 0; found < 0 && (expected - delta >= cursor || expected + delta <= lines.length); delta++) {
      if (expected + delta >= cursor && matchesAt(lines, expected + delta, hunk.oldLines)) found = expected + delta;
      else if (delta > 0 && expected - delta >= cursor && matchesAt(lines, expected - delta, hunk.oldLines)) found = expected - delta;
    }
    if (found < 0) throw patchError(`the hunk at line ${hunk.oldStart} does not match the file`, path);
    out.push(...lines.slice(cursor, found), ...hunk.newLines);
    cursor = found + hunk.oldLines.length;
    shift = found - (hunk.oldStart - 1);
  }
  out.push(...lines.slice(cursor));
  return Buffer.from(out.join(''), 'latin1');
}

/** Applies a parsed patch to a tree and returns the new tree id. */
export function applyToTree(ws: CaseWorkspace, treeSha: string, files: FilePatch[]): { tree: string; paths: string[] } {
  const edits = new Map<string, PathEntry | null>();
  const current = (path: string): PathEntry | null => (edits.has(path) ? edits.get(path)! : lookupPath(ws, treeSha, path));
  const touched: string[] = [];
  for (const file of files) {
    const oldEntry = file.oldPath ? current(file.oldPath) : null;
    const label = file.newPath ?? file.oldPath ?? '';
    if (file.oldPath && (!oldEntry || oldEntry.mode === MODE_TREE)) throw patchError('the file does not exist', file.oldPath);
    if (file.newPath && file.isNew && current(file.newPath)) throw patchError('the file already exists', file.newPath);
    if (file.oldPath && file.newPath && file.oldPath !== file.newPath && !file.isCopy && current(file.newPath)) {
      throw patchError('the rename target already exists', file.newPath);
    }
    const oldBytes = oldEntry ? ws.readBlob(oldEntry.sha) : Buffer.alloc(0);
    if (file.oldIndex && oldEntry && /^[0-9a-f]{40}$/.test(file.oldIndex) && file.binary && oldEntry.sha !== file.oldIndex) {
      throw patchError('the binary patch was made against a different version of the file', label);
    }
    let newBytes: Buffer;
    if (file.binary) {
      const data = inflateLiteral(file.binary.lines, file.binary.size);
      newBytes = file.binary.kind === 'literal' ? data : applyDelta(oldBytes, data);
    } else newBytes = file.hunks.length > 0 ? applyHunks(oldBytes, file.hunks, label) : oldBytes;
    if (file.isDelete) {
      if (newBytes.length !== 0 && file.hunks.length > 0) throw patchError('the deletion leaves content behind', label);
      edits.set(file.oldPath!, null);
      touched.push(file.oldPath!);
      continue;
    }
    const mode = file.newMode ?? oldEntry?.mode ?? MODE_FILE;
    if (file.oldPath && file.newPath !== file.oldPath && !file.isCopy) {
      edits.set(file.oldPath, null);
      touched.push(file.oldPath);
    }
    edits.set(file.newPath!, { mode, sha: ws.write('blob', newBytes) });
    touched.push(file.newPath!);
  }
  return { tree: editTree(ws, treeSha, edits), paths: [...new Set(touched)] };
}
