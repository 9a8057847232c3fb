// `workspace.staleness`, `workspace.refresh`, `workspace.lastRefresh`: the branches left behind
// when the imported upstream moved, their rebuild on the new bases, the interdiff against the
// series the distributors have, and the "patches updated" draft. Like every workspace method:
// one per-case lock, work in memory, seal, then the timeline.
import type { Handlers, RefreshedBranch, RefreshResult } from '../../shared/contract/index.ts';
import { EmbargoError } from '../../shared/errors.ts';
import { mutateCase, type EventDraft } from '../cases/case-store.ts';
import type { CoreSession } from '../session.ts';
import type { Identity } from './git/objects.ts';
import type { CaseWorkspace } from './case-workspace.ts';
import { withCaseWorkspace } from './with-workspace.ts';
import { requireFix } from './branches.ts';
import { rangeDiff, renderRangeDiff, seriesPatch } from './interdiff.ts';
import { readRefresh, writeRefresh } from './refresh-store.ts';
import { assess, checkIdentity, distributedSeries, rebuild, type Rebuild } from './staleness.ts';
import type { BranchState } from './store/state.ts';

type RefreshHandlers = Pick<Handlers, 'workspace.staleness' | 'workspace.refresh' | 'workspace.lastRefresh'>;

function rebuiltState(ws: CaseWorkspace, outcome: Rebuild, now: Date): { branch: BranchState; pinChange: { from: string; to: string } | null } {
  const { branch: old, target } = outcome;
  const fix = requireFix(ws);
  const at = now.toISOString();
  const clean = outcome.state === 'moved';
  const pinChange = old.pinned && clean && old.pinned.tip !== outcome.tip ? { from: old.pinned.tip, to: outcome.tip } : null;
  const branch: BranchState = {
    name: target!.name,
    kind: old.kind,
    from: target!.from,
    base: target!.base,
    tip: outcome.tip,
    commits: fix.commits.map((c, i) => ({ fix: c.sha, result: outcome.commits[i] ?? null })),
    status: clean ? (old.status === 'resolved' ? 'resolved' : 'clean') : 'conflict',
    conflicts: outcome.conflicts,
    pinned: clean ? { tip: outcome.tip, commits: outcome.commits, at } : old.pinned,
    pinChanges: [...old.pinChanges, ...(pinChange ? [{ ...pinChange, at }] : [])],
  };
  return { branch, pinChange };
}

function describe(entry: RefreshedBranch): string {
  const rename = entry.name !== entry.branch ? ` (now ${entry.name})` : '';
  const where = entry.newBase ? entry.newBase.slice(0, 12) : '—';
  if (entry.state === 'gone') return `Branch ${entry.branch}: upstream no longer has what it was built on; it was left as it is.\n`;
  if (entry.state === 'conflict') {
    const paths = [...new Set(entry.conflicts.map((c) => c.path))].join(', ');
    return `Branch ${entry.branch}${rename}: no longer applies on ${where} (conflicts in ${paths}); an updated patch follows once it is resolved.\n`;
  }
  const head = `Branch ${entry.branch}${rename}: rebuilt on ${where} (was ${entry.base.slice(0, 12)})`;
  if (entry.comparedWith === 'nothing') return `${head}; nothing was built on it before.\n`;
  const same = entry.interdiff.every((e) => e.marker === '=');
  return `${head}${same ? ': the same patches as before.' : ':'}\n${renderRangeDiff(entry.interdiff)}`;
}

