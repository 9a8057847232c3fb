// A conflicted cherry-pick, per file: the kind of conflict and, per hunk, the branch's side
// (ours) beside the fix's side (theirs), the common base on demand. Below, the Fix Lead gives a
// resolved patch series (mbox) for this branch; a pinned branch needs an explicit force.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { WorkspaceBranchResult } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';
import { LongRun } from './LongRun.tsx';
import { shortSha, type Conflict } from './matrix.ts';
import { useLongAction } from './use-long-action.ts';

export function ConflictView({ caseId, branch, conflicts }: { caseId: string; branch: WorkspaceBranchResult; conflicts: Conflict[] }): ReactElement {
  return (
    <div className="conflicts" aria-label={`Conflicts on ${branch.branch}`} role="region">
      <p className="conflicts__lead">
        Commit <span className="mono">{shortSha(conflicts[0]?.commit ?? null)}</span> does not apply cleanly onto <span className="mono">{branch.branch}</span> (
        {branch.from}).
      </p>
      {conflicts.map((conflict) => (
        <ConflictFile key={`${conflict.commit} ${conflict.path}`} conflict={conflict} />
      ))}
      <ResolveForm caseId={caseId} branch={branch} />
    </div>
  );
}

function ConflictFile({ conflict }: { conflict: Conflict }): ReactElement {
  const [showBase, setShowBase] = useState(false);
  return (
    <div className="conflict-file">
      <div className="conflict-file__head">
        <span className="mono conflict-file__path">{conflict.path}</span>
        <span className="badge badge--danger">{conflict.kind}</span>
        {conflict.hunks.length > 0 ? (
          <button type="button" className="link-like" onClick={() => setShowBase((v) => !v)} aria-pressed={showBase}>
            {showBase ? 'Hide base' : 'Show base'}
          </button>
        ) : null}
      </div>
      {conflict.hunks.length === 0 ? (
        <p className="field__hint">
          {conflict.kind === 'binary'
            ? 'A binary file changed on both sides.'
            : `No line hunks: ours ${conflict.ours ? shortSha(conflict.ours) : 'deleted'}, theirs ${conflict.theirs ? shortSha(conflict.theirs) : 'deleted'}.`}
        </p>
      ) : (
        conflict.hunks.map((hunk, index) => (
          <div key={index} className={showBase ? 'hunk hunk--three' : 'hunk'}>
            {showBase ? <HunkSide title="Base" text={hunk.base} /> : null}
            <HunkSide title="Branch (ours)" text={hunk.ours} tone="ours" />
            <HunkSide title="Fix (theirs)" text={hunk.theirs} tone="theirs" />
          </div>
        ))
      )}
    </div>
  );
}

function HunkSide({ title, text, tone }: { title: string; text: string; tone?: 'ours' | 'theirs' }): ReactElement {
  return (
    <figure className={`hunk__side ${tone ? `hunk__side--${tone}` : ''}`}>
      <figcaption>{title}</figcaption>
      <pre>{text === '' ? '(empty)' : text}</pre>
    </figure>
  );
}

function ResolveForm({ caseId, branch }: { caseId: string; branch: WorkspaceBranchResult }): ReactElement {
  const [path, setPath] = useState('');
  const [force, setForce] = useState(false);
  const action = useLongAction();
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (path.trim() === '') return;
    const done = await action.run(() => call('workspace.resolve', { id: caseId, branch: branch.branch, patch: path.trim(), force }));
    if (done) setPath('');
  }
  return (
    <form className="ws-form conflicts__resolve" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor={`resolve-${branch.branch}`}>
        Resolved patch series for {branch.branch} (mbox, onto <span className="mono">{shortSha(branch.base)}</span>)
      </label>
      <div className="ws-form__row">
        <input
          id={`resolve-${branch.branch}`}
          className="input input--mono"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/you/CVE-2026-1234/main-resolved.mbox"
          spellCheck={false}
          autoComplete="off"
          disabled={action.busy}
        />
        <button type="submit" className="button" disabled={action.busy || path.trim() === '' || (branch.pinned && !force)}>
          Use this resolution
        </button>
      </div>
      {branch.pinned ? (
        <label className="checkbox">
          <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
          <span>The branch is pinned: replace its commits anyway (the change is recorded and flagged).</span>
        </label>
      ) : null}
      {action.startedAt !== null ? <LongRun label="Applying the resolution…" startedAt={action.startedAt} /> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </form>
  );
}
