// Export dialogs: the patch series per branch (named <CVE number>_v<release>.patch, with a
// signed manifest) into a directory, or a git bundle of the case's branches into a file, each
// optionally encrypted to the chosen recipients (their key health shown first) and signed with
// the Fix Lead's key. The leak lint runs as the dialog opens. Every export is logged on the
// timeline by the core. Paths are on the machine running the core.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { OutputOf, WorkspaceStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useUi } from '../../app/store.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { LongRun } from './LongRun.tsx';
import { exportableBranches } from './matrix.ts';
import { RecipientPicker, useRecipients, type RecipientChoice } from './Recipients.tsx';
import { useLongAction } from './use-long-action.ts';
import { PathField } from '../../components/PathField.tsx';

type Kind = 'patches' | 'bundle';
type Outcome = { kind: 'patches'; value: OutputOf<'workspace.exportPatches'> } | { kind: 'bundle'; value: OutputOf<'workspace.exportBundle'> };

export function ExportDialog({ caseId, status, kind, onClose }: { caseId: string; status: WorkspaceStatus; kind: Kind; onClose(): void }): ReactElement {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={kind === 'patches' ? 'Export patches' : 'Export a bundle'}
      description={
        kind === 'patches'
          ? 'One mbox patch series per branch that git am applies, with a manifest of SHA-256 sums, commits and patch-ids.'
          : "A git bundle of the case's branches for the Release Managers; git bundle verify accepts it."
      }
    >
      {outcome ? <ExportResult outcome={outcome} onClose={onClose} /> : <ExportForm caseId={caseId} status={status} kind={kind} onDone={setOutcome} onCancel={onClose} />}
    </Dialog>
  );
}

