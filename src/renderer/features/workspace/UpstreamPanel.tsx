// The upstream repository of the case: where it was imported from (a local clone, read in
// place, or a git bundle, indexed into the vault), whether it is still there, and the form to
// import or replace it. Paths are on the machine running the core.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { WorkspaceStatus } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { LongRun } from './LongRun.tsx';
import { useLongAction } from './use-long-action.ts';
import { PathField } from '../../components/PathField.tsx';

export function UpstreamPanel({ caseId, status }: { caseId: string; status: WorkspaceStatus }): ReactElement {
  const upstream = status.upstream;
  const [replacing, setReplacing] = useState(false);
  return (
    <section className="panel ws-panel" aria-labelledby="ws-upstream-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="ws-upstream-heading">
          Upstream repository
        </h2>
        {upstream ? (
          upstream.available ? (
            <span className="badge badge--verified">Available</span>
          ) : (
            <span className="badge badge--danger">Missing</span>
          )
        ) : (
          <span className="badge badge--neutral">Not imported</span>
        )}
      </div>
      <div className="panel__body ws-panel__body">
        {upstream ? (
          <>
            <dl className="ws-facts">
              <div>
                <dt>{upstream.kind === 'clone' ? 'Local clone' : 'Git bundle'}</dt>
                <dd className="mono ws-path">{upstream.path}</dd>
              </div>
              <div>
                <dt>Default branch</dt>
                <dd className="mono">{upstream.defaultBranch?.replace(/^refs\/heads\//, '') ?? '—'}</dd>
              </div>
              <div>
                <dt>Refs</dt>
                <dd>
                  {upstream.branches} branches · {upstream.tags} tags
                </dd>
              </div>
              <div>
                <dt>Objects</dt>
                <dd>{upstream.objects.toLocaleString('en')}</dd>
              </div>
              <div>
                <dt>Imported</dt>
                <dd>
                  <TimePair iso={upstream.importedAt} />
                </dd>
              </div>
            </dl>
            {!upstream.available ? (
              <Notice tone="warning">
                {upstream.kind === 'clone'
                  ? 'The clone is no longer at this path (it is read in place, not copied). Import it again from where it is now.'
                  : 'The bundle file is no longer at this path. Import it again.'}
              </Notice>
            ) : null}
            {replacing || !upstream.available ? (
              <ImportUpstreamForm caseId={caseId} onDone={() => setReplacing(false)} />
            ) : (
              <div>
                <button type="button" className="button button--small" onClick={() => setReplacing(true)}>
                  Import again…
                </button>
              </div>
            )}
          </>
        ) : (
          <>
            <p className="muted">
              Import the upstream project without the network: a path to a local clone (read in place: public history stays where it is) or to a{' '}
              <code>git bundle</code> file. Everything the case creates is stored encrypted in the vault.
            </p>
            <ImportUpstreamForm caseId={caseId} onDone={() => undefined} />
          </>
        )}
      </div>
    </section>
  );
}

function ImportUpstreamForm({ caseId, onDone }: { caseId: string; onDone(): void }): ReactElement {
  const [path, setPath] = useState('');
  const action = useLongAction();
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (path.trim() === '' || action.busy) return;
    const imported = await action.run(() => call('workspace.import', { id: caseId, upstream: path.trim() }));
    if (imported) {
      setPath('');
      onDone();
    }
  }
  return (
    <form className="ws-form" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor="ws-upstream-path">
        Path to a local clone or a bundle
      </label>
      <div className="ws-form__row">
        <PathField
          id="ws-upstream-path"
          value={path}
          onChange={setPath}
          pick={[
            { title: 'Upstream clone', kind: 'folder', label: 'Folder…' },
            { title: 'Upstream bundle', kind: 'file', label: 'Bundle…', filters: [{ name: 'Git bundle', extensions: ['bundle', '*'] }] },
          ]}
          placeholder="/home/you/src/kubernetes  or  /media/usb/kubernetes.bundle"
          disabled={action.busy}
        />
        <button type="submit" className="button button--primary" disabled={action.busy || path.trim() === ''}>
          {action.busy ? 'Importing…' : 'Import'}
        </button>
      </div>
      {action.startedAt !== null ? <LongRun label="Importing the upstream repository…" startedAt={action.startedAt} /> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
    </form>
  );
}
