// `embargo keyring revoke` and `embargo keyring import-revocation` in the window. Revoking a key
// whose secret part the vault holds asks for a reason and a typed confirmation (a revocation
// cannot be undone); the certificate is shown to copy. A correspondent's certificate is pasted.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { KeyInfo, RevocationReason } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from './use-action.ts';

const REASONS: [RevocationReason, string][] = [
  ['compromised', 'The key is compromised'],
  ['superseded', 'Replaced by a new key'],
  ['retired', 'No longer used'],
  ['unspecified', 'No reason given'],
];

export function RevokeKey({ keyInfo }: { keyInfo: KeyInfo }): ReactElement {
  const action = useAction();
  const [reason, setReason] = useState<RevocationReason>('compromised');
  const [description, setDescription] = useState('');
  const [typed, setTyped] = useState('');
  const [certificate, setCertificate] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');

  async function revoke(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (typed.trim().toLowerCase() !== 'revoke') return;
    const value = await action.run(() => call('keyring.revoke', { fingerprint: keyInfo.fingerprint, reason, description, confirm: true }));
    if (value) setCertificate(value.revocationCertificate);
  }

  async function importCertificate(event: FormEvent): Promise<void> {
    event.preventDefault();
    const value = await action.run(() => call('keyring.importRevocation', { data: { text: pasted } }));
    if (value) setPasted('');
  }

  if (certificate) {
    return (
      <div className="form">
        <p role="status">Revoked. Send the revoked public key (Export public key) to your correspondents; the revocation certificate alone also works:</p>
        <textarea className="input mono" readOnly rows={8} aria-label="Revocation certificate" value={certificate} />
      </div>
    );
  }
  if (keyInfo.revoked) return <p className="tone-danger">This key is revoked{keyInfo.revocationReason ? `: ${keyInfo.revocationReason}` : ''}.</p>;

  if (keyInfo.secret) {
    return (
      <form className="form" onSubmit={(event) => void revoke(event)} aria-label="Revoke this key">
        <p className="field__hint">A revocation cannot be undone: nobody will encrypt to this key again, and its signatures show as made by a revoked key.</p>
        <div className="field">
          <label className="field__label" htmlFor="revoke-reason">
            Reason
          </label>
          <select id="revoke-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value as RevocationReason)} disabled={action.busy}>
            {REASONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="revoke-description">
            Description (optional)
          </label>
          <input id="revoke-description" className="input" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} disabled={action.busy} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="revoke-confirm">
            Type “revoke” to confirm
          </label>
          <input id="revoke-confirm" className="input" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} disabled={action.busy} />
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="submit" className="button button--destroy" disabled={action.busy || typed.trim().toLowerCase() !== 'revoke'}>
            {action.busy ? 'Revoking…' : 'Revoke key'}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="form" onSubmit={(event) => void importCertificate(event)} aria-label="Import a revocation certificate">
      <div className="field">
        <label className="field__label" htmlFor="revocation-certificate">
          Revocation certificate from the key’s owner
        </label>
        <textarea id="revocation-certificate" className="input mono" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} disabled={action.busy} />
        <p className="field__hint">It is checked against this key first; a certificate that does not verify changes nothing.</p>
      </div>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      <div className="form__actions">
        <button type="submit" className="button button--destroy-outline" disabled={action.busy || pasted.trim() === ''}>
          Mark as revoked
        </button>
      </div>
    </form>
  );
}