function ExportForm({
  caseId,
  status,
  kind,
  onDone,
  onCancel,
}: {
  caseId: string;
  status: WorkspaceStatus;
  kind: Kind;
  onDone(outcome: Outcome): void;
  onCancel(): void;
}): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const candidates = kind === 'patches' ? exportableBranches(status) : status.branches.filter((b) => b.status !== 'conflict' || b.kind === 'fix');
  const [branches, setBranches] = useState<string[]>(candidates.map((b) => b.branch));
  const [output, setOutput] = useState('');
  const [full, setFull] = useState(false);
  const [choice, setChoice] = useState<RecipientChoice>({ toList: kind === 'patches', keys: [] });
  const keys = useQuery('keyring.list', {}, revision);
  const ownKey = keys.value?.find((key) => key.own) ?? null;
  const [sign, setSign] = useState(true);
  const lint = useQuery('workspace.lint', { id: caseId }, revision);
  const recipients = useRecipients(choice);
  const action = useLongAction();
  const blockedByConflict = kind === 'patches' ? status.branches.filter((b) => b.kind !== 'fix' && b.status === 'conflict') : [];
  const signing = sign && ownKey !== null;
  const ready = output.trim() !== '' && branches.length > 0 && !recipients.blocked && !recipients.checking && !(choice.toList && recipients.recipients.length === 0);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready || action.busy) return;
    const common = { id: caseId, output: output.trim(), branches, encryptTo: recipients.recipients, sign: signing };
    if (kind === 'patches') {
      const value = await action.run(() => call('workspace.exportPatches', common));
      if (value) onDone({ kind, value });
    } else {
      const value = await action.run(() => call('workspace.exportBundle', { ...common, full }));
      if (value) onDone({ kind, value });
    }
  }

  return (
    <form className="form dialog-body dialog-body--xwide" onSubmit={(event) => void submit(event)} noValidate>
      {lint.value && !lint.value.ok ? (
        <Notice tone="warning">
          The leak lint flags {lint.value.findings.length} {lint.value.findings.length === 1 ? 'place' : 'places'} that name the issue:{' '}
          {lint.value.findings
            .slice(0, 3)
            .map((f) => `${f.where} ${f.where === 'branch' ? f.branch : f.commit?.slice(0, 10)} (“${f.word}”)`)
            .join(', ')}
          {lint.value.findings.length > 3 ? '…' : '.'}
        </Notice>
      ) : null}
      <div className="export-grid">
        <fieldset className="export-branches">
          <legend className="field__label">Branches</legend>
          {candidates.map((branch) => (
            <label key={branch.branch} className="checkbox">
              <input
                type="checkbox"
                checked={branches.includes(branch.branch)}
                onChange={(event) => setBranches(event.target.checked ? [...branches, branch.branch] : branches.filter((b) => b !== branch.branch))}
                disabled={action.busy}
              />
              <span>
                <span className="mono">{branch.branch}</span> <span className="faint">{branch.status}</span>
              </span>
            </label>
          ))}
          {candidates.length === 0 ? <p className="not-set">No branch is built cleanly yet.</p> : null}
          {blockedByConflict.length > 0 ? (
            <p className="field__hint">Not exportable until resolved: {blockedByConflict.map((b) => b.branch).join(', ')}.</p>
          ) : null}
        </fieldset>
        <div className="export-target">
          <div className="field">
            <label className="field__label" htmlFor="export-output">
              {kind === 'patches' ? 'Output directory' : 'Output file'}
            </label>
            <PathField
              id="export-output"
              value={output}
              onChange={setOutput}
              pick={
                kind === 'patches'
                  ? { title: 'Folder for the patch series', kind: 'folder' }
                  : { title: 'Bundle file to write', save: true, filters: [{ name: 'Git bundle', extensions: ['bundle'] }] }
              }
              placeholder={kind === 'patches' ? '/home/you/CVE-2026-1234/out' : '/home/you/CVE-2026-1234/case.bundle'}
              dialogAutofocus
              disabled={action.busy}
            />
            <p className="field__hint">
              {kind === 'patches' ? 'An existing directory on this machine; files of the same name are replaced.' : 'A file on this machine; an existing file is replaced.'}
            </p>
          </div>
          {kind === 'bundle' ? (
            <label className="checkbox">
              <input type="checkbox" checked={full} onChange={(event) => setFull(event.target.checked)} disabled={action.busy} />
              <span>Full bundle (includes the upstream history; larger, needs no clone to open)</span>
            </label>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={signing} onChange={(event) => setSign(event.target.checked)} disabled={action.busy || ownKey === null} />
            <span>
              Sign with your key
              {ownKey === null ? <span className="field__hint"> — generate your key on the Keyring page first</span> : null}
            </span>
          </label>
        </div>
      </div>
      <RecipientPicker choice={choice} onChange={setChoice} state={recipients} disabled={action.busy} />
      {recipients.recipients.length === 0 && !choice.toList ? (
        <Notice tone="warning">No recipient: the files are written unencrypted. Only for what is already public.</Notice>
      ) : null}
      {recipients.blocked ? <Notice tone="error">{recipients.blocked} Fix their keys on the Keyring or Distributors page, or leave them out.</Notice> : null}
      {action.startedAt !== null ? <LongRun label={kind === 'patches' ? 'Exporting patches…' : 'Writing the bundle…'} startedAt={action.startedAt} /> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={action.busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={!ready || action.busy}>
          {recipients.recipients.length > 0 ? `Export encrypted to ${recipients.recipients.length}` : 'Export unencrypted'}
        </button>
      </div>
    </form>
  );
}

function ExportResult({ outcome, onClose }: { outcome: Outcome; onClose(): void }): ReactElement {
  return (
    <div className="dialog-body dialog-body--xwide">
      {outcome.kind === 'patches' ? (
        <>
          <p>Written, and logged on the timeline:</p>
          <ul className="export-files" aria-label="Written files">
            {outcome.value.files.map((file) => (
              <li key={file} className="mono">
                {file}
              </li>
            ))}
          </ul>
          <table className="table table--compact" aria-label="Manifest">
            <thead>
              <tr>
                <th scope="col">Patch</th>
                <th scope="col">Branch</th>
                <th scope="col">Commits</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {outcome.value.manifest.map((entry) => (
                <tr key={entry.file}>
                  <td className="cell-mono">{entry.file}</td>
                  <td className="cell-mono">{entry.branch}</td>
                  <td>{entry.commits.length}</td>
                  <td className="cell-mono" title={entry.sha256}>
                    {entry.sha256.slice(0, 16)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <>
          <p>
            Bundle written to <span className="mono">{outcome.value.output}</span>, and logged on the timeline.
          </p>
          <dl className="fact-list">
            <dt>SHA-256</dt>
            <dd className="mono">{outcome.value.sha256}</dd>
            <dt>Refs</dt>
            <dd className="mono">{outcome.value.refs.map((ref) => ref.name).join(', ')}</dd>
            <dt>Prerequisites</dt>
            <dd>{outcome.value.prerequisites.length === 0 ? 'none (full bundle)' : `${outcome.value.prerequisites.length} upstream commits`}</dd>
          </dl>
        </>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
          Done
        </button>
      </div>
    </div>
  );
}
