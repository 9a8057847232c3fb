// Stale patches during a long embargo: after the upstream was imported again (or a new bundle),
// which built branches no longer sit on what the upstream offers and whether the fix still
// applies there; one button rebuilds them on the new bases, and the "patches updated" email to
// the distributors, with the interdiff, is one click away. The check itself changes nothing.
import { useState, type ReactElement } from 'react';
import type { RefreshResult, StaleBranch, WorkspaceStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { Notice } from '../../components/Notice.tsx';
import { useMailUi } from '../mail/mail-store.ts';
import { LongRun } from './LongRun.tsx';
import { shortSha } from './matrix.ts';
import { useLongAction } from './use-long-action.ts';

/** Only a case with an upstream, the fix and built branches can go stale. */
export function canGoStale(status: WorkspaceStatus): boolean {
  return status.upstream?.available === true && status.fix !== null && status.branches.some((b) => b.kind !== 'fix');
}

function describe(branch: StaleBranch): string {
  const onto = branch.newFrom && branch.newFrom !== branch.from ? `${branch.newFrom}` : `the new ${branch.from}`;
  switch (branch.state) {
    case 'gone':
      return `upstream no longer has ${branch.from}`;
    case 'conflict':
      return `no longer applies on ${onto} (conflicts in ${[...new Set(branch.conflicts.map((c) => c.path))].join(', ')})`;
    case 'moved':
      return `applies cleanly on ${onto}${branch.patchIdsSame ? ', same patches' : ', the patches change'}`;
    default:
      return 'current';
  }
}

export function StalePanel({ caseId, status }: { caseId: string; status: WorkspaceStatus }): ReactElement | null {
  const revision = useUi((ui) => ui.revision);
  const staleness = useQuery('workspace.staleness', { id: caseId }, revision);
  const action = useLongAction();
  const [result, setResult] = useState<RefreshResult | null>(null);
  const draftOpened = useMailUi((state) => state.draftOpened);
  const caseTabSelected = useUi((ui) => ui.caseTabSelected);

  const value = staleness.value;
  const stale = value?.branches.filter((b) => b.state !== 'current') ?? [];
  if (staleness.status === 'error') return <Notice tone="error">{staleness.error.message}</Notice>;
  if (stale.length === 0 && !result) return null;

  function openDraft(id: string): void {
    draftOpened(caseId, id);
    caseTabSelected('mail');
  }

  return (
    <section className="panel ws-panel ws-stale" aria-labelledby="ws-stale-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="ws-stale-heading">
          Stale patches
        </h2>
        {stale.length > 0 ? <span className="badge badge--danger">{stale.length} stale</span> : <span className="badge badge--verified">Current</span>}
      </div>
      <div className="panel__body ws-panel__body">
        {stale.length > 0 ? (
          <Notice tone="warning">
            The upstream moved since {stale.length === 1 ? 'this branch was' : 'these branches were'} built
            {status.upstream ? ` (imported again ${status.upstream.importedAt.slice(0, 10)})` : ''}: what the distributors have no longer matches it.
          </Notice>
        ) : null}
        {stale.length > 0 ? (
          <ul className="ws-findings" aria-label="Stale branches">
            {stale.map((branch) => (
              <li key={branch.branch} data-state={branch.state}>
                <span className="mono">{branch.branch}</span>
                {branch.newName ? (
                  <>
                    {' '}
                    → <span className="mono">{branch.newName}</span>
                  </>
                ) : null}{' '}
                <span className={`branch-status branch-status--${branch.state === 'moved' ? 'clean' : 'conflict'}`}>{branch.state}</span> {describe(branch)}
                {branch.newBase ? (
                  <span className="muted mono">
                    {' '}
                    {shortSha(branch.base)} → {shortSha(branch.newBase)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {stale.length > 0 ? (
          <div className="page__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={action.busy}
              onClick={async () => {
                const done = await action.run(() => call('workspace.refresh', { id: caseId, draft: true }));
                if (done) setResult(done);
              }}
            >
              Re-run cherry-picks on the new base
            </button>
          </div>
        ) : null}
        {action.startedAt !== null ? <LongRun label="Re-running the cherry-picks…" startedAt={action.startedAt} /> : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {result ? <RefreshOutcome result={result} onOpenDraft={openDraft} /> : null}
      </div>
    </section>
  );
}

function RefreshOutcome({ result, onOpenDraft }: { result: RefreshResult; onOpenDraft(id: string): void }): ReactElement {
  const conflicts = result.branches.filter((b) => b.state === 'conflict');
  return (
    <div className="ws-refresh" aria-label="Refresh result" role="group">
      <p>
        Rebuilt {result.branches.filter((b) => b.state === 'moved').length} of {result.branches.length} stale{' '}
        {result.branches.length === 1 ? 'branch' : 'branches'}
        {conflicts.length > 0 ? `; ${conflicts.map((b) => b.name).join(', ')} still ${conflicts.length === 1 ? 'needs' : 'need'} a resolution in the matrix below.` : '.'}
      </p>
      {result.draft ? (
        <p>
          Drafted for the distributors: <span className="mono">{result.draft.subject}</span>{' '}
          <button type="button" className="button button--small" onClick={() => onOpenDraft(result.draft!.id)}>
            Open the “patches updated” draft
          </button>
        </p>
      ) : result.draftNote ? (
        <p className="field__hint">{result.draftNote}</p>
      ) : null}
      <details open>
        <summary>Interdiff against the series the distributors have</summary>
        <pre className="ws-interdiff mono" aria-label="Interdiff">
          {result.interdiff}
        </pre>
      </details>
    </div>
  );
}
