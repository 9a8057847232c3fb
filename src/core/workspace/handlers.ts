// The workspace's contract methods. Each opens the case's workspace under a per-case lock,
// works in memory, seals new objects and the state, then appends the timeline events; a
// failure anywhere before the seal leaves the vault as it was.
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Handlers, WorkspaceBranchResult } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, readCase, type EventDraft } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';
import type { Identity } from './git/objects.ts';
import { peel } from './git/repository.ts';
import { CaseWorkspace } from './case-workspace.ts';
import { withCaseWorkspace } from './with-workspace.ts';
import {
  buildBranch,
  branchCommits,
  cherryPickTarget,
  defaultTargets,
  patchReleaseTarget,
  requireFix,
  resolveBranch,
  type BuildOutcome,
} from './branches.ts';
import type { ExportEncryptor } from './encryption.ts';
import { exportBundle } from './export-bundle.ts';
import { exportPatches, selectBranches } from './export-patches.ts';
import { readFileWithin } from '../util/read-limited.ts';
import { LIMITS } from '../../shared/limits.ts';
import { fixFromBundle, fixFromMbox, installFix } from './import-fix.ts';
import { importBundle, importClone } from './import-upstream.ts';
import { leakLint } from './leak-lint.ts';
import { isRelevantOwner, OwnersResolver } from './owners.ts';
import { writeOutputFile } from './output-file.ts';
import { reportProgress } from './progress.ts';
import type { BranchState, WorkspaceState } from './store/state.ts';
import { verifyRelease } from './verify-release.ts';
import { addDelivery, commitmentEvent } from './commitment.ts';

type WorkspaceHandlers = Pick<
  Handlers,
  | 'workspace.status'
  | 'workspace.import'
  | 'workspace.fix'
  | 'workspace.lgtm'
  | 'workspace.releaseBranches'
  | 'workspace.cherryPick'
  | 'workspace.resolve'
  | 'workspace.exportPatches'
  | 'workspace.exportBundle'
  | 'workspace.verifyRelease'
  | 'workspace.lint'
>;

export interface WorkspaceOptions {
  /** The keyring's encryption, once it is wired; without it, encrypted exports are refused. */
  encryptor?: () => ExportEncryptor | null;
}

function isBundle(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    closeSync(fd);
    return /^# v[23] git bundle/.test(head.toString('latin1'));
  } catch {
    return false;
  }
}

