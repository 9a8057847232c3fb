// The private fix: bring it in from a bundle or an mbox patch series (as git am would), then
// each commit with its LGTMs, who may give one (the OWNERS approvers and reviewers of the paths
// it changes), and whether the fix is complete (every commit approved by a relevant assignee).
import { useState, type FormEvent, type ReactElement } from 'react';
import type { WorkspaceStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { LongRun } from './LongRun.tsx';
import { shortSha, type FixCommit } from './matrix.ts';
import { useLongAction } from './use-long-action.ts';
import { PathField } from '../../components/PathField.tsx';

export function FixPanel({ caseId, status }: { caseId: string; status: WorkspaceStatus }): ReactElement {
  const fix = status.fix;
  const [replacing, setReplacing] = useState(false);
  const approved = fix?.commits.filter((commit) => commit.approved).length ?? 0;
  return (
    <section className="panel ws-panel" aria-labelledby="ws-fix-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="ws-fix-heading">
          Fix commits {fix ? <span className="faint">{fix.commits.length}</span> : null}
        </h2>
        {fix ? (
          status.fixComplete ? (
            <span className="badge badge--verified" data-fix-complete="true">
              <Icon name="check" /> Fix complete
            </span>
          ) : (
            <span className="badge badge--unverified" data-fix-complete="false">
              {approved} of {fix.commits.length} approved
            </span>
          )
        ) : null}
      </div>
      <div className="panel__body ws-panel__body">
        {!status.upstream ? <p className="muted">Import the upstream repository first: the fix is read against its history.</p> : null}
        {status.upstream && !fix ? <ImportFixForm caseId={caseId} onDone={() => undefined} /> : null}
        {fix ? (
          <>
            <p className="field__hint">
              From a {fix.source} on <span className="mono">{shortSha(fix.base)}</span>, imported {formatUtc(fix.importedAt)}.
              {status.fixComplete
                ? ' Every commit has an LGTM from an OWNERS assignee of the paths it changes.'
                : ' The fix is complete when every commit has an LGTM from an OWNERS assignee of the paths it changes.'}
            </p>
            {status.suggestedFixTeam.length > 0 ? (
              <p className="ws-team">
                <span className="field__label">Suggested Fix Team</span>
                {status.suggestedFixTeam.map((name) => (
                  <span key={name} className="badge badge--role">
                    @{name}
                  </span>
                ))}
              </p>
            ) : null}
            <ol className="fix-commits" aria-label="Fix commits">
              {fix.commits.map((commit, index) => (
                <FixCommitItem key={commit.sha} caseId={caseId} commit={commit} index={index + 1} />
              ))}
            </ol>
            {replacing ? (
              <ImportFixForm caseId={caseId} onDone={() => setReplacing(false)} />
            ) : (
              <div>
                <button type="button" className="button button--small" onClick={() => setReplacing(true)}>
                  Bring in a new version of the fix…
                </button>
              </div>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}

function FixCommitItem({ caseId, commit, index }: { caseId: string; commit: FixCommit; index: number }): ReactElement {
  const [by, setBy] = useState('');
  const [showPaths, setShowPaths] = useState(false);
  const action = useLongAction();
  const owners = [...new Set([...commit.owners.approvers, ...commit.owners.reviewers])];
  const listId = `owners-${commit.sha}`;

  async function lgtm(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (by.trim() === '') return;
    const done = await action.run(() => call('workspace.lgtm', { id: caseId, commit: commit.sha, by: by.trim() }));
    if (done) setBy('');
  }

  return (
    <li className={`fix-commit ${commit.approved ? 'fix-commit--approved' : ''}`} data-sha={commit.sha}>
      <div className="fix-commit__head">
        <span className="fix-commit__index">{index}</span>
        <span className="mono fix-commit__sha" title={commit.sha}>
          {shortSha(commit.sha)}
        </span>
        <span className="fix-commit__subject">{commit.subject}</span>
        {commit.approved ? (
          <span className="badge badge--verified">
            <Icon name="check" /> LGTM
          </span>
        ) : (
          <span className="badge badge--unverified">Needs an owner LGTM</span>
        )}
      </div>
      <div className="fix-commit__meta">
        {commit.author} · {formatUtc(commit.authoredAt)} ·{' '}
        <button type="button" className="link-like" onClick={() => setShowPaths((v) => !v)} aria-expanded={showPaths}>
          {commit.paths.length} {commit.paths.length === 1 ? 'path' : 'paths'}
        </button>
      </div>
      {showPaths ? (
        <ul className="fix-commit__paths mono">
          {commit.paths.map((path) => (
            <li key={path}>{path}</li>
          ))}
        </ul>
      ) : null}
      <div className="fix-commit__review">
        <div className="lgtms" aria-label="LGTMs">
          {commit.approvals.map((approval) => (
            <span
              key={approval.by}
              className={`lgtm ${approval.owner ? 'lgtm--owner' : 'lgtm--other'}`}
              title={`${approval.owner ? 'OWNERS assignee' : 'Not an OWNERS assignee of these paths'} · ${formatUtc(approval.at)}`}
            >
              {approval.owner ? <Icon name="check" /> : null}@{approval.by}
            </span>
          ))}
          {commit.approvals.length === 0 ? <span className="not-set">No LGTM yet</span> : null}
        </div>
        <div className="fix-commit__owners">
          <span className="faint">May LGTM:</span>{' '}
          {commit.owners.approvers.length + commit.owners.reviewers.length === 0 ? (
            <span className="not-set">no OWNERS assignee found</span>
          ) : (
            <>
              {commit.owners.approvers.map((name) => (
                <span key={`a-${name}`} className="owner owner--approver" title="approver">
                  {name}
                </span>
              ))}
              {commit.owners.reviewers.map((name) => (
                <span key={`r-${name}`} className="owner" title="reviewer">
                  {name}
                </span>
              ))}
            </>
          )}
        </div>
        <form className="lgtm-form" onSubmit={(event) => void lgtm(event)}>
          <label className="visually-hidden" htmlFor={`lgtm-${commit.sha}`}>
            LGTM by, for {shortSha(commit.sha)}
          </label>
          <input
            id={`lgtm-${commit.sha}`}
            className="input input--mono"
            list={listId}
            value={by}
            onChange={(event) => setBy(event.target.value)}
            placeholder="GitHub handle"
            spellCheck={false}
            autoComplete="off"
            disabled={action.busy}
          />
          <datalist id={listId}>
            {owners.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="submit" className="button button--small" disabled={action.busy || by.trim() === ''}>
            Record LGTM
          </button>
        </form>
      </div>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </li>
  );
}

function ImportFixForm({ caseId, onDone }: { caseId: string; onDone(): void }): ReactElement {
  const [path, setPath] = useState('');
  const [ref, setRef] = useState('');
  const [base, setBase] = useState('');
  const action = useLongAction();
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (path.trim() === '' || action.busy) return;
    const done = await action.run(() =>
      call('workspace.fix', {
        id: caseId,
        from: path.trim(),
        ...(ref.trim() ? { ref: ref.trim() } : {}),
        ...(base.trim() ? { base: base.trim() } : {}),
      }),
    );
    if (done) {
      setPath('');
      onDone();
    }
  }
  return (
    <form className="ws-form" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor="ws-fix-path">
        Path to the fix: a git bundle or an mbox patch series
      </label>
      <div className="ws-form__row">
        <PathField
          id="ws-fix-path"
          value={path}
          onChange={setPath}
          pick={{ title: 'The fix: a git bundle or an mbox', filters: [{ name: 'Bundle or mbox', extensions: ['bundle', 'mbox', 'patch', '*'] }] }}
          placeholder="/home/you/CVE-2026-1234/fix.bundle  or  …/fix.mbox"
          disabled={action.busy}
        />
        <button type="submit" className="button button--primary" disabled={action.busy || path.trim() === ''}>
          {action.busy ? 'Bringing in…' : 'Bring in the fix'}
        </button>
      </div>
      <details className="ws-options">
        <summary>Options</summary>
        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor="ws-fix-ref">
              Bundle ref <span className="muted">(when it holds several)</span>
            </label>
            <input id="ws-fix-ref" className="input input--mono" value={ref} onChange={(e) => setRef(e.target.value)} placeholder="refs/heads/fix" disabled={action.busy} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="ws-fix-base">
              Base of an mbox <span className="muted">(default branch if empty)</span>
            </label>
            <input id="ws-fix-base" className="input input--mono" value={base} onChange={(e) => setBase(e.target.value)} placeholder="v1.30.2" disabled={action.busy} />
          </div>
        </div>
      </details>
      {action.startedAt !== null ? <LongRun label="Reading the fix…" startedAt={action.startedAt} /> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </form>
  );
}
