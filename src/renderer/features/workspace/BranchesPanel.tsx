// Patch-release branches and cherry-picks, and the branch × commit matrix: each cell clean (with
// the commit made), resolved by the Fix Lead, conflicting (expand to see both sides) or not
// reached. Branches built cleanly are pinned; a later change to a pinned branch is flagged.
import { Fragment, useState, type FormEvent, type ReactElement } from 'react';
import type { WorkspaceStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ConflictView } from './ConflictView.tsx';
import { LongRun } from './LongRun.tsx';
import { matrixRows, parseMinors, shortSha, type MatrixCell, type MatrixRow } from './matrix.ts';
import { useLongAction } from './use-long-action.ts';

const KIND_LABELS = { fix: 'fix', 'patch-release': 'patch release', 'cherry-pick': 'cherry-pick' } as const;

export function BranchesPanel({ caseId, status }: { caseId: string; status: WorkspaceStatus }): ReactElement {
  const fix = status.fix;
  const rows = matrixRows(status);
  const changed = rows.filter((row) => row.pinChanged);
  return (
    <section className="panel ws-panel" aria-labelledby="ws-branches-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="ws-branches-heading">
          Branches
        </h2>
      </div>
      <div className="panel__body ws-panel__body">
        {!fix ? (
          <p className="muted">Bring in the fix first; then create the patch-release branches and cherry-pick it onto the supported branches.</p>
        ) : (
          <>
            <div className="ws-build">
              <ReleaseBranchesForm caseId={caseId} />
              <CherryPickForm caseId={caseId} />
            </div>
            {changed.length > 0 ? (
              <Notice tone="warning">
                {changed.map((row) => row.branch.branch).join(', ')} {changed.length === 1 ? 'was' : 'were'} rebuilt after being pinned: whatever was
                already sent from {changed.length === 1 ? 'it' : 'them'} differs from what the case holds now.
              </Notice>
            ) : null}
            <Matrix caseId={caseId} rows={rows} commits={fix.commits} />
          </>
        )}
      </div>
    </section>
  );
}

function ReleaseBranchesForm({ caseId }: { caseId: string }): ReactElement {
  const [text, setText] = useState('');
  const action = useLongAction();
  const parsed = parseMinors(text);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (parsed.minors.length === 0 || parsed.invalid.length > 0) return;
    const done = await action.run(() => call('workspace.releaseBranches', { id: caseId, minors: parsed.minors }));
    if (done) setText('');
  }
  return (
    <form className="ws-form" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor="ws-minors">
        Patch releases for the supported minors
      </label>
      <div className="ws-form__row">
        <input
          id="ws-minors"
          className="input input--mono"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="1.29, 1.30, 1.31"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={parsed.invalid.length > 0 || undefined}
          aria-describedby="ws-minors-hint"
          disabled={action.busy}
        />
        <button type="submit" className="button" disabled={action.busy || parsed.minors.length === 0 || parsed.invalid.length > 0}>
          Create branches
        </button>
      </div>
      <p className="field__hint" id="ws-minors-hint">
        {parsed.invalid.length > 0 ? (
          <span className="field__error">Not a minor version: {parsed.invalid.join(', ')} (write 1.30)</span>
        ) : parsed.minors.length > 0 ? (
          `From the latest patch tag of ${parsed.minors.map((m) => `v${m}`).join(', ')}, the next patch branch holding only the fix.`
        ) : (
          'Each gets the next patch branch (v1.30.3 after v1.30.2), holding only the fix.'
        )}
      </p>
      {action.startedAt !== null ? <LongRun label="Building patch-release branches…" startedAt={action.startedAt} /> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </form>
  );
}

