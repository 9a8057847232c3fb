// One draft in the composer: recipients with their key health, the subject and the body in a
// monospace editor at 72 columns with every ⟦missing⟧ marker highlighted, what is missing and
// where to fill it, the attachments, the preview of the message as it will be sent, the saved
// versions and the exports. Text is edited here and saved as a new version (Ctrl+S);
// recipients, attachments and the mode are saved as they change, each a version too.
import { useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { AttachmentRef, CaseRecord, DraftView, MailMode } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatRelative, formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../keyring/use-action.ts';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ExportHistory } from './ExportHistory.tsx';
import { MarkedField, type MarkedFieldHandle } from './MarkedField.tsx';
import { MissingPanel, VariablesPanel } from './MissingPanel.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { RecipientsPanel, type RecipientChange } from './RecipientsPanel.tsx';
import { VersionsDialog } from './VersionsDialog.tsx';
import { fillMissing, longLines, markerRange, missingNames, plural, WRAP_COLUMNS } from './mail-model.ts';
import { useMailUi } from './mail-store.ts';

interface ComposerProps {
  caseRecord: CaseRecord;
  draftId: string;
  onClose(): void;
}

export function Composer({ caseRecord, draftId, onClose }: ComposerProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const draft = useQuery('mail.showDraft', { caseId: caseRecord.id, draft: draftId }, revision);
  // The view a save returned, until the query has caught up with it (no flicker back to the old version).
  const [saved, setSaved] = useState<DraftView | null>(null);
  const view = saved && (!draft.value || saved.latestVersion > draft.value.latestVersion) ? saved : draft.value;

  if (draft.status === 'error' && !view) {
    return (
      <div className="composer">
        <BackButton onClose={onClose} />
        <Notice tone="error">{draft.error.message}</Notice>
      </div>
    );
  }
  if (!view) {
    return (
      <p className="muted" aria-busy="true">
        Opening the draft…
      </p>
    );
  }
  return <ComposerView caseRecord={caseRecord} view={view} onSaved={setSaved} onClose={onClose} />;
}

function BackButton({ onClose }: { onClose(): void }): ReactElement {
  return (
    <button type="button" className="button button--ghost button--small composer__back" onClick={onClose}>
      <Icon name="chevronRight" /> All emails
    </button>
  );
}

interface StructuralChange {
  to?: RecipientChange['to'];
  cc?: RecipientChange['cc'];
  attachments?: AttachmentRef[];
  mode?: MailMode;
}

function ComposerView({ caseRecord, view, onSaved, onClose }: { caseRecord: CaseRecord; view: DraftView; onSaved(view: DraftView): void; onClose(): void }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const template = useQuery('mail.template', { id: view.templateId }, revision);
  const variables = useQuery('mail.variables', {}, revision);
  const values = useQuery('mail.preview', { caseId: view.caseId, template: view.templateId, context: view.context }, revision);
  const settings = useQuery('mail.settings', {}, revision);
  const edit = useMailUi((state) => state.edits[view.id]);
  const textEdited = useMailUi((state) => state.textEdited);
  const editDropped = useMailUi((state) => state.editDropped);
  const action = useAction();
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [dialog, setDialog] = useState<'versions' | 'export' | null>(null);
  const subjectField = useRef<MarkedFieldHandle>(null);
  const bodyField = useRef<MarkedFieldHandle>(null);

  const subject = edit?.subject ?? view.subject;
  const body = edit?.body ?? view.body;
  const dirty = edit !== undefined;
  // Someone saved other text since this edit began (another window, a restore).
  const drifted = edit !== undefined && (edit.baseSubject !== view.subject || edit.baseBody !== view.body);
  const missing = missingNames(subject, body);
  const tooLong = longLines(body);
  const descriptions = Object.fromEntries((variables.value ?? []).map((variable) => [variable.name, variable.description]));
  const caseValues = values.value?.variables ?? {};
  const title = template.value?.title ?? view.templateId;

  function change(next: { subject?: string; body?: string }): void {
    textEdited(view.id, {
      subject: next.subject ?? subject,
      body: next.body ?? body,
      baseSubject: edit?.baseSubject ?? view.subject,
      baseBody: edit?.baseBody ?? view.body,
    });
  }

  async function saveText(): Promise<void> {
    if (!dirty || action.busy) return;
    const result = await action.run(() => call('mail.saveDraft', { caseId: view.caseId, draft: view.id, baseVersion: view.latestVersion, subject, body }));
    if (result) {
      onSaved(result);
      editDropped(view.id);
    }
  }

  async function saveStructure(changes: StructuralChange): Promise<string | null> {
    let failure: string | null = null;
    const result = await action.run(async () => {
      const answer = await call('mail.saveDraft', { caseId: view.caseId, draft: view.id, baseVersion: view.latestVersion, ...changes });
      if (!answer.ok) failure = answer.error.message;
      return answer;
    });
    if (result) onSaved(result);
    return failure;
  }

  function show(name: string): void {
    const inSubject = markerRange(subject, name);
    if (inSubject) subjectField.current?.select(inSubject.start, inSubject.end);
    else {
      const inBody = markerRange(body, name);
      if (inBody) bodyField.current?.select(inBody.start, inBody.end);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void saveText();
    }
  }

  return (
    <div className="composer" onKeyDown={onKeyDown}>
      <header className="composer__bar">
        <BackButton onClose={onClose} />
        <div className="composer__title">
          <h2>{title}</h2>
          <span className="composer__meta">
            <span className="mono">{view.id}</span> · v{view.latestVersion} saved {formatRelative(view.savedAt)} by {view.savedBy}
          </span>
        </div>
        <div className="composer__actions">
          <div className="mail-segmented" role="group" aria-label="Sent as">
            {(['encrypted', 'clear'] as const).map((candidate) => (
              <button
                key={candidate}
                type="button"
                className={view.mode === candidate ? 'is-on' : undefined}
                aria-pressed={view.mode === candidate}
                disabled={action.busy}
                onClick={() => (view.mode === candidate ? undefined : void saveStructure({ mode: candidate }))}
                title={candidate === 'encrypted' ? 'PGP/MIME, encrypted to every recipient' : 'In clear: public announcements, after the Release Date'}
              >
                <Icon name={candidate === 'encrypted' ? 'lock' : 'eye'} /> {candidate === 'encrypted' ? 'Encrypted' : 'In clear'}
              </button>
            ))}
          </div>
          <div className="mail-segmented" role="group" aria-label="View">
            <button type="button" className={mode === 'edit' ? 'is-on' : undefined} aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
              <Icon name="edit" /> Edit
            </button>
            <button type="button" className={mode === 'preview' ? 'is-on' : undefined} aria-pressed={mode === 'preview'} onClick={() => setMode('preview')}>
              <Icon name="eye" /> Preview
            </button>
          </div>
          <button type="button" className="button" onClick={() => setDialog('versions')}>
            <Icon name="clock" /> Versions <span className="tabs__count">{view.versions.length}</span>
          </button>
          <button type="button" className="button button--primary" onClick={() => setDialog('export')}>
            <Icon name="lock" /> Export…
          </button>
        </div>
      </header>

      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      {drifted ? (
        <Notice tone="warning">
          The draft’s text was saved as version {view.latestVersion} since you began these changes. Saving keeps yours as a new version on top;{' '}
          <button type="button" className="mail-link" onClick={() => editDropped(view.id)}>
            discard yours and show version {view.latestVersion}
          </button>
          .
        </Notice>
      ) : null}

      {mode === 'preview' ? (
        <>
          {dirty ? <Notice tone="warning">The preview shows version {view.latestVersion} as saved; your unsaved changes are not in it.</Notice> : null}
          <PreviewPane view={view} outerSubject={settings.value?.outerSubject ?? '[...]'} />
        </>
      ) : (
        <>
          <RecipientsPanel view={view} busy={action.busy} onSave={(next) => saveStructure(next)} />
          <div className="composer__grid">
            <section className="panel composer-editor" aria-labelledby="composer-message-heading">
              <div className="panel__header">
                <h2 className="panel__title" id="composer-message-heading">
                  Message
                </h2>
                <span className="composer-editor__from">
                  From <strong>{view.from.name}</strong> <span className="mono">&lt;{view.from.address}&gt;</span>
                </span>
              </div>
              <div className="composer-editor__body">
                <div className="field">
                  <label className="field__label" htmlFor="composer-subject">
                    Subject
                  </label>
                  <MarkedField
                    ref={subjectField}
                    id="composer-subject"
                    value={subject}
                    onChange={(value) => change({ subject: value })}
                    invalid={missingNames(subject).length > 0}
                    describedBy="composer-missing-heading"
                    disabled={action.busy}
                  />
                </div>
                <div className="field">
                  <div className="composer-editor__label-row">
                    <label className="field__label" htmlFor="composer-body">
                      Body
                    </label>
                    <span className="field__hint">Plain text, wrapped at {WRAP_COLUMNS} columns when saved</span>
                  </div>
                  <MarkedField ref={bodyField} id="composer-body" value={body} onChange={(value) => change({ body: value })} multiline ruler rows={24} disabled={action.busy} describedBy="composer-body-hint" />
                  <p className="field__hint" id="composer-body-hint">
                    {tooLong.length > 0
                      ? `${plural(tooLong.length, 'line is', 'lines are')} longer than ${WRAP_COLUMNS} columns (line ${tooLong.slice(0, 5).join(', ')}${tooLong.length > 5 ? ', …' : ''}): saving wraps them at word boundaries.`
                      : `Every line fits in ${WRAP_COLUMNS} columns.`}
                  </p>
                </div>
              </div>
              <div className="composer-savebar" data-dirty={dirty || undefined}>
                <span className="composer-savebar__text" role="status">
                  {dirty ? <strong>Unsaved changes</strong> : <span className="muted">Saved as version {view.latestVersion} · {formatUtc(view.savedAt)}</span>}
                </span>
                <button type="button" className="button" onClick={() => editDropped(view.id)} disabled={!dirty || action.busy}>
                  Discard
                </button>
                <button type="button" className="button button--primary" onClick={() => void saveText()} disabled={!dirty || action.busy} title="Ctrl+S">
                  {action.busy ? 'Saving…' : `Save as version ${view.latestVersion + 1}`}
                </button>
              </div>
            </section>
            <aside className="composer__side" aria-label="Draft details">
              <MissingPanel
                missing={missing}
                descriptions={descriptions}
                values={caseValues}
                disabled={action.busy}
                onShow={show}
                onFill={(name, value) => change({ subject: fillMissing(subject, name, value), body: fillMissing(body, name, value) })}
                onFillAll={(entries) =>
                  change({
                    subject: entries.reduce((text, [name, value]) => fillMissing(text, name, value), subject),
                    body: entries.reduce((text, [name, value]) => fillMissing(text, name, value), body),
                  })
                }
              />
              <AttachmentsPanel caseRecord={caseRecord} view={view} busy={action.busy} onSave={(attachments) => saveStructure({ attachments })} onAttached={onSaved} />
              {template.value ? (
                <VariablesPanel variables={template.value.variables} unknown={template.value.unknownVariables} values={caseValues} descriptions={descriptions} />
              ) : null}
            </aside>
          </div>
        </>
      )}
      <ExportHistory exports={view.exports} />
      {dialog === 'versions' ? <VersionsDialog caseRecord={caseRecord} latest={view} dirty={dirty} onClose={() => setDialog(null)} onRestored={onSaved} /> : null}
      {dialog === 'export' ? <ExportDialog caseRecord={caseRecord} view={view} templateTitle={title} dirty={dirty} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
