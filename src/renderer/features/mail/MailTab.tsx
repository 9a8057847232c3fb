// The Mail tab of a case: every email drafted for it (from a template of the process, filled
// from the case), the distributors' answers to each notice sent, and who to remind as the
// Release Date nears. Opening a draft shows the composer in place of the overview.
import { useState, type ReactElement } from 'react';
import type { CaseRecord, DraftSummary, TemplateSummary } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatRelative, formatUtc } from '../../lib/time.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { AcknowledgementsPanel } from './AcknowledgementsPanel.tsx';
import { Composer } from './Composer.tsx';
import { ImportMailPanel } from './ImportMailPanel.tsx';
import { NewEmailDialog } from './NewEmailDialog.tsx';
import { plural } from './mail-model.ts';
import { useMailUi } from './mail-store.ts';
import '../keyring/keyring.css';
import './mail.css';

export function MailTab({ caseRecord }: CaseTabProps): ReactElement {
  const openDraft = useMailUi((state) => state.openDrafts[caseRecord.id] ?? null);
  const draftOpened = useMailUi((state) => state.draftOpened);
  if (openDraft) return <Composer caseRecord={caseRecord} draftId={openDraft} onClose={() => draftOpened(caseRecord.id, null)} />;
  return <MailOverview caseRecord={caseRecord} />;
}

function MailOverview({ caseRecord }: { caseRecord: CaseRecord }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const drafts = useQuery('mail.drafts', { caseId: caseRecord.id }, revision);
  const templates = useQuery('mail.templates', {}, revision);
  const draftOpened = useMailUi((state) => state.draftOpened);
  const [picking, setPicking] = useState(false);

  return (
    <div className="mail">
      <section className="panel" aria-labelledby="mail-drafts-heading">
        <div className="panel__header">
          <div>
            <h2 className="panel__title" id="mail-drafts-heading">
              Emails
            </h2>
            <p className="field__hint">Drafted from the process’s templates, filled from this case, exported as encrypted PGP/MIME files a mail client opens.</p>
          </div>
          <button type="button" className="button button--primary" onClick={() => setPicking(true)}>
            <Icon name="plus" /> New email…
          </button>
        </div>
        {drafts.status === 'error' ? (
          <div className="panel__body">
            <Notice tone="error">{drafts.error.message}</Notice>
          </div>
        ) : null}
        {drafts.value && drafts.value.length === 0 ? (
          <EmptyState icon="note" title="No email drafted yet">
            <p>Pick the email the process calls for next: the template fills in what the case knows and marks what it does not.</p>
            <button type="button" className="button" onClick={() => setPicking(true)}>
              Choose a template…
            </button>
          </EmptyState>
        ) : null}
        {drafts.value && drafts.value.length > 0 ? (
          <DraftTable drafts={drafts.value} templates={templates.value ?? []} onOpen={(id) => draftOpened(caseRecord.id, id)} />
        ) : null}
        {!drafts.value && drafts.status === 'loading' ? (
          <p className="panel__body muted" aria-busy="true">
            Reading the drafts…
          </p>
        ) : null}
      </section>
      <AcknowledgementsPanel caseRecord={caseRecord} onOpenDraft={(id) => draftOpened(caseRecord.id, id)} />
      <ImportMailPanel caseRecord={caseRecord} />
      {picking ? <NewEmailDialog caseRecord={caseRecord} onClose={() => setPicking(false)} onCreated={(id) => draftOpened(caseRecord.id, id)} /> : null}
    </div>
  );
}

function DraftTable({ drafts, templates, onOpen }: { drafts: DraftSummary[]; templates: TemplateSummary[]; onOpen(id: string): void }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Email drafts">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Sent as</th>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft) => (
            <tr key={draft.id}>
              <td>
                <button type="button" className="table__primary mail-draft__subject" onClick={() => onOpen(draft.id)}>
                  {draft.subject || '(no subject)'}
                </button>
                <span className="table__secondary">
                  {templates.find((template) => template.id === draft.templateId)?.title ?? draft.templateId} · <span className="mono">{draft.id}</span>
                </span>
              </td>
              <td>
                <ModeBadge mode={draft.mode} />
              </td>
              <td className="cell-mono">v{draft.version}</td>
              <td>
                <span title={formatUtc(draft.savedAt)}>{formatRelative(draft.savedAt)}</span>
              </td>
              <td>
                <span className="mail-draft__state">
                  {draft.missing.length > 0 ? (
                    <span className="mail-pill mail-pill--missing">
                      <Icon name="alert" /> {plural(draft.missing.length, 'missing variable')}
                    </span>
                  ) : (
                    <span className="mail-pill mail-pill--ready">
                      <Icon name="check" /> Complete
                    </span>
                  )}
                  {draft.exports > 0 ? <span className="faint">exported {plural(draft.exports, 'time')}</span> : <span className="faint">not exported</span>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ModeBadge({ mode }: { mode: 'encrypted' | 'clear' }): ReactElement {
  return mode === 'encrypted' ? (
    <span className="badge mail-mode mail-mode--encrypted">
      <Icon name="lock" /> Encrypted
    </span>
  ) : (
    <span className="badge mail-mode mail-mode--clear">
      <Icon name="eye" /> In clear
    </span>
  );
}
