// `embargo keyring export FPR --secret -o FILE` in the window: the secret key written to a file,
// protected by a new export passphrase, only after an explicit confirmation. The key itself
// never crosses the contract: the core writes the file and returns its path.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PathField } from '../../components/PathField.tsx';
import { useAction } from './use-action.ts';

export function SecretExport({ keyInfo }: { keyInfo: KeyInfo }): ReactElement {
  const action = useAction();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const mismatch = repeat !== '' && repeat !== passphrase;
  const ready = path.trim() !== '' && passphrase.length >= 8 && repeat === passphrase && confirmed && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    const value = await action.run(() => call('keyring.exportSecretToFile', { fingerprint: keyInfo.fingerprint, path: path.trim(), passphrase, confirm: true }));
    if (value) {
      setWritten(value.path);
      setPassphrase('');
      setRepeat('');
      setConfirmed(false);
    }
  }

  return (
    <form className="form secret-export" onSubmit={(event) => void submit(event)} aria-labelledby="secret-export-heading">
      <h3 id="secret-export-heading">Export the secret key</h3>
      <p className="field__hint">Anyone with this file and its passphrase can sign and decrypt as you. Keep it offline.</p>
      <div className="field">
        <label className="field__label" htmlFor="secret-export-path">
          Secret key file
        </label>
        <PathField id="secret-export-path" value={path} onChange={setPath} pick={{ title: 'Secret key file to write', save: true }} disabled={action.busy} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="secret-export-passphrase">
          Export passphrase
        </label>
        <input id="secret-export-passphrase" className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} disabled={action.busy} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="secret-export-repeat">
          Repeat the export passphrase
        </label>
        <input id="secret-export-repeat" className="input" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} disabled={action.busy} aria-invalid={mismatch} />
        {mismatch ? <p className="field__error">The two passphrases differ.</p> : null}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} disabled={action.busy} /> I understand this writes my
        secret key outside the vault
      </label>
      {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
      {written ? (
        <p className="verify-report verify-report--ok" role="status">
          <Icon name="check" /> Secret key written to <span className="mono">{written}</span>, protected by the export passphrase.
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!ready}>
          {action.busy ? 'Exporting…' : 'Export secret key'}
        </button>
      </div>
    </form>
  );
}
