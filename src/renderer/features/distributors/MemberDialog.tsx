// Add a founding member (later members come through a request) or change a member: the
// organisation, its distribution, the contacts who receive the list's mail and any team keys.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { MemberView } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { KeyPicker } from '../keyring/KeyPicker.tsx';
import { useAction } from '../keyring/use-action.ts';
import { ContactPicker } from './ContactPicker.tsx';

export function MemberDialog({ member, onClose }: { member: MemberView | null; onClose(): void }): ReactElement {
  const [organisation, setOrganisation] = useState(member?.organisation ?? '');
  const [distribution, setDistribution] = useState(member?.distribution ?? '');
  const [contacts, setContacts] = useState<string[]>(member?.contacts ?? []);
  const [fingerprints, setFingerprints] = useState<string[]>(member?.fingerprints ?? []);
  const [note, setNote] = useState(member?.note ?? '');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const missing = organisation.trim() === '' || distribution.trim() === '';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (missing) return;
    const fields = { organisation: organisation.trim(), distribution: distribution.trim(), contacts, fingerprints, note };
    const saved = await action.run(() => (member ? call('distributors.updateMember', { id: member.id, ...fields }) : call('distributors.addMember', fields)));
    if (saved) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={member ? `Edit ${member.organisation}` : 'Add a founding member'}
      description={
        member
          ? 'Mail to the list is encrypted to the usable keys of the contacts and of the organisation.'
          : 'Founding members are added directly. Every later member comes through a membership request checked against the nine criteria.'
      }
    >
      <form className="form dialog-body dialog-body--wide" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor="member-org">
              Organisation
            </label>
            <input
              id="member-org"
              className="input"
              value={organisation}
              onChange={(event) => setOrganisation(event.target.value)}
              maxLength={200}
              autoComplete="off"
              data-autofocus
              aria-invalid={(submitted && organisation.trim() === '') || undefined}
              disabled={action.busy}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="member-dist">
              Distribution
            </label>
            <input
              id="member-dist"
              className="input"
              value={distribution}
              onChange={(event) => setDistribution(event.target.value)}
              maxLength={200}
              autoComplete="off"
              aria-invalid={(submitted && distribution.trim() === '') || undefined}
              disabled={action.busy}
            />
          </div>
        </div>
        {submitted && missing ? <p className="field__error">Give the organisation and its distribution.</p> : null}
        <div className="field">
          <span className="field__label">Contacts</span>
          <ContactPicker selected={contacts} onChange={setContacts} disabled={action.busy} />
        </div>
        <div className="field">
          <span className="field__label">Team keys</span>
          <KeyPicker id="member-keys" selected={fingerprints} onChange={setFingerprints} disabled={action.busy} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="member-note">
            Note
          </label>
          <textarea id="member-note" className="textarea textarea--compact" rows={2} value={note} onChange={(event) => setNote(event.target.value)} maxLength={5000} disabled={action.busy} />
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Saving…' : member ? 'Save' : 'Add member'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveMemberDialog({ member, onClose }: { member: MemberView; onClose(): void }): ReactElement {
  const [reason, setReason] = useState(member.leakCount >= 2 ? `Repeated embargo leaks (${member.leakCount} recorded).` : '');
  const action = useAction();
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (reason.trim() === '') return;
    const removed = await action.run(() => call('distributors.removeMember', { id: member.id, reason: reason.trim() }));
    if (removed) onClose();
  }
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Remove ${member.organisation}`}
      description="The member stops receiving the list's mail from now on. The removal and its reason are kept."
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {member.leakCount > 0 ? (
          <Notice tone="warning">
            {member.leakCount} embargo {member.leakCount === 1 ? 'leak' : 'leaks'} recorded against this member.
          </Notice>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="remove-reason">
            Reason
          </label>
          <textarea
            id="remove-reason"
            className="textarea"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={5000}
            data-autofocus
            disabled={action.busy}
          />
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--destroy" disabled={action.busy || reason.trim() === ''}>
            Remove member
          </button>
        </div>
      </form>
    </Dialog>
  );
}
