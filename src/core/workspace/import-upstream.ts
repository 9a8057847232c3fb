// Attaching the upstream repository to a case without the network: a local clone is read in
// place (its history is public); a bundle is read in place too, after indexing its pack (the
// index, a list of public object ids, is sealed in the vault with the case key).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import type { Vault } from '../vault/vault.ts';
import { readBundleHeader } from './git/bundle.ts';
import { checkCommit, checkGitmodules, checkTree, fsckError, fsckTreeWalk } from './fsck/index.ts';
import type { GitObject } from './git/objects.ts';
import { indexPack, type IndexProgress } from './git/index-pack.ts';
import { PackIndex } from './git/pack-index.ts';
import { PackFile } from './git/pack-reader.ts';
import { ObjectDirectory, findGitDir, peel, readRefs, type ObjectSource } from './git/repository.ts';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { UpstreamState } from './store/state.ts';

export const UPSTREAM_IDX_BLOB = 'workspace-upstream-idx';

export interface UpstreamImport {
  state: UpstreamState;
  source: ObjectSource & { close(): void };
}

function defaultBranch(refs: Record<string, string>, head: string | null): string | null {
  if (head && head.startsWith('refs/heads/') && refs[head]) return head;
  for (const name of ['refs/heads/main', 'refs/heads/master']) if (refs[name]) return name;
  return null;
}

function peeledRefs(source: ObjectSource, raw: Iterable<[string, string]>): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const [name, sha] of raw) {
    if (!name.startsWith('refs/heads/') && !name.startsWith('refs/tags/') && !name.startsWith('refs/remotes/')) continue;
    try {
      const target = peel(source, sha);
      if (target.type === 'commit') refs[name] = target.sha;
    } catch {
      // a ref to an object the repository lacks is skipped, as git would refuse it too
    }
  }
  return refs;
}

function checkObjectFormat(gitDir: string): void {
  const config = join(gitDir, 'config');
  if (!existsSync(config)) return;
  const text = readFileSync(config, 'utf8');
  if (/objectformat\s*=\s*sha256/i.test(text)) {
    throw new EmbargoError('UnsupportedFormat', 'The repository uses SHA-256 object names; only SHA-1 repositories are supported.', {});
  }
}

/**
 * A clone is read in place and may be large, so it is not walked whole: every ref's commit
 * and the default branch's whole tree are checked now, and every other tree when the case
 * first reads it (CaseWorkspace.readTree).
 */
function fsckClone(source: ObjectSource, refs: Record<string, string>, defaultRef: string | null): void {
  const read = (sha: string) => source.read(sha);
  for (const sha of new Set(Object.values(refs))) {
    const commit = read(sha);
    if (commit?.type === 'commit') checkCommit(commit.data, sha);
  }
  const tip = defaultRef ? read(refs[defaultRef]!) : null;
  const tree = tip ? /^tree ([0-9a-f]{40})/.exec(tip.data.toString('latin1'))?.[1] : undefined;
  if (tree) fsckTreeWalk(read, tree, { strict: false, seen: new Set() });
}

/** Upstream bundle objects as `git clone` with transfer.fsckObjects sees them (plain, not --strict: old history). */
function upstreamBundleChecker(): { onObject(sha: string, object: GitObject): void; gitmodules: Map<string, string> } {
  const gitmodules = new Map<string, string>();
  return {
    gitmodules,
    onObject(sha, object) {
      if (object.type === 'commit') checkCommit(object.data, sha);
      else if (object.type === 'tree') for (const found of checkTree(object.data, { strict: false, object: sha }).gitmodules) gitmodules.set(found.sha, found.path);
    },
  };
}

export function importClone(path: string, now: Date): UpstreamImport {
  const gitDir = findGitDir(path);
  checkObjectFormat(gitDir);
  const source = new ObjectDirectory(join(gitDir, 'objects'));
  const { refs: raw, head } = readRefs(gitDir);
  const refs = peeledRefs(source, raw);
  // remote-tracking branches count as branches when the clone has no local ones of that name
  for (const [name, sha] of Object.entries(refs)) {
    const m = /^refs\/remotes\/[^/]+\/(.+)$/.exec(name);
    if (m && m[1] !== 'HEAD' && !refs[`refs/heads/${m[1]}`]) refs[`refs/heads/${m[1]}`] = sha;
    if (m) delete refs[name];
  }
  if (Object.keys(refs).length === 0) {
    source.close();
    throw new EmbargoError('NotARepository', `${path} has no branches or tags.`, { path });
  }
  try {
    fsckClone(source, refs, defaultBranch(refs, head));
  } catch (error) {
    source.close();
    throw error;
  }
  return {
    state: {
      kind: 'clone',
      path: resolve(path),
      importedAt: now.toISOString(),
      refs,
      defaultBranch: defaultBranch(refs, head),
      bundle: null,
      objects: source.objectCount(),
    },
    source,
  };
}

export async function importBundle(
  vault: Vault,
  caseId: string,
  path: string,
  now: Date,
  onProgress?: (progress: IndexProgress) => void,
): Promise<UpstreamImport> {
  const file = resolve(path);
  checkLimit('upstream bundle', LIMITS.upstreamBundleBytes, statSync(file).size, 'bytes');
  const header = readBundleHeader(file);
  if (header.prerequisites.length > 0) {
    throw new EmbargoError(
      'BundlePrerequisiteMissing',
      'The upstream bundle is incremental (it needs earlier history); create it with "git bundle create FILE --all".',
      { prerequisites: header.prerequisites.map((p) => p.sha) },
    );
  }
  const checker = upstreamBundleChecker();
  const indexed = indexPack(file, header.packStart, { onProgress, onObject: checker.onObject });
  const index = new PackIndex(indexed.idx);
  const pack = new PackFile(file, index, header.packStart);
  try {
    for (const [sha, where] of checker.gitmodules) {
      const blob = pack.has(sha) ? pack.readSha(sha) : null;
      if (blob && blob.type !== 'blob') throw fsckError('gitmodulesBlob', where, '.gitmodules is not a file', sha);
      if (blob) checkGitmodules(blob.data, where, sha);
    }
  } catch (error) {
    pack.close();
    throw error;
  }
  const source = { read: (sha: string) => pack.readSha(sha), has: (sha: string) => pack.has(sha), close: () => pack.close(), pack };
  const refs = peeledRefs(
    source,
    header.refs.map((r) => [r.name, r.sha] as [string, string]),
  );
  const headRef = header.refs.find((r) => r.name === 'HEAD');
  const head = headRef ? (Object.entries(refs).find(([name, sha]) => sha === headRef.sha && name.startsWith('refs/heads/'))?.[0] ?? null) : null;
  await vault.putBlob(caseId, UPSTREAM_IDX_BLOB, indexed.idx, vault.caseKey(caseId));
  return {
    state: {
      kind: 'bundle',
      path: file,
      importedAt: now.toISOString(),
      refs,
      defaultBranch: defaultBranch(refs, head),
      bundle: { packStart: header.packStart, checksum: indexed.checksum, size: statSync(file).size, idxBlob: UPSTREAM_IDX_BLOB },
      objects: indexed.count,
    },
    source,
  };
}
