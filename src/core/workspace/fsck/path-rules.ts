// git's rules for one path component (fsck.c fsck_tree, path.c is_ntfs_dotgit, utf8.c
// is_hfs_dotgit, read-cache.c verify_path), applied whatever the platform: a tree or patch we
// accept must be safe to check out on Linux, macOS (HFS+) and Windows (NTFS) alike.
import { fsckError, type FsckMessageId } from './fsck-error.ts';

// Code points HFS+ ignores when it compares names, so ".g\u200cit" is ".git" there (utf8.c).
const HFS_IGNORED = new Set([
  0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0xfeff,
]);

/** Is `name` (one component) `.<needle>` once HFS+ drops its ignorable code points and folds case? */
export function isHfsDot(name: string, needle: string): boolean {
  const chars = [...name].filter((c) => !HFS_IGNORED.has(c.codePointAt(0)!));
  // A malformed UTF-8 name decodes to U+FFFD, which is never ASCII, so it cannot match.
  if (chars.length !== needle.length + 1 || chars[0] !== '.') return false;
  // Only ASCII folds here, as in git: the needles are ASCII.
  return chars.slice(1).every((c, i) => c.charCodeAt(0) <= 127 && c.toLowerCase() === needle[i]);
}

/** Only spaces and periods up to the end or an NTFS alternate data stream (':'). */
function onlySpacesAndPeriods(rest: string): boolean {
  for (const c of rest) {
    if (c === ':') return true;
    if (c !== ' ' && c !== '.') return false;
  }
  return true;
}

/** `.git`, `git~1`, with trailing dots/spaces or a `:stream`, in any case (path.c is_ntfs_dotgit). */
export function isNtfsDotgit(name: string): boolean {
  const lower = name.toLowerCase();
  let rest: string;
  if (lower.startsWith('.git')) rest = name.slice(4);
  else if (lower.startsWith('git~1')) rest = name.slice(5);
  else return false;
  return onlySpacesAndPeriods(rest);
}

/** NTFS spellings of `.<name>`: the name itself, its 6-character short name `~1`..`~4`, or the hashed fallback. */
export function isNtfsDot(name: string, dotName: string, shortPrefix: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith(`.${dotName}`)) return onlySpacesAndPeriods(name.slice(dotName.length + 1));
  if (lower.startsWith(dotName.slice(0, 6)) && name[6] === '~' && name[7]! >= '1' && name[7]! <= '4') return onlySpacesAndPeriods(name.slice(8));
  // The fall-back short name: up to 6 characters of the hashed prefix, '~', digits, 8 characters in all.
  let sawTilde = false;
  for (let i = 0; i < 8; i++) {
    const c = name[i];
    if (c === undefined) return false;
    if (sawTilde) {
      if (c < '0' || c > '9') return false;
    } else if (c === '~') {
      i++;
      if (name[i] === undefined || name[i]! < '1' || name[i]! > '9') return false;
      sawTilde = true;
    } else if (i >= 6 || c.charCodeAt(0) > 127 || c.toLowerCase() !== shortPrefix[i]) return false;
  }
  return onlySpacesAndPeriods(name.slice(8));
}

export const isGitmodulesName = (name: string): boolean => isHfsDot(name, 'gitmodules') || isNtfsDot(name, 'gitmodules', 'gi7eba');

export function isDotgit(name: string): boolean {
  return isHfsDot(name, 'git') || isNtfsDotgit(name);
}

/**
 * The first rule one tree entry name breaks, or null. A backslash is a separator on Windows,
 * so each backslash-separated piece must pass the `.`/`..`/`.git` rules too.
 */
export function componentProblem(name: string): { id: FsckMessageId; detail: string } | null {
  if (name === '') return { id: 'emptyName', detail: 'an empty path component' };
  if (name.includes('/')) return { id: 'fullPathname', detail: 'a tree entry name holds a slash' };
  if (name.includes('\0')) return { id: 'badTree', detail: 'a name holds a NUL byte' };
  for (const piece of name.split('\\')) {
    if (piece === '.') return { id: 'hasDot', detail: "a path component is '.'" };
    if (piece === '..') return { id: 'hasDotdot', detail: "a path component is '..'" };
    if (isDotgit(piece)) return { id: 'hasDotgit', detail: "a path component is '.git' or one of its NTFS/HFS+ spellings" };
  }
  return null;
}

/** Checks a slash-separated path (as a patch names it): not absolute, no empty or refused component. */
export function checkPath(path: string, options: { symlink?: boolean } = {}): void {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) throw fsckError('fullPathname', path, 'an absolute path');
  for (const component of path.split('/')) {
    const problem = componentProblem(component);
    if (problem) throw fsckError(problem.id, path, problem.detail);
  }
  if (options.symlink && isGitmodulesName(path.split('/').at(-1)!)) throw fsckError('gitmodulesSymlink', path, '.gitmodules is a symbolic link');
}
