// `embargo vault backup -o FILE` in the window: the whole vault as one encrypted file, which
// restores with the passphrase (on the first-run screen, into an empty vault directory).
import { useState, type FormEvent, type ReactElement } from 'react';
import type { OutputOf } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PathField } from '../../components/PathField.tsx';
import { useAction } from '../keyring/use-action.ts';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function BackupPanel(): ReactElement {
  const action = useAction();
  const [output, setOutput] = useState('');
  const [written, setWritten] = useState<OutputOf<'vault.backup'> | null>(null);
  async function backup(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (output.trim() === '') return;
    const value = await action.run(() => call('vault.backup', { output: output.trim() }));
    if (value) setWritten(value);
  }
  return (
    <section className="panel" aria-labelledby="vault-backup-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="vault-backup-heading">
          Back up
        </h2>
      </div>
      <form className="panel__body form" onSubmit={(event) => void backup(event)}>
        <p className="muted">One encrypted file with every case, key and draft. It opens with the vault passphrase of the day it was made.</p>
        <div className="field">
          <label className="field__label" htmlFor="vault-backup-path">
            Backup file
          </label>
          <PathField
            id="vault-backup-path"
            value={output}
            onChange={setOutput}
            pick={{ title: 'Backup file to write', save: true, filters: [{ name: 'Embargo backup', extensions: ['embargo-backup'] }] }}
            placeholder="/media/usb/embargo-2026-12-07.embargo-backup"
            disabled={action.busy}
            describedBy="vault-backup-hint"
          />
          <p className="field__hint" id="vault-backup-hint">
            A new file outside the vault directory, for example on removable media.
          </p>
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {written ? (
          <div className="verify-report verify-report--ok" role="status">
            <Icon name="check" /> Backup <span className="mono">{written.backupId}</span> written to <span className="mono">{written.output}</span>:{' '}
            {written.files} files, {formatBytes(written.bytes)}, encrypted.
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={action.busy || output.trim() === ''}>
            {action.busy ? 'Writing the backup…' : 'Write backup'}
          </button>
        </div>
      </form>
    </section>
  );
}
