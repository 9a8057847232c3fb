// First run: create the vault. The passphrase is typed twice, its strength is shown, and a weak
// one needs an explicit "use it anyway" (as KeePassXC asks). It lives in this form's state only
// until the call returns. "Explore with a demo case" creates the same vault, then fills it with
// a fictional case in mid-flight and its roster, and opens that case.
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { WEAK_BELOW, type Strength } from '../../lib/passphrase-strength.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PassphraseInput } from './PassphraseInput.tsx';
import { StrengthMeter } from './StrengthMeter.tsx';
import { RestorePanel } from './RestorePanel.tsx';

const MIN_LENGTH = 8;

export function FirstRunScreen(): ReactElement {
  const vaultDir = useUi((ui) => ui.vaultDir);
  const vaultOpened = useUi((ui) => ui.vaultOpened);
  const caseOpened = useUi((ui) => ui.caseOpened);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [acceptWeak, setAcceptWeak] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<'vault' | 'demo' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [demoError, setDemoError] = useState<string | null>(null);
  const onStrength = useCallback((s: Strength | null) => setStrength(s), []);

  const tooShort = passphrase.length < MIN_LENGTH;
  const mismatch = repeat !== passphrase;
  const weak = strength !== null && strength.score < WEAK_BELOW;

  async function submit(event: FormEvent, withDemo = false): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (tooShort || mismatch || (weak && !acceptWeak)) return;
    setBusy('vault');
    const result = await call('vault.create', { passphrase });
    if (!result.ok) {
      setBusy(null);
      setError(result.error.message);
      return;
    }
    setPassphrase('');
    setRepeat('');
    if (withDemo) {
      setBusy('demo');
      const demo = await call('demo.create', {});
      setBusy(null);
      if (!demo.ok) {
        // The vault exists and is open; only the demo is missing.
        setDemoError(demo.error.message);
        return;
      }
      vaultOpened();
      caseOpened(demo.value.case.id, 'timeline');
      return;
    }
    setBusy(null);
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
            disabled={busy !== null}
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
            disabled={busy !== null}
          />
          {submitted && mismatch ? (
            <p className="field__error" id="repeat-error">
              The two passphrases differ.
            </p>
          ) : null}
        </div>

        {weak && !tooShort ? (
          <label className="checkbox">
            <input type="checkbox" checked={acceptWeak} onChange={(event) => setAcceptWeak(event.target.checked)} disabled={busy !== null} />
            <span>
              Use this weak passphrase anyway. Anyone who copies the vault from this machine can try to guess it offline.
            </span>
          </label>
        ) : null}
        {submitted && weak && !acceptWeak && !tooShort ? (
          <p className="field__error">Choose a stronger passphrase, or confirm that you accept a weak one.</p>
        ) : null}

        {error ? <Notice tone="error">{error}</Notice> : null}

        {demoError ? (
          <Notice tone="error">
            The vault was created and is open, but the demo case could not be written: {demoError} Continue to the empty vault; from a terminal,{' '}
            <code>embargo demo</code> fills a new vault instead.
            <button type="button" className="button button--small" onClick={vaultOpened}>
              Continue to the vault
            </button>
          </Notice>
        ) : null}

        <div className="field" aria-live="polite">
          <button type="submit" className="button button--primary button--block" disabled={busy !== null || demoError !== null}>
            {busy === 'vault' ? 'Creating the vault… (deriving the key)' : busy === 'demo' ? 'Writing the demo case…' : 'Create vault'}
          </button>
          <button
            type="button"
            className="button button--block"
            disabled={busy !== null || demoError !== null}
            onClick={(event) => void submit(event, true)}
            aria-describedby="demo-hint"
          >
            Explore with a demo case
          </button>
          <p className="field__hint" id="demo-hint">
            Creates the vault with this passphrase, then adds a fictional case in mid-flight and a fictional team, marked [DEMO].
          </p>
        </div>
      </form>
      <RestorePanel />
    </AuthLayout>
  );
}
