// git's fsck rules in one place: each object we read from outside or write is checked here
// before it can be stored, and a refusal names git's fsck message id and the path.
import type { GitObject } from '../git/objects.ts';
import { checkCommit } from './commit-rules.ts';
import { fsckError } from './fsck-error.ts';
import { checkGitmodules } from './gitmodules-rules.ts';
import { checkTree, parseRawTree } from './tree-rules.ts';

export { fsckError, type FsckMessageId } from './fsck-error.ts';
export { checkPath, componentProblem, isGitmodulesName } from './path-rules.ts';
export { checkTree } from './tree-rules.ts';
export { checkCommit } from './commit-rules.ts';
export { checkGitmodules } from './gitmodules-rules.ts';

export interface FsckOptions {
  strict: boolean;
  /** Where the object sits (a tree's path), for messages. */
  path?: string;
  /** Looks up an object (for the blobs a tree names `.gitmodules`); a missing one is not checked here. */
  read?: (sha: string) => GitObject | null;
}

/** Checks one object by git's fsck rules; throws FsckFailed naming the rule. */
export function fsckObject(sha: string, object: GitObject, options: FsckOptions): void {
  if (object.type === 'commit') checkCommit(object.data, sha);
  else if (object.type === 'tree') {
    const { gitmodules } = checkTree(object.data, { strict: options.strict, path: options.path, object: sha });
    for (const entry of gitmodules) {
      const blob = options.read?.(entry.sha);
      if (!blob) continue;
      if (blob.type !== 'blob') throw fsckError('gitmodulesBlob', entry.path, '.gitmodules is not a file', sha);
      checkGitmodules(blob.data, entry.path, entry.sha);
    }
  }
}

/** Checks every object of a set (a bundle's pack), looking `.gitmodules` blobs up in the set first. */
export function fsckObjects(objects: Map<string, GitObject>, options: Omit<FsckOptions, 'path'>): void {
  const read = (sha: string) => objects.get(sha) ?? options.read?.(sha) ?? null;
  for (const [sha, object] of objects) fsckObject(sha, object, { ...options, read });
}

/**
 * Checks a whole tree, depth first, each subtree once (`seen` is shared across calls): used
 * where a tree arrives from outside and is not read entry by entry (an upstream clone's tip).
 */
export function fsckTreeWalk(read: (sha: string) => GitObject | null, treeSha: string, options: { strict: boolean; seen: Set<string> }, path = ''): void {
  if (options.seen.has(treeSha)) return;
  const object = read(treeSha);
  if (!object) return;
  options.seen.add(treeSha);
  if (object.type !== 'tree') throw fsckError('badTree', path, `a tree entry points at a ${object.type}`, treeSha);
  fsckObject(treeSha, object, { strict: options.strict, path, read });
  for (const entry of parseRawTree(object.data, treeSha)) {
    if (entry.mode.replace(/^0+/, '') === '40000') fsckTreeWalk(read, entry.sha, options, path ? `${path}/${entry.name.toString('utf8')}` : entry.name.toString('utf8'));
  }
}
