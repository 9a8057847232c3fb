// Add or change a person: name, organisation, emails, roles, keys picked from the keyring (or
// typed as full fingerprints), a note. A person is never deleted, only marked inactive, so past
// cases still name them.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { PersonRole, PersonView } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { KeyPicker } from '../keyring/KeyPicker.tsx';
import { useAction } from '../keyring/use-action.ts';
import { ROLES, invalidEmails, parseEmails } from './roles.ts';
import { canonicalZone } from '../process/zones.ts';

export function PersonDialog({ person, onClose }: { person: PersonView | null; onClose(): void }): ReactElement {
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={person ? `Edit ${person.name}` : 'Add person'}
      description="Mail to a person is encrypted to their verified keys; pick them from the keyring."
    >
      <PersonForm person={person} onDone={onClose} />
    </Dialog>
  );
}

function PersonForm({ person, onDone }: { person: PersonView | null; onDone(): void }): ReactElement {
  const [name, setName] = useState(person?.name ?? '');
  const [organisation, setOrganisation] = useState(person?.organisation ?? '');
  const [emailText, setEmailText] = useState(person?.emails.join('\n') ?? '');
  const [roles, setRoles] = useState<PersonRole[]>(person?.roles ?? []);
  const [fingerprints, setFingerprints] = useState<string[]>(person?.fingerprints ?? []);
  const [note, setNote] = useState(person?.note ?? '');
  const [zoneText, setZoneText] = useState(person?.zone ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const action = useAction();

  const emails = parseEmails(emailText);
  const badEmails = invalidEmails(emails);
  const nameMissing = name.trim() === '';
  const zone = zoneText.trim() === '' ? null : canonicalZone(zoneText);
  const zoneUnknown = zoneText.trim() !== '' && zone === null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (nameMissing || badEmails.length > 0 || zoneUnknown) return;
    const fields = { name: name.trim(), organisation: organisation.trim(), emails, roles, fingerprints, note, zone };
    const saved = await action.run(() => (person ? call('people.update', { id: person.id, ...fields }) : call('people.add', fields)));
    if (saved) onDone();
  }

  async function markInactive(): Promise<void> {
    if (!person) return;
    const saved = await action.run(() => call('people.remove', { id: person.id }));
    if (saved) onDone();
  }

  return (
    <form className="form dialog-body dialog-body--wide" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor="person-name">
            Name
          </label>
          <input
            id="person-name"
            className="input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            aria-invalid={(submitted && nameMissing) || undefined}
            disabled={action.busy}
          />
          {submitted && nameMissing ? <p className="field__error">Give a name.</p> : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="person-org">
            Organisation
          </label>
          <input
            id="person-org"
            className="input"
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            disabled={action.busy}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="person-zone">
            Time zone <span className="muted">(IANA, e.g. Europe/Berlin)</span>
          </label>
          <input
            id="person-zone"
            className="input"
            value={zoneText}
            onChange={(event) => setZoneText(event.target.value)}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={(submitted && zoneUnknown) || undefined}
            disabled={action.busy}
          />
          {submitted && zoneUnknown ? <p className="field__error">Not a time zone this system knows.</p> : null}
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="person-emails">
          Emails <span className="muted">(one per line)</span>
        </label>
        <textarea
          id="person-emails"
          className="textarea textarea--compact"
          rows={2}
          value={emailText}
          onChange={(event) => setEmailText(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={(submitted && badEmails.length > 0) || undefined}
          disabled={action.busy}
        />
        {submitted && badEmails.length > 0 ? <p className="field__error">Not an email address: {badEmails.join(', ')}</p> : null}
      </div>
      <fieldset className="role-choices">
        <legend className="field__label">Roles</legend>
        {ROLES.map((entry) => (
          <label className="role-choice" key={entry.role}>
            <input
              type="checkbox"
              checked={roles.includes(entry.role)}
              onChange={(event) => setRoles(event.target.checked ? [...roles, entry.role] : roles.filter((r) => r !== entry.role))}
              disabled={action.busy}
            />
            {entry.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span className="field__label" id="person-keys-label">
          Keys
        </span>
        <KeyPicker id="person-keys" selected={fingerprints} onChange={setFingerprints} preferEmails={emails} disabled={action.busy} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="person-note">
          Note
        </label>
        <textarea
          id="person-note"
          className="textarea textarea--compact"
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={5000}
          disabled={action.busy}
        />
      </div>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      {confirmRemove && person ? (
        <div className="confirm-box">
          <p>
            Mark <strong>{person.name}</strong> as inactive? They stay named in past cases, but no longer appear in lists or receive mail.
          </p>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setConfirmRemove(false)} disabled={action.busy}>
              Keep
            </button>
            <button type="button" className="button button--destroy" onClick={() => void markInactive()} disabled={action.busy}>
              Mark inactive
            </button>
          </div>
        </div>
      ) : null}
      <div className="form__actions form__actions--split">
        {person && !person.removedAt && !confirmRemove ? (
          <button type="button" className="button button--destroy-outline" onClick={() => setConfirmRemove(true)} disabled={action.busy}>
            Mark inactive…
          </button>
        ) : (
          <span />
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={onDone} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Saving…' : person ? 'Save' : 'Add person'}
          </button>
        </div>
      </div>
    </form>
  );
}
