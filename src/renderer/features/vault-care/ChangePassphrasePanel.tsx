// `embargo vault change-passphrase` in the window: the current passphrase, the new one twice
// with the same strength meter as the vault's creation (a weak one needs an explicit "use it
// anyway"). Only the small key file is rewritten; no case is re-encrypted.
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { WEAK_BELOW, type Strength } from '../../lib/passphrase-strength.ts';
import { Notice } from '../../components/Notice.tsx';
import { PassphraseInput } from '../vault/PassphraseInput.tsx';
import { StrengthMeter } from '../vault/StrengthMeter.tsx';
import { useAction } from '../keyring/use-action.ts';

const MIN_LENGTH = 8;

export function ChangePassphrasePanel(): ReactElement {
  const action = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [acceptWeak, setAcceptWeak] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState(false);
  const onStrength = useCallback((s: Strength | null) => setStrength(s), []);

  const tooShort = next.length < MIN_LENGTH;
  const mismatch = repeat !== next;
  const weak = strength !== null && strength.score < WEAK_BELOW;
  const same = next !== '' && next === current;

  async function change(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setDone(false);
    if (current === '' || tooShort || mismatch || same || (weak && !acceptWeak)) return;
    const value = await action.run(() => call('vault.changePassphrase', { current, next }));
    if (!value) return;
    setCurrent('');
    setNext('');
    setRepeat('');
    setSubmitted(false);
    setAcceptWeak(false);
    setDone(true);
  }

  return (
    <section className="panel" aria-labelledby="vault-passphrase-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="vault-passphrase-heading">
          Change the passphrase
        </h2>
      </div>
      <form className="panel__body form" onSubmit={(event) => void change(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="vault-current-passphrase">
            Current passphrase
          </label>
          <PassphraseInput id="vault-current-passphrase" value={current} onChange={setCurrent} disabled={action.busy} invalid={submitted && current === ''} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="vault-next-passphrase">
            New passphrase
          </label>
          <PassphraseInput
            id="vault-next-passphrase"
            value={next}
            onChange={(value) => {
              setNext(value);
              setAcceptWeak(false);
            }}
            invalid={submitted && (tooShort || same || (weak && !acceptWeak))}
            describedBy="vault-next-strength"
            disabled={action.busy}
          />
          <StrengthMeter passphrase={next} id="vault-next-strength" onStrength={onStrength} />
          {submitted && tooShort ? <p className="field__error">Use at least {MIN_LENGTH} characters.</p> : null}
          {submitted && same ? <p className="field__error">The new passphrase is the current one.</p> : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="vault-repeat-passphrase">
            Repeat the new passphrase
          </label>
          <PassphraseInput id="vault-repeat-passphrase" value={repeat} onChange={setRepeat} invalid={submitted && mismatch} disabled={action.busy} />
          {submitted && mismatch ? <p className="field__error">The two passphrases differ.</p> : null}
        </div>
        {weak && !tooShort ? (
          <label className="checkbox">
            <input type="checkbox" checked={acceptWeak} onChange={(event) => setAcceptWeak(event.target.checked)} disabled={action.busy} />
            <span>Use this weak passphrase anyway. Anyone who copies the vault can try to guess it offline.</span>
          </label>
        ) : null}
        {submitted && weak && !acceptWeak && !tooShort ? <p className="field__error">Choose a stronger passphrase, or confirm that you accept a weak one.</p> : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {done ? <Notice tone="info">Passphrase changed. Backups made before keep opening with the old one.</Notice> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Changing… (deriving the key)' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </section>
  );
}
