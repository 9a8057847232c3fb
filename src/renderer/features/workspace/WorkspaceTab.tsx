// The Workspace tab of a case: the upstream repository, the fix commits with their LGTMs, the
// patch-release branches and the branch × commit cherry-pick matrix, the exports (patches and
// bundle, encrypted to recipients whose key health is shown first) and the leak lint; on top,
// when the upstream moved under the built branches, the stale-patches banner. All git
// work happens in the core, at the object level; this tab only shows and asks.
import { useState, type ReactElement } from 'react';
import { useQuery } from '../../lib/use-query.ts';
import { formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { BranchesPanel } from './BranchesPanel.tsx';
import { CommitmentPanel } from './CommitmentPanel.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { FixPanel } from './FixPanel.tsx';
import { LintPanel } from './LintPanel.tsx';
import { StalePanel, canGoStale } from './StalePanel.tsx';
import { UpstreamPanel } from './UpstreamPanel.tsx';
import { exportableBranches } from './matrix.ts';
import '../keyring/keyring.css';
import './workspace.css';

export function WorkspaceTab({ caseRecord }: CaseTabProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const status = useQuery('workspace.status', { id: caseRecord.id }, revision);
  const [exporting, setExporting] = useState<'patches' | 'bundle' | null>(null);

  if (status.status === 'error') return <Notice tone="error">{status.error.message}</Notice>;
  if (!status.value) {
    return (
      <p className="muted" aria-busy="true">
        Opening the workspace…
      </p>
    );
  }
  const value = status.value;
  const canExport = value.fix !== null;
  return (
    <div className="workspace">
      {canGoStale(value) ? <StalePanel caseId={caseRecord.id} status={value} /> : null}
      <UpstreamPanel caseId={caseRecord.id} status={value} />
      <FixPanel caseId={caseRecord.id} status={value} />
      <BranchesPanel caseId={caseRecord.id} status={value} />
      <section className="panel ws-panel" aria-labelledby="ws-exports-heading">
        <div className="panel__header">
          <h2 className="panel__title" id="ws-exports-heading">
            Exports
          </h2>
          <div className="page__actions">
            <button
              type="button"
              className="button"
              disabled={!canExport || exportableBranches(value).length === 0}
              onClick={() => setExporting('patches')}
              title={exportableBranches(value).length === 0 ? 'Build a branch cleanly first' : undefined}
            >
              Export patches…
            </button>
            <button type="button" className="button" disabled={!canExport} onClick={() => setExporting('bundle')}>
              Export bundle…
            </button>
          </div>
        </div>
        <div className="panel__body ws-panel__body">
          {value.exports.length === 0 ? (
            <p className="muted">Nothing exported yet. Patches go to the distributors list encrypted; the bundle goes to the Release Managers.</p>
          ) : (
            <ol className="export-history" aria-label="Past exports">
              {[...value.exports].reverse().map((entry, index) => (
                <li key={`${entry.at} ${index}`}>
                  <Icon name={entry.encryptedTo.length > 0 ? 'lock' : 'alert'} />
                  <span>
                    <strong>{entry.kind === 'patches' ? 'Patches' : 'Bundle'}</strong> · {formatUtc(entry.at)} ·{' '}
                    {entry.encryptedTo.length > 0 ? `encrypted to ${entry.encryptedTo.length} ${entry.encryptedTo.length === 1 ? 'key' : 'keys'}` : 'not encrypted'}
                    <span className="export-history__files mono">{entry.files.map((file) => file.name.split('/').pop()).join(', ')}</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
      <CommitmentPanel caseRecord={caseRecord} />
      <LintPanel caseId={caseRecord.id} status={value} />
      {exporting ? <ExportDialog caseId={caseRecord.id} status={value} kind={exporting} onClose={() => setExporting(null)} /> : null}
    </div>
  );
}
