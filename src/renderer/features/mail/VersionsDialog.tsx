// Every saved version of a draft, kept by the core: the list, one version as it was (its
// recipients, attachments and text, or the lines it changed from the version before), and a
// restore that saves that version's content again as a new version — nothing is overwritten.
import { useState, type ReactElement } from 'react';
import type { CaseRecord, DraftView } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatUtc } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../keyring/use-action.ts';
import { ModeBadge } from './MailTab.tsx';
import { DiffView } from './DiffView.tsx';

interface VersionsDialogProps {
  caseRecord: CaseRecord;
  latest: DraftView;
  dirty: boolean;
  onClose(): void;
  onRestored(view: DraftView): void;
}

export function VersionsDialog({ caseRecord, latest, dirty, onClose, onRestored }: VersionsDialogProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const [selected, setSelected] = useState(latest.latestVersion);
  const [showChanges, setShowChanges] = useState(false);
  const shown = useQuery('mail.showDraft', { caseId: caseRecord.id, draft: latest.id, version: selected }, revision);
  const before = useQuery('mail.showDraft', { caseId: caseRecord.id, draft: latest.id, version: Math.max(1, selected - 1) }, revision);
  const action = useAction();
  const versions = [...latest.versions].reverse();

  async function restore(view: DraftView): Promise<void> {
    const restored = await action.run(() =>
      call('mail.saveDraft', {
        caseId: caseRecord.id,
        draft: latest.id,
        baseVersion: latest.latestVersion,
        subject: view.subject,
        body: view.body,
        from: view.from,
        to: view.to,
        cc: view.cc,
        attachments: view.attachments.map((attachment) => attachment.ref),
        mode: view.mode,
      }),
    );
    if (restored) {
      onRestored(restored);
      onClose();
    }
  }

  const view = shown.value;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Versions" description={`Every save of ${latest.id} is kept. Restoring saves the old content again as a new version.`}>
      <div className="dialog-body dialog-body--xwide versions">
        <ol className="versions__list" aria-label="Saved versions">
          {versions.map((version) => (
            <li key={version.version}>
              <button type="button" className="versions__item" aria-current={version.version === selected ? 'true' : undefined} onClick={() => setSelected(version.version)}>
                <span className="versions__number">v{version.version}</span>
                <span className="versions__meta">
                  {formatUtc(version.savedAt)} · {version.savedBy}
                  {version.version === latest.latestVersion ? ' · latest' : ''}
                </span>
                <span className="versions__subject">{version.subject}</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="versions__detail" aria-live="polite">
          {shown.status === 'error' ? <Notice tone="error">{shown.error.message}</Notice> : null}
          {view ? (
            <>
              <div className="versions__head">
                <h3 className="versions__title">
                  Version {view.version} <ModeBadge mode={view.mode} />
                </h3>
                {view.version > 1 ? (
                  <label className="checkbox">
                    <input type="checkbox" checked={showChanges} onChange={(event) => setShowChanges(event.target.checked)} />
                    <span>Changes from v{view.version - 1}</span>
                  </label>
                ) : null}
              </div>
              <dl className="mail-headers mail-headers--compact">
                <dt>To</dt>
                <dd>{view.recipients.filter((r) => r.field === 'to').map((r) => r.label).join(', ') || '—'}</dd>
                {view.cc.length > 0 ? (
                  <>
                    <dt>Cc</dt>
                    <dd>{view.recipients.filter((r) => r.field === 'cc').map((r) => r.label).join(', ')}</dd>
                  </>
                ) : null}
                <dt>Subject</dt>
                <dd>{view.subject}</dd>
                <dt>Attached</dt>
                <dd>{view.attachments.flatMap((a) => a.names).join(', ') || 'nothing'}</dd>
              </dl>
              {showChanges && before.value && view.version > 1 ? (
                <DiffView label={`Changes from version ${view.version - 1}`} before={before.value} after={view} />
              ) : (
                <pre className="versions__text" aria-label={`Text of version ${view.version}`}>
                  {view.body}
                </pre>
              )}
            </>
          ) : (
            <p className="muted" aria-busy="true">
              Opening version {selected}…
            </p>
          )}
        </div>
      </div>
      {dirty ? <Notice tone="warning">You have unsaved changes in the composer; restoring keeps them there, unsaved, on top of the restored version.</Notice> : null}
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      <div className="form__actions versions__actions">
        <button type="button" className="button" onClick={onClose} disabled={action.busy}>
          Done
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => view && void restore(view)}
          disabled={!view || view.version === latest.latestVersion || action.busy}
          data-autofocus
        >
          {view && view.version !== latest.latestVersion ? `Restore v${view.version} as v${latest.latestVersion + 1}` : 'This is the latest version'}
        </button>
      </div>
    </Dialog>
  );
}
