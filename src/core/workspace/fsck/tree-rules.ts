// git's fsck rules for one tree object (fsck.c fsck_tree), on the raw bytes: names are compared
// as bytes, as git orders them, so a name that is not UTF-8 cannot hide a duplicate.
import { fsckError } from './fsck-error.ts';
import { componentProblem, isGitmodulesName } from './path-rules.ts';

export interface RawTreeEntry {
  mode: string;
  name: Buffer;
  sha: string;
}

export interface TreeCheckOptions {
  /** The tree's path from the root, for messages ('' for the root). */
  path?: string;
  /** The tree's id, for messages. */
  object?: string;
  /**
   * Old history may hold zero-padded modes and 100664 files, which plain `git fsck` accepts
   * and `--strict` does not; upstream trees are read with `strict: false`, our own with true.
   */
  strict: boolean;
}

const STANDARD_MODES = new Set(['100644', '100755', '120000', '40000', '160000']);

export function parseRawTree(data: Buffer, object?: string): RawTreeEntry[] {
  const entries: RawTreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = space < 0 ? -1 : data.indexOf(0, space + 1);
    if (space <= at || nul < 0 || nul + 21 > data.length) throw fsckError('badTree', '', 'the tree cannot be parsed', object);
    const mode = data.toString('latin1', at, space);
    // git's decode_tree_entry reads octal digits only; anything else makes the tree unparseable
    if (!/^[0-7]+$/.test(mode)) throw fsckError('badTree', '', `malformed mode ${JSON.stringify(mode.slice(0, 12))} in tree entry`, object);
    entries.push({ mode, name: data.subarray(space + 1, nul), sha: data.toString('hex', nul + 1, nul + 21) });
    at = nul + 21;
  }
  return entries;
}

const isDirMode = (mode: string) => /^0*40000$/.test(mode);

/** git's ordering: a directory compares as if its name ended in '/'. */
function orderKey(entry: RawTreeEntry): Buffer {
  return isDirMode(entry.mode) ? Buffer.concat([entry.name, Buffer.from('/')]) : entry.name;
}

/** Throws the first rule the tree breaks; returns the ids of its `.gitmodules` blobs, to be checked in turn. */
export function checkTree(data: Buffer, options: TreeCheckOptions): { gitmodules: { sha: string; path: string }[] } {
  const prefix = options.path ? `${options.path}/` : '';
  const entries = parseRawTree(data, options.object);
  const gitmodules: { sha: string; path: string }[] = [];
  const seen = new Set<string>();
  let previous: RawTreeEntry | null = null;
  for (const entry of entries) {
    const name = entry.name.toString('utf8');
    const path = prefix + name;
    const problem = componentProblem(name);
    if (problem) throw fsckError(problem.id, path, problem.detail, options.object);
    if (/^0/.test(entry.mode)) {
      if (options.strict) throw fsckError('zeroPaddedFilemode', path, `the mode ${entry.mode} is zero-padded`, options.object);
    } else if (!STANDARD_MODES.has(entry.mode) && !(entry.mode === '100664' && !options.strict)) {
      throw fsckError('badFilemode', path, `the mode ${entry.mode} is not one git writes`, options.object);
    }
    if (/^0+$/.test(entry.sha)) throw fsckError('nullSha1', path, 'the entry points to the null object id', options.object);
    // The same name as a file and as a directory is a duplicate too, wherever it sorts.
    const key = entry.name.toString('latin1');
    if (seen.has(key)) throw fsckError('duplicateEntries', path, 'the tree holds this name twice', options.object);
    seen.add(key);
    if (previous && Buffer.compare(orderKey(previous), orderKey(entry)) >= 0) {
      throw fsckError('treeNotSorted', path, 'the tree entries are not in git order', options.object);
    }
    previous = entry;
    // Every backslash-separated tail is a name on Windows (fsck.c checks each for .gitmodules).
    const spellings = [name, ...name.split('\\').slice(1)];
    if (spellings.some(isGitmodulesName)) {
      if (entry.mode === '120000') throw fsckError('gitmodulesSymlink', path, '.gitmodules is a symbolic link', options.object);
      gitmodules.push({ sha: entry.sha, path });
    }
  }
  return { gitmodules };
}
