// "Generate my key": the Fix Lead's key pair, Ed25519 with a Curve25519 encryption subkey (v4,
// as GnuPG 2.2 reads it). The core makes it inside the vault; this dialog only ever sees the
// public facts of the result.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { dateOnly, groupFingerprint } from './key-format.ts';
import { useAction } from './use-action.ts';

const EXPIRY_CHOICES: { days: number | null; label: string }[] = [
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years (recommended)' },
  { days: 1825, label: '5 years' },
  { days: null, label: 'Never' },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function GenerateKeyDialog({ onClose }: { onClose(): void }): ReactElement {
  const [created, setCreated] = useState<KeyInfo | null>(null);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={created ? 'Your key pair is ready' : 'Generate my key'}
      description={
        created
          ? 'It signs what you send from now on. Give this fingerprint to the people who will verify your key.'
          : 'Your key pair as Fix Lead. The secret key is created inside the vault and never shown or sent anywhere.'
      }
    >
      {created ? (
        <div className="dialog-body">
          <p className="own-key__fingerprint mono">{groupFingerprint(created.fingerprint)}</p>
          <p className="field__hint">
            {created.primaryUserId} · {created.algorithm.label} · {created.expires ? `expires ${dateOnly(created.expires)}` : 'never expires'}
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </div>
        </div>
      ) : (
        <GenerateForm onCreated={setCreated} onCancel={onClose} />
      )}
    </Dialog>
  );
}

function GenerateForm({ onCreated, onCancel }: { onCreated(key: KeyInfo): void; onCancel(): void }): ReactElement {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [expiry, setExpiry] = useState<string>('730');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const nameMissing = name.trim() === '';
  const emailBad = !EMAIL.test(email.trim());

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (nameMissing || emailBad) return;
    const expiresInDays = expiry === 'never' ? null : Number(expiry);
    const key = await action.run(() => call('keyring.generate', { name: name.trim(), email: email.trim(), expiresInDays }));
    if (key) onCreated(key);
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label className="field__label" htmlFor="generate-name">
          Name
        </label>
        <input
          id="generate-name"
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          data-autofocus
          aria-invalid={(submitted && nameMissing) || undefined}
          disabled={action.busy}
        />
        {submitted && nameMissing ? <p className="field__error">Give your name as it should appear on the key.</p> : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="generate-email">
          Email
        </label>
        <input
          id="generate-email"
          className="input"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={320}
          aria-invalid={(submitted && emailBad) || undefined}
          disabled={action.busy}
        />
        {submitted && emailBad ? <p className="field__error">Give the address you send security mail from.</p> : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="generate-expiry">
          Expires after
        </label>
        <select id="generate-expiry" className="input" value={expiry} onChange={(event) => setExpiry(event.target.value)} disabled={action.busy}>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.days === null ? 'never' : String(choice.days)}>
              {choice.label}
            </option>
          ))}
        </select>
        <p className="field__hint">An expiry limits the damage of a key lost without its revocation certificate; you can extend it later with GnuPG.</p>
      </div>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={action.busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Generating…' : 'Generate key pair'}
        </button>
      </div>
    </form>
  );
}
