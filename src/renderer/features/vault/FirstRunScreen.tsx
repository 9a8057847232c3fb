// First run: create the vault. The passphrase is typed twice, its strength is shown, and a weak
// one needs an explicit "use it anyway" (as KeePassXC asks). It lives in this form's state only
// until the call returns.
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { WEAK_BELOW, type Strength } from '../../lib/passphrase-strength.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PassphraseInput } from './PassphraseInput.tsx';
import { StrengthMeter } from './StrengthMeter.tsx';

const MIN_LENGTH = 8;

export function FirstRunScreen(): ReactElement {
  const vaultDir = useUi((ui) => ui.vaultDir);
  const vaultOpened = useUi((ui) => ui.vaultOpened);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [acceptWeak, setAcceptWeak] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onStrength = useCallback((s: Strength | null) => setStrength(s), []);

  const tooShort = passphrase.length < MIN_LENGTH;
  const mismatch = repeat !== passphrase;
  const weak = strength !== null && strength.score < WEAK_BELOW;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (tooShort || mismatch || (weak && !acceptWeak)) return;
    setBusy(true);
    const result = await call('vault.create', { passphrase });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setPassphrase('');
    setRepeat('');
    vaultOpened();
  }

  return (
    <AuthLayout
      title="Create your vault"
      lead={
        <>
          Cases, keys and drafts are kept encrypted in a vault on this machine. Choose a passphrase to protect it: it cannot be
          recovered, so keep it in your password manager.
          <span className="auth__path" title={vaultDir}>
            <span className="visually-hidden">Vault location: </span>
            {vaultDir}
          </span>
        </>
      }
      footer="The vault key is derived with Argon2id (64 MiB, 3 passes) and wraps a random 256-bit data key."
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="new-passphrase">
            Passphrase
          </label>
          <PassphraseInput
            id="new-passphrase"
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value);
              setAcceptWeak(false);
            }}
            autoFocus
            invalid={submitted && (tooShort || (weak && !acceptWeak))}
            describedBy="passphrase-strength"
            disabled={busy}
          />
          <StrengthMeter passphrase={passphrase} id="passphrase-strength" onStrength={onStrength} />
          {submitted && tooShort ? <p className="field__error">Use at least {MIN_LENGTH} characters.</p> : null}
        </div>

        <div className="field">
          <label className="field__label" htmlFor="repeat-passphrase">
            Repeat the passphrase
          </label>
          <PassphraseInput
            id="repeat-passphrase"
            value={repeat}
            onChange={setRepeat}
            invalid={submitted && mismatch}
            describedBy={submitted && mismatch ? 'repeat-error' : undefined}
            disabled={busy}
          />
          {submitted && mismatch ? (
            <p className="field__error" id="repeat-error">
              The two passphrases differ.
            </p>
          ) : null}
        </div>

        {weak && !tooShort ? (
          <label className="checkbox">
            <input type="checkbox" checked={acceptWeak} onChange={(event) => setAcceptWeak(event.target.checked)} disabled={busy} />
            <span>
              Use this weak passphrase anyway. Anyone who copies the vault from this machine can try to guess it offline.
            </span>
          </label>
        ) : null}
        {submitted && weak && !acceptWeak && !tooShort ? (
          <p className="field__error">Choose a stronger passphrase, or confirm that you accept a weak one.</p>
        ) : null}

        {error ? <Notice tone="error">{error}</Notice> : null}

        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Creating the vault… (deriving the key)' : 'Create vault'}
        </button>
      </form>
    </AuthLayout>
  );
}
