// Choosing the email to write: every template of the process, each with when it is sent and
// which step of which process profile it is the email for, this case's profile first. The two
// emails about the distributors list (a membership answer, a removal notice) also ask which
// request or member they are about. The draft is made by the core, filled from the case.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord, DraftContext, MailTemplateId, ProcessProfile, TemplateSummary } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../keyring/use-action.ts';
import { ModeBadge } from './MailTab.tsx';
import { contextNeeded, orderTemplates, templateUses } from './mail-model.ts';

interface NewEmailDialogProps {
  caseRecord: CaseRecord;
  onClose(): void;
  onCreated(draftId: string): void;
}

export function NewEmailDialog({ caseRecord, onClose, onCreated }: NewEmailDialogProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const templates = useQuery('mail.templates', {}, revision);
  const profiles = useQuery('process.profiles', {}, revision);
  const profile = profiles.value?.find((candidate) => candidate.id === caseRecord.profile.id) ?? null;
  const [chosen, setChosen] = useState<MailTemplateId | null>(null);
  const [context, setContext] = useState<DraftContext>({});
  const action = useAction();
  const needs = chosen ? contextNeeded(chosen) : null;
  const contextMissing = (needs === 'request' && !context.requestId) || (needs === 'member' && !context.memberId);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!chosen || contextMissing || action.busy) return;
    const created = await action.run(() => call('mail.createDraft', { caseId: caseRecord.id, template: chosen, context: needs ? context : {} }));
    if (created) {
      onCreated(created.id);
      onClose();
    }
  }

  const ordered = orderTemplates(templates.value ?? [], profile);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="New email"
      description={`Every email of the process. The draft is filled from ${caseRecord.id}; what the case does not know yet is marked, never left blank.`}
    >
      <form className="form dialog-body dialog-body--xwide" onSubmit={(event) => void submit(event)} noValidate>
        {templates.status === 'error' ? <Notice tone="error">{templates.error.message}</Notice> : null}
        <fieldset className="choices mail-templates" aria-label="Template">
          <TemplateGroup
            title={profile ? `Sent by this case’s process · ${profile.title}` : 'Sent by this case’s process'}
            templates={ordered.filter((t) => t.checklistItems.some((item) => profile?.phases.some((phase) => phase.items.some((i) => i.id === item))))}
            profiles={profiles.value ?? []}
            own={profile?.title ?? null}
            chosen={chosen}
            onChoose={setChosen}
            disabled={action.busy}
          />
          <TemplateGroup
            title="Sent when needed"
            templates={ordered.filter((t) => t.checklistItems.length === 0)}
            profiles={profiles.value ?? []}
            own={profile?.title ?? null}
            chosen={chosen}
            onChoose={setChosen}
            disabled={action.busy}
          />
          <TemplateGroup
            title="Sent by other process profiles"
            templates={ordered.filter((t) => t.checklistItems.length > 0 && !t.checklistItems.some((item) => profile?.phases.some((phase) => phase.items.some((i) => i.id === item))))}
            profiles={profiles.value ?? []}
            own={profile?.title ?? null}
            chosen={chosen}
            onChoose={setChosen}
            disabled={action.busy}
          />
        </fieldset>
        {needs ? <ContextPicker needs={needs} context={context} onChange={setContext} disabled={action.busy} /> : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!chosen || contextMissing || action.busy}>
            {action.busy ? 'Drafting…' : 'Draft this email'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function TemplateGroup({
  title,
  templates,
  profiles,
  own,
  chosen,
  onChoose,
  disabled,
}: {
  title: string;
  templates: TemplateSummary[];
  profiles: ProcessProfile[];
  /** The case's own profile: its steps are drawn stronger than other profiles'. */
  own: string | null;
  chosen: MailTemplateId | null;
  onChoose(id: MailTemplateId): void;
  disabled: boolean;
}): ReactElement | null {
  if (templates.length === 0) return null;
  return (
    <div className="mail-templates__group" role="group" aria-label={title}>
      <h3 className="mail-templates__heading">{title}</h3>
      <div className="mail-templates__grid">
        {templates.map((template) => {
          const uses = templateUses(template, profiles);
          return (
            <label key={template.id} className="choice mail-template-choice">
              <input type="radio" name="mail-template" value={template.id} checked={chosen === template.id} onChange={() => onChoose(template.id)} disabled={disabled} />
              <span className="mail-template-choice__text">
                <span className="choice__title">
                  {template.title}
                  <ModeBadge mode={template.mode} />
                  {template.customised ? <span className="badge badge--neutral">Customised</span> : null}
                </span>
                <span className="choice__text">{template.description}</span>
                <span className="mail-template-choice__uses">
                  {uses.length > 0
                    ? uses.map((use) => (
                        <span key={`${use.profile} ${use.item}`} className={use.profile === own ? 'is-own' : undefined} title={`${use.profile} › ${use.phase} › ${use.item}`}>
                          {shortProfile(use.profile)} · {use.phase}
                        </span>
                      ))
                    : <span>Any profile, when it happens</span>}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}

/** "Kubernetes Security Release Process (2017)" reads as "Kubernetes (2017)" in a crowded line. */
function shortProfile(title: string): string {
  const year = /\((\d{4})\)/.exec(title)?.[1];
  if (/^Kubernetes/.test(title)) return year ? `Kubernetes ${year}` : /current/i.test(title) ? 'Kubernetes current' : 'Kubernetes';
  return title;
}

function ContextPicker({
  needs,
  context,
  onChange,
  disabled,
}: {
  needs: 'request' | 'member';
  context: DraftContext;
  onChange(context: DraftContext): void;
  disabled: boolean;
}): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const requests = useQuery('distributors.requests', {}, revision);
  const members = useQuery('distributors.list', { includeRemoved: true }, revision);
  if (needs === 'request') {
    const options = requests.value ?? [];
    return (
      <div className="field">
        <label className="field__label" htmlFor="mail-context-request">
          Membership request
        </label>
        <select id="mail-context-request" className="input" value={context.requestId ?? ''} onChange={(event) => onChange({ requestId: event.target.value || undefined })} disabled={disabled}>
          <option value="">Choose the request this answers…</option>
          {options.map((request) => (
            <option key={request.id} value={request.id}>
              {request.organisation} ({request.distribution}){request.decision ? ` — ${request.decision.outcome}` : ' — not decided yet'}
            </option>
          ))}
        </select>
        {options.length === 0 ? <p className="field__hint">No membership request is recorded: record one on the Distributors page first.</p> : null}
      </div>
    );
  }
  const options = members.value ?? [];
  return (
    <div className="field">
      <label className="field__label" htmlFor="mail-context-member">
        Member
      </label>
      <select id="mail-context-member" className="input" value={context.memberId ?? ''} onChange={(event) => onChange({ memberId: event.target.value || undefined })} disabled={disabled}>
        <option value="">Choose the member this is about…</option>
        {options.map((member) => (
          <option key={member.id} value={member.id}>
            {member.organisation} ({member.distribution}){member.status === 'removed' ? ' — removed' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
