// `embargo vault restore FILE` on the first-run screen: a backup restored into this (still
// empty) vault directory with the passphrase the vault had when the backup was made; the core
// authenticates every part, verifies the result, and the vault is then unlocked with it.
import { useState, type FormEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';
import { PathField } from '../../components/PathField.tsx';
import { useUi } from '../../app/store.ts';
import { PassphraseInput } from './PassphraseInput.tsx';

export function RestorePanel(): ReactElement {
  const vaultOpened = useUi((ui) => ui.vaultOpened);
  const [backup, setBackup] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (backup.trim() === '' || passphrase === '') return;
    setBusy(true);
    setError(null);
    const restored = await call('vault.restore', { backup: backup.trim(), passphrase });
    const unlocked = restored.ok ? await call('vault.unlock', { passphrase }) : restored;
    setBusy(false);
    if (!unlocked.ok) {
      setError(unlocked.error.message);
      return;
    }
    setPassphrase('');
    vaultOpened();
  }

  return (
    <details className="restore-panel">
      <summary>Restore from a backup instead</summary>
      <form className="form" onSubmit={(event) => void restore(event)} aria-label="Restore from a backup">
        <div className="field">
          <label className="field__label" htmlFor="restore-backup-path">
            Backup file
          </label>
          <PathField id="restore-backup-path" value={backup} onChange={setBackup} pick={{ title: 'Backup to restore', filters: [{ name: 'Embargo backup', extensions: ['embargo-backup'] }] }} disabled={busy} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="restore-passphrase">
            Passphrase of the backed-up vault
          </label>
          <PassphraseInput id="restore-passphrase" value={passphrase} onChange={setPassphrase} disabled={busy} />
        </div>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <button type="submit" className="button button--block" disabled={busy || backup.trim() === '' || passphrase === ''}>
          {busy ? 'Restoring and verifying…' : 'Restore backup'}
        </button>
      </form>
    </details>
  );
}
