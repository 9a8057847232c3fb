// The embargo commitment on the Workspace tab: what each distributor was given (per branch the
// patch-ids and the files' SHA-256s), signed by the Fix Lead; on release day the merged
// commits checked against it; after the Release Date the public transparency record; and the
// pre-push leak guard for the public clone.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord, CommitmentCheck } from '../../../shared/contract/index.ts';
import { isUnderEmbargo } from '../../../shared/rules/embargo.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatUtc } from '../../lib/time.ts';
import { useUi } from '../../app/store.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { shortSha } from './matrix.ts';
import { useLongAction } from './use-long-action.ts';

const FINDING: Record<CommitmentCheck['findings'][number]['kind'], string> = {
  'changed-patch': 'Changed patch',
  'added-commit': 'Added commit',
  'missing-commit': 'Missing commit',
  'missing-branch': 'Missing branch',
};

function PathForm({ label, placeholder, button, disabled, onSubmit }: { label: string; placeholder: string; button: string; disabled?: boolean; onSubmit(path: string): Promise<void> }): ReactElement {
  const [path, setPath] = useState('');
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (path.trim() !== '') await onSubmit(path.trim());
  }
  return (
    <form className="ws-form" onSubmit={(event) => void submit(event)}>
      <div className="ws-form__row">
        <input className="input mono" aria-label={label} value={path} onChange={(e) => setPath(e.target.value)} placeholder={placeholder} spellCheck={false} autoComplete="off" disabled={disabled} />
        <button type="submit" className="button" disabled={disabled || path.trim() === ''}>
          {button}
        </button>
      </div>
    </form>
  );
}

export function CommitmentPanel({ caseRecord }: { caseRecord: CaseRecord }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const commitment = useQuery('workspace.commitment', { id: caseRecord.id }, revision);
  const action = useLongAction();
  const [check, setCheck] = useState<CommitmentCheck | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const embargoed = isUnderEmbargo(caseRecord);
  const value = commitment.value;

  return (
    <section className="panel ws-panel" aria-labelledby="ws-commitment-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="ws-commitment-heading">
          Embargo commitment
        </h2>
        {value?.recorded ? (
          value.signed ? (
            <span className="badge badge--verified">
              <Icon name="lock" /> Signed
            </span>
          ) : (
            <span className="badge badge--danger">Not signed</span>
          )
        ) : null}
      </div>
      <div className="panel__body ws-panel__body">
        {commitment.status === 'error' ? <Notice tone="error">{commitment.error.message}</Notice> : null}
        {value && !value.recorded ? (
          <p className="muted">Recorded when the patches go to the distributors encrypted (an encrypted patch export, or a notice with the patches attached).</p>
        ) : null}
        {value?.recorded ? (
          <>
            <p className="field__hint">
              {value.signed ? `Signed by ${value.signer ?? '—'}` : 'Recorded without a signature: the vault had no usable own key.'} · last recorded {value.recordedAt ? formatUtc(value.recordedAt) : '—'} · Release Date{' '}
              {value.releaseDate ? formatUtc(value.releaseDate) : 'not set'}. Sealed in the vault until it is published.
            </p>
            {value.signed ? null : (
              <div className="ws-form__row">
                <button
                  type="button"
                  className="button"
                  disabled={action.busy}
                  onClick={() =>
                    void action.run(async () => {
                      const result = await call('workspace.signCommitment', { id: caseRecord.id });
                      if (result.ok) setDone(`Signed by ${result.value.signer ?? '—'}; the deliveries are unchanged.`);
                      return result;
                    })
                  }
                >
                  <Icon name="lock" /> Sign it now with my key
                </button>
              </div>
            )}
            <table className="table table--compact" aria-label="Committed patches">
              <thead>
                <tr>
                  <th scope="col">Branch</th>
                  <th scope="col">Commit</th>
                  <th scope="col">Patch-id</th>
                  <th scope="col">Subject</th>
                </tr>
              </thead>
              <tbody>
                {value.branches.flatMap((branch) =>
                  branch.commits.map((commit) => (
                    <tr key={`${branch.name} ${commit.sha}`}>
                      <td className="cell-mono">{branch.name}</td>
                      <td className="cell-mono">{shortSha(commit.sha)}</td>
                      <td className="cell-mono">{commit.patchId.slice(0, 12)}</td>
                      <td>{commit.subject}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            <ol className="export-history" aria-label="Deliveries">
              {value.deliveries.map((delivery, index) => (
                <li key={`${delivery.at} ${index}`}>
                  <Icon name="lock" />
                  <span>
                    <strong>{delivery.via === 'mail' ? 'Mail' : 'Patches'}</strong> · {formatUtc(delivery.at)} · {[...delivery.to, ...delivery.keys.map((k) => k.slice(-16))].join(', ')}
                    <span className="export-history__files mono">{delivery.files.map((f) => `${f.name} ${f.sha256.slice(0, 12)}`).join(', ')}</span>
                  </span>
                </li>
              ))}
            </ol>
            <h3 className="ws-subheading">Release check</h3>
            <PathForm
              label="Bundle of the merged branches"
              placeholder="A bundle of the merged branches or tags (git bundle create …)"
              button="Check against the commitment"
              disabled={action.busy}
              onSubmit={async (bundle) => {
                const result = await action.run(() => call('workspace.releaseCheck', { id: caseRecord.id, bundle }));
                if (result) setCheck(result);
              }}
            />
            {check ? (
              check.ok ? (
                <Notice tone="info">What was merged is what the distributors were given.</Notice>
              ) : (
                <ul aria-label="Release check findings" className="ws-findings">
                  {check.findings.map((finding, index) => (
                    <li key={index}>
                      <strong>{FINDING[finding.kind]}</strong> on <span className="mono">{finding.branch}</span>
                      {finding.kind === 'missing-branch' ? null : (
                        <>
                          {' '}
                          <span className="mono">{shortSha(finding.committed ?? finding.merged)}</span> {finding.subject}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )
            ) : null}
            <h3 className="ws-subheading">Transparency record</h3>
            {embargoed ? <p className="field__hint">Published after the Release Date: a JSON document and its signature, which anyone can check with gpg --verify.</p> : null}
            <PathForm
              label="Directory for the transparency record"
              placeholder="Directory to write the public record into"
              button="Publish the record"
              disabled={action.busy || embargoed || !value.signed}
              onSubmit={async (output) => {
                const result = await action.run(() => call('advisory.transparency', { id: caseRecord.id, output }));
                if (result) setDone(`Written: ${result.document} and ${result.signature}`);
              }}
            />
          </>
        ) : null}
        <h3 className="ws-subheading">Leak guard for the public repository</h3>
        <p className="field__hint">
          A git pre-push hook in your public clone refuses, until the Release Date, pushes that carry the fix, the CVE ID or the lint words. It reads a hashed list, never the vault. Override with
          EMBARGO_ALLOW_PUSH=1 git push, or git push --no-verify.
        </p>
        <PathForm
          label="Public repository clone"
          placeholder="Path to the public clone"
          button="Install the hook"
          disabled={action.busy}
          onSubmit={async (repo) => {
            const result = await action.run(() => call('workspace.installHook', { id: caseRecord.id, repo }));
            if (result) setDone(`Written: ${result.hook} (${result.patchIds} patch-ids, ${result.words} words, hashed)`);
          }}
        />
        {done ? <Notice tone="info">{done}</Notice> : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      </div>
    </section>
  );
}