export function workspaceRefreshHandlers(session: CoreSession): RefreshHandlers {
  const withWorkspace = <T>(caseId: string, body: (ws: CaseWorkspace) => Promise<T>): Promise<T> => withCaseWorkspace(session, caseId, body);

  function built(ws: CaseWorkspace): BranchState[] {
    ws.requireUpstream();
    requireFix(ws);
    return ws.state.branches.filter((b) => b.kind !== 'fix');
  }

  return {
    'workspace.staleness': async ({ id }) =>
      withWorkspace(id, async (ws) => {
        const identity = checkIdentity(ws, session.ports.now());
        // picked in memory only: the workspace is never saved here
        const branches = built(ws).map((branch) => assess(ws, rebuild(ws, branch, identity)));
        return {
          caseId: id,
          upstreamImportedAt: ws.state.upstream?.importedAt ?? null,
          stale: branches.filter((b) => b.state !== 'current').length,
          branches,
        };
      }),

    'workspace.lastRefresh': async ({ id }) => {
      session.vault().caseKey(id);
      return readRefresh(session.vault(), id);
    },

    'workspace.refresh': async ({ id, branches: only, committer, draft }) => {
      const now = session.ports.now();
      const { record, events } = await withWorkspace(id, async (ws) => {
        const all = built(ws);
        if (only) {
          for (const name of only) {
            if (!all.some((b) => b.name === name)) throw new EmbargoError('NotFound', `The case has no branch ${name}.`, { what: 'branch', id: name });
          }
        }
        const fallback = checkIdentity(ws, now);
        const identity: Identity = committer ? { ...fallback, name: committer.name, email: committer.email } : fallback;
        const events: EventDraft[] = [];
        const refreshed: RefreshedBranch[] = [];
        for (const branch of all.filter((b) => !only || only.includes(b.name))) {
          const outcome = rebuild(ws, branch, identity);
          if (outcome.state === 'current') continue;
          const conflicts = outcome.conflicts.map((c) => ({ commit: c.commit, path: c.path, kind: c.kind }));
          if (outcome.state === 'gone') {
            refreshed.push({ branch: branch.name, name: branch.name, state: 'gone', status: 'unchanged', base: branch.base, newBase: null, comparedWith: 'nothing', interdiff: [], conflicts });
            continue;
          }
          const had = distributedSeries(ws, branch);
          const interdiff =
            outcome.state === 'moved' && had.from !== 'nothing'
              ? rangeDiff(
                  had.commits.map((sha, i) => seriesPatch(ws, sha, had.patchIds[i])),
                  outcome.commits.map((sha) => seriesPatch(ws, sha)),
                )
              : [];
          const { branch: next, pinChange } = rebuiltState(ws, outcome, now);
          ws.state.branches = ws.state.branches.map((b) => (b.name === branch.name ? next : b));
          refreshed.push({
            branch: branch.name,
            name: next.name,
            state: outcome.state,
            status: next.status,
            base: branch.base,
            newBase: next.base,
            comparedWith: outcome.state === 'moved' ? had.from : 'nothing',
            interdiff,
            conflicts,
          });
          events.push({
            type: 'workspace.refreshed',
            data: {
              branch: branch.name,
              name: next.name,
              from: next.from,
              base: next.base,
              previousBase: branch.base,
              status: next.status,
              commits: outcome.commits,
              conflicts: conflicts.map((c) => c.path),
              interdiff: interdiff.map((e) => `${e.old?.index ?? '-'}${e.marker}${e.new?.index ?? '-'}`),
            },
          });
          if (pinChange) events.push({ type: 'workspace.pin-changed', data: { branch: next.name, ...pinChange } });
        }
        const record = { at: now.toISOString(), branches: refreshed, interdiff: refreshed.map(describe).join('\n') };
        await ws.save();
        if (refreshed.length > 0) await writeRefresh(session.vault(), id, record);
        return { record, events };
      });
      if (events.length > 0) await mutateCase(session.cases(), id, (fields) => fields, () => events);
      const changed = record.branches.some((b) => b.state === 'moved' && (b.name !== b.branch || b.interdiff.some((e) => e.marker !== '=')));
      let made: RefreshResult['draft'] = null;
      let draftNote: string | null = null;
      if (!draft) draftNote = 'No draft was asked for.';
      else if (record.branches.length === 0) draftNote = 'Every branch is current: nothing to send.';
      else if (!changed) draftNote = 'No series the distributors have changed its patches: no email is needed.';
      else {
        const { createDraft } = await import('../mail/drafts.ts');
        try {
          const view = await createDraft(session, { caseId: id, template: 'patches-updated', context: {}, vars: {} });
          made = { id: view.id, subject: view.subject };
        } catch (error) {
          if (!(error instanceof EmbargoError) || error.code !== 'SenderUnknown') throw error;
          draftNote = `The branches were rebuilt, but no draft was made: ${error.message}`;
        }
      }
      return { ...record, draft: made, draftNote };
    },
  };
}
