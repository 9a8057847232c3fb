// The vault's mail templates: every email of the process, its subject and body with the
// {{variables}} highlighted, editable for this vault and reset to the default wording with
// one confirmation; which process step each is the email for; and the mail settings the
// templates draw on (the sender, the lists' addresses, the neutral outer subject, when to
// remind distributors). Drafts already made keep their text: a template change applies to the
// next draft.
import { useRef, useState, type ReactElement } from 'react';
import type { MailSettings, MailTemplateId, TemplateDetail } from '../../../shared/contract/index.ts';
import { MAIL_LISTS } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../keyring/use-action.ts';
import { ModeBadge } from './MailTab.tsx';
import { MarkedField, type MarkedFieldHandle } from './MarkedField.tsx';
import { DiffView } from './DiffView.tsx';
import { LIST_LABELS, placeholderNames, templateUses } from './mail-model.ts';
import '../keyring/keyring.css';
import './mail.css';

export function TemplatesPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const templates = useQuery('mail.templates', {}, revision);
  const [selected, setSelected] = useState<MailTemplateId>('distributors-notice');
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <PageHeading>Mail templates</PageHeading>
          <p className="page__subtitle">The wording of every email of the process for this vault. A change applies to the next draft; reset brings the default back.</p>
        </div>
      </div>
      {templates.status === 'error' ? <Notice tone="error">{templates.error.message}</Notice> : null}
      <div className="templates">
        <nav className="panel templates__list" aria-label="Templates">
          <ul>
            {(templates.value ?? []).map((template) => (
              <li key={template.id}>
                <button type="button" className="templates__item" aria-current={template.id === selected ? 'true' : undefined} onClick={() => setSelected(template.id)}>
                  {template.mode === 'encrypted' ? <Icon name="lock" label="Encrypted" /> : <Icon name="eye" label="In clear" />}
                  <span className="templates__item-title">{template.title}</span>
                  {template.customised ? <span className="badge badge--neutral">Customised</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <TemplateEditor key={selected} id={selected} />
      </div>
      <SettingsPanel />
    </div>
  );
}

function TemplateEditor({ id }: { id: MailTemplateId }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const template = useQuery('mail.template', { id }, revision);
  const profiles = useQuery('process.profiles', {}, revision);
  const variables = useQuery('mail.variables', {}, revision);
  const [edit, setEdit] = useState<{ subject: string; body: string } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [showDefault, setShowDefault] = useState(false);
  const action = useAction();
  const body = useRef<MarkedFieldHandle>(null);

  if (template.status === 'error') return <Notice tone="error">{template.error.message}</Notice>;
  const value = template.value;
  if (!value) {
    return (
      <p className="muted" aria-busy="true">
        Opening the template…
      </p>
    );
  }
  const subject = edit?.subject ?? value.subject;
  const text = edit?.body ?? value.body;
  const dirty = edit !== null && (edit.subject !== value.subject || edit.body !== value.body);
  const known = new Set((variables.value ?? []).map((variable) => variable.name));
  const unknown = placeholderNames(subject, text).filter((name) => variables.value && !known.has(name));
  const uses = templateUses(value, profiles.value ?? []);

  async function save(): Promise<void> {
    const saved = await action.run(() => call('mail.saveTemplate', { id, subject, body: text }));
    if (saved) setEdit(null);
  }

  async function reset(): Promise<void> {
    const done = await action.run(() => call('mail.resetTemplate', { id }));
    if (done) {
      setEdit(null);
      setConfirmReset(false);
    }
  }

  return (
    <section className="panel templates__editor" aria-labelledby="template-title">
      <div className="panel__header templates__header">
        <div>
          <h2 className="panel__title" id="template-title">
            {value.title} <ModeBadge mode={value.mode} /> {value.customised ? <span className="badge badge--neutral">Customised</span> : null}
          </h2>
          <p className="field__hint">{value.description}</p>
          <p className="templates__uses">
            {uses.length > 0 ? uses.map((use) => `${use.profile} › ${use.phase}`).join(' · ') : 'Sent by any profile, when it happens'} · to{' '}
            {describeSpecs(value)}
          </p>
        </div>
      </div>
      <div className="composer-editor__body">
        <div className="field">
          <label className="field__label" htmlFor="template-subject">
            Subject
          </label>
          <MarkedField id="template-subject" value={subject} onChange={(next) => setEdit({ subject: next, body: text })} disabled={action.busy} />
        </div>
        <div className="field">
          <div className="composer-editor__label-row">
            <label className="field__label" htmlFor="template-body">
              Body
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={showDefault} onChange={(event) => setShowDefault(event.target.checked)} />
              <span>Changes from the default</span>
            </label>
          </div>
          {showDefault ? (
            <DiffView label="Changes from the default wording" before={{ subject: value.defaultSubject, body: value.defaultBody }} after={{ subject, body: text }} />
          ) : (
            <MarkedField ref={body} id="template-body" value={text} onChange={(next) => setEdit({ subject, body: next })} multiline softWrap rows={22} disabled={action.busy} />
          )}
          <p className="field__hint">
            Write paragraphs as one line each: drafts are wrapped at 72 columns once filled. A <span className="mono">{'{{variable}}'}</span> alone on its line takes a multi-line value with its indent. A variable without a value becomes ⟦missing: name⟧ in the
            draft, never an empty gap.
          </p>
        </div>
        {unknown.length > 0 ? (
          <Notice tone="warning">
            Not a variable the composer knows: {unknown.map((name) => `{{${name}}}`).join(', ')}. Every draft will show {unknown.length === 1 ? 'it' : 'them'} as missing until written in by hand.
          </Notice>
        ) : null}
        <details className="templates__variables">
          <summary>Variables you can use ({variables.value?.length ?? 0})</summary>
          <dl className="composer-variables__list templates__variable-list">
            {(variables.value ?? []).map((variable) => (
              <div key={variable.name} className="composer-variables__row">
                <dt>
                  <button type="button" className="mail-link mono" onClick={() => body.current?.insert(`{{${variable.name}}}`)} disabled={showDefault || action.busy} title="Insert at the cursor in the body">
                    {`{{${variable.name}}}`}
                  </button>
                </dt>
                <dd>{variable.description}</dd>
              </div>
            ))}
          </dl>
        </details>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      </div>
      <div className="composer-savebar" data-dirty={dirty || undefined}>
        <span className="composer-savebar__text" role="status">
          {dirty ? <strong>Unsaved changes</strong> : <span className="muted">{value.customised ? 'This vault’s wording.' : 'The default wording.'}</span>}
        </span>
        <button type="button" className="button" onClick={() => setConfirmReset(true)} disabled={!value.customised || action.busy}>
          Reset to default…
        </button>
        <button type="button" className="button" onClick={() => setEdit(null)} disabled={!dirty || action.busy}>
          Discard
        </button>
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={!dirty || action.busy}>
          {action.busy ? 'Saving…' : 'Save template'}
        </button>
      </div>
      {confirmReset ? (
        <Dialog open onOpenChange={(open) => setConfirmReset(open)} title="Reset to the default wording?" description={`${value.title}: this vault’s subject and body are replaced by the default. Drafts already made keep their text.`}>
          <div className="dialog-body">
            {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setConfirmReset(false)} disabled={action.busy} data-autofocus>
                Keep mine
              </button>
              <button type="button" className="button mail-danger-button" onClick={() => void reset()} disabled={action.busy}>
                Reset to default
              </button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function describeSpecs(template: TemplateDetail): string {
  const names = [...template.to, ...template.cc].map((spec) =>
    'list' in spec
      ? LIST_LABELS[spec.list].title.toLowerCase()
      : {
          fixTeam: 'the Fix Team',
          releaseManagers: 'the Release Managers',
          fixLead: 'the Fix Lead',
          reporter: 'the reporter',
          handoffTo: 'the incoming lead',
          requester: 'the requester',
          memberContacts: 'the member’s contacts',
          membersToRemind: 'the members to remind',
        }[spec.role],
  );
  return names.join(', ') || 'nobody by default';
}

function SettingsPanel(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const settings = useQuery('mail.settings', {}, revision);
  if (settings.status === 'error') return <Notice tone="error">{settings.error.message}</Notice>;
  if (!settings.value) return <></>;
  return <SettingsForm key={JSON.stringify(settings.value)} settings={settings.value} />;
}

function SettingsForm({ settings }: { settings: MailSettings }): ReactElement {
  const [draft, setDraft] = useState(settings);
  const action = useAction();
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);

  async function save(): Promise<void> {
    const from = draft.from && draft.from.address.trim() !== '' ? { name: draft.from.name.trim(), address: draft.from.address.trim() } : null;
    await action.run(() => call('mail.updateSettings', { ...draft, from }));
  }

  return (
    <section className="panel templates-settings" aria-labelledby="mail-settings-heading">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="mail-settings-heading">
            Mail settings
          </h2>
          <p className="field__hint">What the templates draw on, for every case of this vault.</p>
        </div>
      </div>
      <form
        className="panel__body templates-settings__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <div className="templates-settings__grid">
          <div className="field">
            <label className="field__label" htmlFor="mail-from-name">
              Sender name
            </label>
            <input id="mail-from-name" className="input" value={draft.from?.name ?? ''} onChange={(event) => setDraft({ ...draft, from: { name: event.target.value, address: draft.from?.address ?? '' } })} placeholder="From your key’s user ID" />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-from-address">
              Sender address
            </label>
            <input
              id="mail-from-address"
              className="input input--mono"
              value={draft.from?.address ?? ''}
              onChange={(event) => setDraft({ ...draft, from: { name: draft.from?.name ?? '', address: event.target.value } })}
              placeholder="Empty: your key’s address"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-project">
              oss-security subject tag
            </label>
            <input id="mail-project" className="input input--mono" value={draft.project} onChange={(event) => setDraft({ ...draft, project: event.target.value })} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-project-name">
              Project name
            </label>
            <input id="mail-project-name" className="input" value={draft.projectName} onChange={(event) => setDraft({ ...draft, projectName: event.target.value })} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-outer-subject">
              Outer subject of encrypted mail
            </label>
            <input id="mail-outer-subject" className="input input--mono" value={draft.outerSubject} onChange={(event) => setDraft({ ...draft, outerSubject: event.target.value })} />
            <p className="field__hint">What mail servers see instead of the real subject. It must name nothing.</p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-remind-within">
              Remind before the Release Date (hours)
            </label>
            <input
              id="mail-remind-within"
              className="input"
              type="number"
              min={1}
              max={720}
              value={draft.reminderWithinHours}
              onChange={(event) => setDraft({ ...draft, reminderWithinHours: Number(event.target.value) })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-remind-quiet">
              Remind after silence (hours)
            </label>
            <input
              id="mail-remind-quiet"
              className="input"
              type="number"
              min={1}
              max={720}
              value={draft.reminderQuietHours}
              onChange={(event) => setDraft({ ...draft, reminderQuietHours: Number(event.target.value) })}
            />
          </div>
        </div>
        <fieldset className="templates-settings__lists">
          <legend className="field__label">Mailing lists</legend>
          {MAIL_LISTS.map((list) => (
            <div key={list} className="templates-settings__list">
              <label htmlFor={`mail-list-${list}`}>{LIST_LABELS[list].title}</label>
              <input
                id={`mail-list-${list}`}
                className="input input--mono"
                value={draft.lists[list]}
                onChange={(event) => setDraft({ ...draft, lists: { ...draft.lists, [list]: event.target.value } })}
              />
            </div>
          ))}
        </fieldset>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setDraft(settings)} disabled={!dirty || action.busy}>
            Discard
          </button>
          <button type="submit" className="button button--primary" disabled={!dirty || action.busy}>
            Save settings
          </button>
        </div>
      </form>
    </section>
  );
}