function ensureDirectory(dir: string): void {
  const found = statSync(dir, { throwIfNoEntry: false });
  if (found && !found.isDirectory()) throw new EmbargoError('InvalidInput', `${dir} exists and is not a directory.`, { path: dir });
  if (!found) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function requireFile(path: string, what: string): void {
  try {
    if (statSync(path).isFile()) return;
  } catch {
    // fall through
  }
  throw new EmbargoError('NotFound', `No ${what} at ${path}.`, { what, id: path });
}

/** Is every fix commit approved by a relevant OWNERS assignee? (for the process engine) */
export function fixLgtmComplete(state: WorkspaceState): boolean {
  return state.fix !== null && state.fix.commits.length > 0 && state.fix.commits.every((c) => c.lgtms.some((l) => l.owner));
}

/** Reads only the workspace state of a case and answers `fixLgtmComplete` (for the process engine). */
export async function isFixComplete(session: CoreSession, caseId: string): Promise<boolean> {
  const ws = await CaseWorkspace.open(session.vault(), caseId).catch(() => null);
  if (!ws) return false;
  try {
    return fixLgtmComplete(ws.state);
  } finally {
    ws.close();
  }
}

function branchResult(branch: BranchState): WorkspaceBranchResult {
  return {
    branch: branch.name,
    kind: branch.kind,
    from: branch.from,
    base: branch.base,
    tip: branch.tip,
    status: branch.status,
    commits: branchCommits(branch),
    conflicts: branch.conflicts,
    pinned: branch.pinned !== null,
    pinChanges: branch.pinChanges,
  };
}

function committerFor(ws: CaseWorkspace, option: { name: string; email: string } | undefined, now: Date): Identity {
  const fallback = ws.readCommit(requireFix(ws).commits[0]!.sha).committer;
  return { name: option?.name ?? fallback.name, email: option?.email ?? fallback.email, timestamp: Math.floor(now.getTime() / 1000), tzOffset: 0 };
}

function buildEvents(outcomes: BuildOutcome[]): EventDraft[] {
  const events: EventDraft[] = [];
  for (const { branch, created, pinChange, reusedPin } of outcomes) {
    if (reusedPin) continue;
    events.push({
      type: 'workspace.cherry-picked',
      data: { branch: branch.name, from: branch.from, status: branch.status, commits: created, conflicts: branch.conflicts.map((c) => c.path) },
    });
    if (branch.pinned && branch.status !== 'conflict') events.push({ type: 'workspace.pinned', data: { branch: branch.name, tip: branch.pinned.tip } });
    if (pinChange) events.push({ type: 'workspace.pin-changed', data: { branch: branch.name, ...pinChange } });
  }
  return events;
}

export function workspaceHandlers(session: CoreSession, options: WorkspaceOptions = {}): WorkspaceHandlers {
  const withWorkspace = <T>(caseId: string, body: (ws: CaseWorkspace) => Promise<T>): Promise<T> => withCaseWorkspace(session, caseId, body);

  async function record(caseId: string, events: EventDraft[]): Promise<void> {
    if (events.length === 0) return;
    await mutateCase(session.cases(), caseId, (fields) => fields, () => events);
  }

  async function cveOf(caseId: string): Promise<string | null> {
    return (await readCase(session.cases(), caseId)).case.cve;
  }

  async function encryptIfAsked(bytes: Buffer, recipients: string[], sign: boolean): Promise<Buffer> {
    if (recipients.length === 0) return bytes;
    const encryptor = options.encryptor?.() ?? null;
    if (!encryptor) {
      throw new EmbargoError('EncryptionUnavailable', 'Encrypting exports needs the keyring, which is not available in this build.', {});
    }
    return Buffer.from(await encryptor.encrypt(bytes, recipients, { sign }));
  }

  /**
   * The manifest of a patch export: every file's name and SHA-256 (of the patch as git am
   * reads it, i.e. after decryption) and the commits and patch-ids per branch. Encrypted
   * exports carry it encrypted and signed to the same recipients; a signed clear export gets a
   * detached signature beside it.
   */
  async function signedManifest(
    entries: { file: string; branch: string; sha256: string; commits: string[]; patchIds: string[] }[],
    recipients: string[],
    sign: boolean,
  ): Promise<{ name: string; bytes: Buffer }[]> {
    if (recipients.length === 0 && !sign) return [];
    const bytes = Buffer.from(`${JSON.stringify({ format: 'embargo-patch-manifest', version: 1, files: entries }, null, 2)}\n`, 'utf8');
    // signed only when asked: encrypting to a distributor needs no key of our own
    if (recipients.length > 0) return [{ name: 'MANIFEST.json.asc', bytes: await encryptIfAsked(bytes, recipients, sign) }];
    const encryptor = options.encryptor?.() ?? null;
    if (!encryptor) throw new EmbargoError('EncryptionUnavailable', 'Signing exports needs the keyring, which is not available in this build.', {});
    return [
      { name: 'MANIFEST.json', bytes },
      { name: 'MANIFEST.json.sig', bytes: Buffer.from(await encryptor.signDetached(bytes), 'utf8') },
    ];
  }

  function ownersView(ws: CaseWorkspace) {
    const fix = ws.state.fix;
    if (!fix) return { perCommit: new Map<string, { approvers: string[]; reviewers: string[] }>(), team: [] as string[] };
    const resolver = new OwnersResolver(ws, ws.readCommit(fix.base).tree);
    const perCommit = new Map(fix.commits.map((c) => [c.sha, resolver.ownersOfPaths(c.paths)]));
    const team = new Set<string>();
    for (const owners of perCommit.values()) [...owners.approvers, ...owners.reviewers].forEach((n) => team.add(n));
    return { perCommit, team: [...team].sort() };
  }

  return {
    'workspace.status': async ({ id }) =>
      withWorkspace(id, async (ws) => {
        const { perCommit, team } = ownersView(ws);
        const upstream = ws.state.upstream;
        const refs = Object.keys(upstream?.refs ?? {});
        return {
          caseId: id,
          upstream: upstream
            ? {
                kind: upstream.kind,
                path: upstream.path,
                importedAt: upstream.importedAt,
                defaultBranch: upstream.defaultBranch,
                branches: refs.filter((r) => r.startsWith('refs/heads/')).length,
                tags: refs.filter((r) => r.startsWith('refs/tags/')).length,
                objects: upstream.objects,
                available: ws.hasUpstream,
              }
            : null,
          fix: ws.state.fix
            ? {
                base: ws.state.fix.base,
                source: ws.state.fix.source,
                importedAt: ws.state.fix.importedAt,
                commits: ws.state.fix.commits.map((c) => ({
                  sha: c.sha,
                  parent: c.parent,
                  subject: c.subject,
                  author: c.author,
                  authoredAt: c.authoredAt,
                  paths: c.paths,
                  approvals: c.lgtms,
                  owners: perCommit.get(c.sha) ?? { approvers: [], reviewers: [] },
                  approved: c.lgtms.some((l) => l.owner),
                })),
              }
            : null,
          fixComplete: fixLgtmComplete(ws.state),
          suggestedFixTeam: team,
          branches: ws.state.branches.map(branchResult),
          exports: ws.state.exports.map((e) => ({ kind: e.kind, at: e.at, files: e.files, encryptedTo: e.encryptedTo })),
          lintWords: ws.state.lintWords,
        };
      }),

    'workspace.import': async ({ id, upstream }) => {
      const path = resolve(upstream);
      const result = await withWorkspace(id, async (ws) => {
        const now = session.ports.now();
        const imported = isBundle(path)
          ? await importBundle(session.vault(), id, path, now, (p) => reportProgress({ operation: 'import', ...p }))
          : importClone(path, now);
        ws.setUpstream(imported.source);
        ws.state.upstream = imported.state;
        await ws.save();
        return imported.state;
      });
      const refs = Object.keys(result.refs);
      const summary = {
        kind: result.kind,
        path: result.path,
        defaultBranch: result.defaultBranch,
        branches: refs.filter((r) => r.startsWith('refs/heads/')).length,
        tags: refs.filter((r) => r.startsWith('refs/tags/')).length,
        objects: result.objects,
      };
      await record(id, [{ type: 'workspace.upstream-imported', data: summary }]);
      return summary;
    },

    'workspace.fix': async ({ id, from, ref, base, committer }) => {
      const path = resolve(from);
      requireFile(path, 'fix bundle or mbox');
      const out = await withWorkspace(id, async (ws) => {
        const upstream = ws.requireUpstream();
        let imported;
        if (isBundle(path)) imported = fixFromBundle(ws, path, ref);
        else {
          const baseName = base ?? upstream.defaultBranch;
          if (!baseName) throw new EmbargoError('InvalidInput', 'The upstream repository has no main or master branch; name the base with --base.', {});
          const baseSha =
            upstream.refs[baseName] ??
            upstream.refs[`refs/heads/${baseName}`] ??
            upstream.refs[`refs/tags/${baseName}`] ??
            (/^[0-9a-f]{40}$/.test(baseName) ? peel({ read: (s) => ws.read(s), has: (s) => ws.read(s) !== null }, baseName).sha : undefined);
          if (!baseSha) throw new EmbargoError('NotFound', `No branch, tag or commit ${baseName} upstream.`, { what: 'base', id: baseName });
          imported = fixFromMbox(ws, readFileWithin(path, LIMITS.mboxBytes, 'mbox'), baseSha, committer, session.ports.now());
        }
        installFix(ws, imported, isBundle(path) ? 'bundle' : 'mbox', session.ports.now());
        await ws.save();
        return imported;
      });
      await record(id, [{ type: 'workspace.fix-imported', data: { base: out.base, commits: out.commits } }]);
      return out;
    },

    'workspace.lgtm': async ({ id, commit, by }) => {
      const result = await withWorkspace(id, async (ws) => {
        const fix = requireFix(ws);
        const matches = fix.commits.filter((c) => c.sha.startsWith(commit));
        if (matches.length !== 1) {
          throw new EmbargoError(matches.length === 0 ? 'NotFound' : 'InvalidInput', matches.length === 0 ? `No fix commit ${commit}.` : `${commit} names several fix commits.`, {
            what: 'commit',
            id: commit,
          });
        }
        const target = matches[0]!;
        const owners = ownersView(ws).perCommit.get(target.sha) ?? { approvers: [], reviewers: [] };
        const owner = isRelevantOwner(owners, by);
        const at = session.ports.now().toISOString();
        const name = by.trim().replace(/^@/, '');
        const lgtms = [...target.lgtms.filter((l) => l.by.toLowerCase() !== name.toLowerCase()), { by: name, at, owner }];
        ws.state.fix = { ...fix, commits: fix.commits.map((c) => (c.sha === target.sha ? { ...c, lgtms } : c)) };
        await ws.save();
        return { commit: target.sha, approvals: lgtms, approved: lgtms.some((l) => l.owner), fixComplete: fixLgtmComplete(ws.state), owner, by: name };
      });
      await record(id, [{ type: 'workspace.lgtm', data: { commit: result.commit, by: result.by, owner: result.owner } }]);
      if (result.fixComplete) await record(id, [{ type: 'workspace.fix-complete', data: { commits: result.approvals.length } }]);
      const { owner: _o, by: _b, ...output } = result;
      return output;
    },

    'workspace.releaseBranches': async ({ id, minors, committer }) => {
      const { results, events } = await withWorkspace(id, async (ws) => {
        const now = session.ports.now();
        const identity = committerFor(ws, committer, now);
        const targets = minors.map((minor) => patchReleaseTarget(ws, minor.replace(/^v/, '')));
        const outcomes = targets.map((target) => buildBranch(ws, target, identity, now));
        await ws.save();
        const events: EventDraft[] = outcomes
          .filter((o) => !o.reusedPin)
          .map((o) => ({ type: 'workspace.branch-created', data: { branch: o.branch.name, from: o.branch.from, base: o.branch.base } }));
        return { results: outcomes.map((o) => ({ name: o.branch.name, ...branchResult(o.branch) })), events: [...events, ...buildEvents(outcomes)] };
      });
      await record(id, events);
      return { branches: results };
    },

    'workspace.cherryPick': async ({ id, onto, committer, force }) => {
      const { results, events } = await withWorkspace(id, async (ws) => {
        requireFix(ws);
        const now = session.ports.now();
        const identity = committerFor(ws, committer, now);
        const targets = onto && onto.length > 0 ? onto.map((name) => cherryPickTarget(ws, name)) : defaultTargets(ws);
        const outcomes = targets.map((target) => buildBranch(ws, target, identity, now, force));
        await ws.save();
        return { results: outcomes.map((o) => branchResult(o.branch)), events: buildEvents(outcomes) };
      });
      await record(id, events);
      return results;
    },

    'workspace.resolve': async ({ id, branch, patch, committer, force }) => {
      const path = resolve(patch);
      requireFile(path, 'patch series');
      const { result, events } = await withWorkspace(id, async (ws) => {
        const outcome = resolveBranch(ws, branch, readFileWithin(path, LIMITS.mboxBytes, 'patch series'), committer, session.ports.now(), force);
        await ws.save();
        return { result: branchResult(outcome.branch), events: buildEvents([outcome]) };
      });
      await record(id, events);
      return result;
    },

    'workspace.exportPatches': async ({ id, branches, output, encryptTo, sign }) => {
      const dir = resolve(output);
      const cve = await cveOf(id);
      const { written, manifest, leftOut, commitment } = await withWorkspace(id, async (ws) => {
        const { files, leftOut } = exportPatches(ws, selectBranches(ws, branches), cve);
        // like `git format-patch -o DIR`: the directory is made when it is missing
        ensureDirectory(dir);
        const written: string[] = [];
        const sealed: { name: string; bytes: Buffer }[] = [];
        for (const file of files) {
          const name = encryptTo.length > 0 ? `${file.name}.asc` : file.name;
          sealed.push({ name, bytes: await encryptIfAsked(file.bytes, encryptTo, sign) });
        }
        const manifestEntries = files.map((f) => ({ file: f.name, branch: f.branch, sha256: f.sha256, commits: f.commits, patchIds: f.patchIds }));
        sealed.push(...(await signedManifest(manifestEntries, encryptTo, sign)));
        for (const { name, bytes } of sealed) {
          const target = join(dir, name);
          writeOutputFile(target, (sink) => sink(bytes));
          written.push(target);
        }
        const at = session.ports.now().toISOString();
        ws.state.exports.push({
          kind: 'patches',
          at,
          files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
          branches: files.map((f) => ({ name: f.branch, commits: f.commits, patchIds: f.patchIds })),
          encryptedTo: encryptTo,
        });
        // to distributors (encrypted): the signed commitment records what they were given
        const commitment = encryptTo.length > 0 && files.length > 0 ? await addDelivery(session, ws, { via: 'patches', to: [], keys: encryptTo, files }) : null;
        await ws.save();
        return {
          commitment,
          written,
          manifest: files.map((f) => ({ file: f.name, branch: f.branch, sha256: f.sha256, commits: f.commits, patchIds: f.patchIds })),
          leftOut,
        };
      });
      await record(id, [
        {
          type: 'workspace.exported',
          data: { kind: 'patches', files: manifest.map((m) => ({ name: m.file, sha256: m.sha256, branch: m.branch })), encryptedTo: encryptTo, leftOut: leftOut.map((l) => l.branch) },
        },
        ...(commitment ? [commitmentEvent(commitment)] : []),
      ]);
      return { files: written, manifest, leftOut };
    },

    'workspace.exportBundle': async ({ id, output, branches, full, encryptTo, sign }) => {
      const target = resolve(output);
      const result = await withWorkspace(id, async (ws) => {
        const selected = selectBranches(ws, branches ?? ws.state.branches.map((b) => b.name)).filter((b) => b.status !== 'conflict' || b.kind === 'fix');
        if (selected.length === 0) throw new EmbargoError('WorkspaceNotReady', 'The case has no branches to bundle yet.', {});
        let meta;
        if (encryptTo.length > 0) {
          const chunks: Buffer[] = [];
          meta = exportBundle(ws, selected, (c) => chunks.push(Buffer.from(c)), full);
          const bytes = await encryptIfAsked(Buffer.concat(chunks), encryptTo, sign);
          writeOutputFile(target, (sink) => sink(bytes));
        } else {
          writeOutputFile(target, (sink) => {
            meta = exportBundle(ws, selected, sink, full);
          });
        }
        const done = meta!;
        ws.state.exports.push({
          kind: 'bundle',
          at: session.ports.now().toISOString(),
          files: [{ name: target, sha256: done.sha256 }],
          branches: selected.map((b) => ({ name: b.name, commits: branchCommits(b), patchIds: [] })),
          encryptedTo: encryptTo,
        });
        await ws.save();
        return { output: target, refs: done.refs, prerequisites: done.prerequisites, sha256: done.sha256 };
      });
      await record(id, [{ type: 'workspace.exported', data: { kind: 'bundle', file: target, refs: result.refs, full, encryptedTo: encryptTo } }]);
      return result;
    },

    'workspace.verifyRelease': async ({ id, bundle }) => {
      const path = resolve(bundle);
      requireFile(path, 'bundle');
      const report = await withWorkspace(id, async (ws) => verifyRelease(ws, path));
      await record(id, [
        {
          type: 'workspace.release-verified',
          data: {
            ok: report.ok,
            missing: report.branches.flatMap((b) => b.commits.filter((c) => !c.merged).map((c) => `${b.branch}:${c.sha}`)),
            changedShas: report.branches.flatMap((b) => b.commits.filter((c) => c.merged && !c.sameSha).map((c) => `${b.branch}:${c.sha}->${c.merged}`)),
          },
        },
      ]);
      return report;
    },

    'workspace.lint': async ({ id, words, save }) => {
      const cve = await cveOf(id);
      return withWorkspace(id, async (ws) => {
        if (save && words) {
          ws.state.lintWords = [...new Set([...ws.state.lintWords, ...words])];
          await ws.save();
        }
        const findings = leakLint(ws, cve, words ?? []);
        return { ok: findings.length === 0, findings };
      });
    },
  };
}