function CherryPickForm({ caseId }: { caseId: string }): ReactElement {
  const [text, setText] = useState('');
  const action = useLongAction();
  const onto = text
    .split(/[\s,;]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const done = await action.run(() => call('workspace.cherryPick', { id: caseId, ...(onto.length > 0 ? { onto } : {}) }));
    if (done) setText('');
  }
  return (
    <form className="ws-form" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor="ws-onto">
        Cherry-pick onto upstream branches
      </label>
      <div className="ws-form__row">
        <input
          id="ws-onto"
          className="input input--mono"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="main release-1.30  (empty: the defaults)"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="ws-onto-hint"
          disabled={action.busy}
        />
        <button type="submit" className="button button--primary" disabled={action.busy}>
          Cherry-pick
        </button>
      </div>
      <p className="field__hint" id="ws-onto-hint">
        Empty: the default branch, the release branch of each patch release, and the branches picked before. Pinned branches are kept as built.
      </p>
      {action.startedAt !== null ? <LongRun label="Cherry-picking…" startedAt={action.startedAt} /> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </form>
  );
}

function CellView({ cell, open, onToggle }: { cell: MatrixCell; open: boolean; onToggle(): void }): ReactElement {
  switch (cell.state) {
    case 'source':
      return (
        <span className="cell cell--source" title={cell.sha ?? ''}>
          <span className="mono">{shortSha(cell.sha)}</span>
        </span>
      );
    case 'clean':
      return (
        <span className="cell cell--clean" title={cell.sha ? `Picked cleanly as ${cell.sha}` : 'Picked cleanly'}>
          <Icon name="check" /> <span className="mono">{shortSha(cell.sha)}</span>
        </span>
      );
    case 'resolved':
      return (
        <span className="cell cell--resolved" title={cell.sha ? `Resolved by hand as ${cell.sha}` : 'Part of the resolved series'}>
          <Icon name="edit" /> <span className="mono">{cell.sha ? shortSha(cell.sha) : 'resolved'}</span>
        </span>
      );
    case 'conflict':
      return (
        <button type="button" className="cell cell--conflict" aria-expanded={open} onClick={onToggle}>
          <Icon name="alert" /> {cell.conflicts.length} {cell.conflicts.length === 1 ? 'conflict' : 'conflicts'}
          <Icon name="chevronRight" />
        </button>
      );
    case 'not-reached':
      return (
        <span className="cell cell--none" title="Not picked: an earlier commit conflicts">
          —
        </span>
      );
  }
}

function Matrix({ caseId, rows, commits }: { caseId: string; rows: MatrixRow[]; commits: NonNullable<WorkspaceStatus['fix']>['commits'] }): ReactElement {
  const [open, setOpen] = useState<string | null>(null);
  if (rows.length <= 1) return <p className="muted">No branches built yet.</p>;
  return (
    <div className="table-scroll matrix-scroll">
      <table className="table matrix" aria-label="Cherry-pick matrix">
        <thead>
          <tr>
            <th scope="col">Branch</th>
            {commits.map((commit, index) => (
              <th scope="col" key={commit.sha} className="matrix__commit" title={`${commit.sha}\n${commit.subject}`}>
                <span className="matrix__commit-index">{index + 1}</span> <span className="mono">{shortSha(commit.sha).slice(0, 7)}</span>
                <span className="matrix__commit-subject">{commit.subject}</span>
              </th>
            ))}
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = row.branch.branch;
            const conflictCell = row.cells.find((cell) => cell.state === 'conflict');
            return (
              <Fragment key={name}>
                <tr className={row.pinChanged ? 'matrix__row matrix__row--changed' : 'matrix__row'} data-branch={name}>
                  <th scope="row" className="matrix__branch">
                    <span className="mono matrix__branch-name">{name}</span>
                    <span className="table__secondary">
                      {KIND_LABELS[row.branch.kind]}
                      {row.branch.kind !== 'fix' ? ` from ${row.branch.from}` : ''}
                    </span>
                  </th>
                  {row.cells.map((cell, index) => (
                    <td key={index}>
                      <CellView cell={cell} open={open === name} onToggle={() => setOpen(open === name ? null : name)} />
                    </td>
                  ))}
                  <td>
                    <div className="badges">
                      <span className={`badge branch-status branch-status--${row.branch.status}`}>{row.branch.status}</span>
                      {row.branch.pinned ? (
                        <span className="badge badge--neutral" title={`Pinned at ${row.branch.tip}`}>
                          <Icon name="lock" /> pinned
                        </span>
                      ) : null}
                      {row.pinChanged ? (
                        <span
                          className="badge badge--pin-changed"
                          title={row.branch.pinChanges.map((c) => `${shortSha(c.from)} → ${shortSha(c.to)} on ${formatUtc(c.at)}`).join('\n')}
                        >
                          <Icon name="alert" /> pin changed
                        </span>
                      ) : null}
                    </div>
                  </td>
                </tr>
                {row.pinChanged ? (
                  <tr className="matrix__detail matrix__detail--changed">
                    <td colSpan={commits.length + 2}>
                      {row.branch.pinChanges.map((change) => (
                        <p key={change.at}>
                          <Icon name="alert" /> Pinned tip <span className="mono">{shortSha(change.from)}</span> replaced by{' '}
                          <span className="mono">{shortSha(change.to)}</span> on {formatUtc(change.at)}.
                        </p>
                      ))}
                    </td>
                  </tr>
                ) : null}
                {open === name && conflictCell ? (
                  <tr className="matrix__detail">
                    <td colSpan={commits.length + 2}>
                      <ConflictView caseId={caseId} branch={row.branch} conflicts={conflictCell.conflicts} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
