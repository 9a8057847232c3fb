// Bringing in the private fix commits: from a bundle (its objects are copied into the
// encrypted store, the pack itself is never kept) or from an mbox patch series applied as
// `git am` would. The commits must form one line of history on top of upstream history.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmbargoError } from '../../shared/errors.ts';
import { LIMITS, checkLimit } from '../../shared/limits.ts';
import { readBundleHeader } from './git/bundle.ts';
import { indexPack } from './git/index-pack.ts';
import { commitSubject, formatIdentity, serializeCommit, type GitObject, type Identity } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { applyToTree, parsePatch } from './apply-patch.ts';
import { fsckObjects } from './fsck/index.ts';
import { parseMail, splitMbox } from './mbox.ts';
import { diffTrees } from './trees.ts';
import { firstReachableFromUpstream } from './upstream-reach.ts';
import type { BranchState } from './store/state.ts';

export interface ImportedFix {
  base: string;
  commits: string[];
}

export function isBundleFile(path: string): boolean {
  const head = Buffer.alloc(16);
  const bytes = readFileSync(path).subarray(0, 16);
  bytes.copy(head);
  return head.toString('latin1').startsWith('# v2 git bundle') || head.toString('latin1').startsWith('# v3 git bundle');
}

export function fixFromBundle(ws: CaseWorkspace, path: string, refName?: string): ImportedFix {
  const file = resolve(path);
  checkLimit('fix bundle', LIMITS.bundleBytes, statSync(file).size, 'bytes');
  const header = readBundleHeader(file);
  for (const prerequisite of header.prerequisites) {
    if (!ws.isUpstream(prerequisite.sha)) {
      throw new EmbargoError('BundlePrerequisiteMissing', `The fix bundle needs commit ${prerequisite.sha}, which the upstream repository does not have.`, {
        sha: prerequisite.sha,
      });
    }
  }
  const objects = new Map<string, GitObject>();
  indexPack(file, header.packStart, { external: (sha) => ws.read(sha), onObject: (sha, object) => objects.set(sha, object) });
  // What `git fetch` with transfer.fsckObjects does: every object the bundle brings, strictly.
  fsckObjects(objects, { strict: true, read: (sha) => ws.read(sha) });
  const candidates = header.refs.filter((r) => r.name !== 'HEAD' && (!refName || r.name === refName || r.name === `refs/heads/${refName}`));
  if (candidates.length !== 1) {
    throw new EmbargoError('InvalidInput', refName ? `The bundle has no ref ${refName}.` : `The bundle has ${candidates.length} refs; name the fix branch with --ref.`, {
      refs: header.refs.map((r) => r.name),
    });
  }
  // The line of commits back from the tip, until a merge, a root, a missing commit or the cap.
  const line: string[] = [];
  let stop: 'missing' | 'parents' | 'long' = 'long';
  let parentCount = 0;
  for (let current: string = candidates[0]!.sha; line.length <= LIMITS.fixCommits + 1; ) {
    const object = objects.get(current) ?? ws.read(current);
    if (!object || object.type !== 'commit') {
      stop = 'missing';
      line.push(current);
      break;
    }
    line.push(current);
    const found: string[] = [...object.data.toString('utf8').split('\n\n')[0]!.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
    if (found.length !== 1) {
      stop = 'parents';
      parentCount = found.length;
      break;
    }
    current = found[0]!;
  }
  // Upstream history is what the upstream refs reach, as git sees it, not what the clone stores.
  const base = firstReachableFromUpstream(ws, line);
  const index = base === null ? line.length - 1 : line.indexOf(base);
  if (index > LIMITS.fixCommits) throw new EmbargoError('FixNotLinear', `The fix has more than ${LIMITS.fixCommits} commits.`, {});
  if (base === null) {
    const last = line.at(-1)!;
    if (stop === 'missing') throw new EmbargoError('BundleInvalid', `The bundle lacks commit ${last} of the fix.`, { sha: last });
    if (stop === 'parents') {
      throw new EmbargoError('FixNotLinear', `Fix commit ${last} has ${parentCount} parents; the fix must be a straight line of commits.`, { sha: last });
    }
    throw new EmbargoError('FixNotLinear', `The fix has more than ${LIMITS.fixCommits} commits.`, {});
  }
  const commits = line.slice(0, index).reverse();
  const current = base;
  // Copy everything the bundle brought that upstream lacks, so every fix object is sealed.
  for (const object of objects.values()) ws.write(object.type, object.data);
  // A fix commit the upstream clone stores unreachably is sealed too: upstream may drop it.
  for (const sha of commits) if (ws.isUpstream(sha)) ws.write('commit', ws.readObject(sha, 'commit').data, true);
  // Every object the fix's trees reach must now be readable (the bundle may be thin).
  for (const sha of commits) for (const change of diffTrees(ws, ws.readCommit(ws.readCommit(sha).parents[0]!).tree, ws.readCommit(sha).tree)) {
    if (change.after) ws.readObject(change.after.sha);
  }
  return { base: current, commits };
}

export interface CommitterOption {
  name: string;
  email: string;
}

/**
 * Applies an mbox series onto `base`, one commit per mail, as `git am` would. The committer
 * is `committer` (or the author) with the author's date, like `git am
 * --committer-date-is-author-date`; a mail without a date is dated `now`.
 */
export function fixFromMbox(ws: CaseWorkspace, bytes: Buffer, base: string, committer?: CommitterOption, now: Date = new Date()): ImportedFix {
  checkLimit('mbox', LIMITS.mboxBytes, bytes.length, 'bytes');
  const raws = splitMbox(bytes);
  checkLimit('mbox', LIMITS.mailsPerMbox, raws.length, 'mails');
  const mails = raws.map((raw, i) => parseMail(raw, i, now)).filter((mail) => mail !== null);
  if (mails.length === 0) throw new EmbargoError('MboxInvalid', 'The patch series holds no mail with a patch.', {});
  const commits: string[] = [];
  let parent = base;
  for (const [i, mail] of mails.entries()) {
    const files = parsePatch(mail.patch);
    if (files.length === 0) throw new EmbargoError('MboxInvalid', `Mail ${i + 1} ("${mail.subject}") holds no patch.`, { mail: i + 1 });
    const { tree } = applyToTree(ws, ws.readCommit(parent).tree, files);
    const author: Identity = mail.author;
    const committerIdentity: Identity = committer ? { ...committer, timestamp: author.timestamp, tzOffset: author.tzOffset } : author;
    const sha = ws.write(
      'commit',
      serializeCommit({ tree, parents: [parent], author, committer: committerIdentity, extraHeaders: [], message: mail.message }),
    );
    commits.push(sha);
    parent = sha;
  }
  return { base, commits };
}

export function describeFixCommit(ws: CaseWorkspace, sha: string) {
  const commit = ws.readCommit(sha);
  const parent = ws.readCommit(commit.parents[0]!);
  return {
    sha,
    parent: commit.parents[0]!,
    subject: commitSubject(commit.message),
    author: formatIdentity(commit.author).replace(/ \d+ [+-]\d{4}$/, ''),
    authoredAt: new Date(commit.author.timestamp * 1000).toISOString(),
    paths: diffTrees(ws, parent.tree, commit.tree).map((c) => c.path),
  };
}

/**
 * Makes an imported fix the case's fix: its commits (keeping the LGTMs of commits that stay
 * the same) and the `fix` branch in front of the others. The caller saves the workspace.
 */
export function installFix(ws: CaseWorkspace, imported: ImportedFix, source: 'bundle' | 'mbox', now: Date): void {
  const previous = new Map((ws.state.fix?.commits ?? []).map((c) => [c.sha, c.lgtms]));
  ws.state.fix = {
    source,
    importedAt: now.toISOString(),
    base: imported.base,
    commits: imported.commits.map((sha) => ({ ...describeFixCommit(ws, sha), lgtms: previous.get(sha) ?? [] })),
  };
  const fixBranch: BranchState = {
    name: 'fix',
    kind: 'fix',
    from: 'fix',
    base: imported.base,
    tip: imported.commits[imported.commits.length - 1]!,
    commits: imported.commits.map((sha) => ({ fix: sha, result: sha })),
    status: 'clean',
    conflicts: [],
    pinned: null,
    pinChanges: [],
  };
  ws.state.branches = [fixBranch, ...ws.state.branches.filter((b) => b.kind !== 'fix')];
}
