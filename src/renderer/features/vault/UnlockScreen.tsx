// Unlock: one passphrase field; a wrong passphrase shows the core's own message.
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PassphraseInput } from './PassphraseInput.tsx';

export function UnlockScreen(): ReactElement {
  const vaultDir = useUi((ui) => ui.vaultDir);
  const lockReason = useUi((ui) => ui.lockReason);
  const idleLockMinutes = useUi((ui) => ui.idleLockMinutes);
  const vaultOpened = useUi((ui) => ui.vaultOpened);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // After a failed attempt the field was disabled while the key was derived: give focus back.
  useEffect(() => {
    if (!busy) inputRef.current?.focus();
  }, [busy, error]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (passphrase === '') {
      setError('Type the vault passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await call('vault.unlock', { passphrase });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      setPassphrase('');
      return;
    }
    setPassphrase('');
    vaultOpened();
  }

  return (
    <AuthLayout
      title="Unlock the vault"
      lead={
        <>
          Type the vault passphrase to open your cases.
          <span className="auth__path" title={vaultDir}>
            <span className="visually-hidden">Vault location: </span>
            {vaultDir}
          </span>
        </>
      }
      footer={`The vault locks itself after ${idleLockMinutes} minutes without activity, and when the system sleeps or the screen locks.`}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {lockReason === 'auto' ? (
          <Notice tone="info">The vault was locked automatically (inactivity, sleep or screen lock).</Notice>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="unlock-passphrase">
            Passphrase
          </label>
          <PassphraseInput
            id="unlock-passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoFocus
            invalid={error !== null}
            describedBy={error ? 'unlock-error' : undefined}
            disabled={busy}
            inputRef={inputRef}
          />
        </div>
        {error ? (
          <div id="unlock-error">
            <Notice tone="error">{error}</Notice>
          </div>
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Unlocking… (deriving the key)' : 'Unlock'}
        </button>
      </form>
    </AuthLayout>
  );
}
