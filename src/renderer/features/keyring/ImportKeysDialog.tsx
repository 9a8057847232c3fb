// Import keys by pasting an armored block or picking files (armored or binary, one or many keys
// each, GnuPG exports included). Files travel as base64 so binary keys arrive intact. A
// passphrase-protected secret key makes the core answer KeyPassphraseRequired: the dialog then
// asks for that passphrase and tries again; it lives in this form only and is dropped after.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { ImportOutcome, KeyInfo, PgpPayload } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PassphraseInput } from '../vault/PassphraseInput.tsx';
import { bytesToBase64, splitUserId } from './key-format.ts';
import { KeyWarningIcons, ShortFingerprint, VerifiedBadge } from './KeyBadges.tsx';
import { useAction } from './use-action.ts';

/** The contract's limit per input (32 MiB); larger files go through the CLI, which streams. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

type Source = 'paste' | 'file';

interface ImportKeysDialogProps {
  onClose(): void;
  /** Opens the compare screen for a key just imported. */
  onVerify(key: KeyInfo): void;
}

export function ImportKeysDialog({ onClose, onVerify }: ImportKeysDialogProps): ReactElement {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={outcome ? 'Keys imported' : 'Import keys'}
      description={
        outcome
          ? 'Imported keys start unverified: compare each fingerprint with its owner before anything is encrypted to it.'
          : 'Paste an armored key block, or choose key files (armored or binary, as GnuPG exports them).'
      }
    >
      {outcome ? <ImportResult outcome={outcome} onClose={onClose} onVerify={onVerify} /> : <ImportForm onImported={setOutcome} onCancel={onClose} />}
    </Dialog>
  );
}

function ImportForm({ onImported, onCancel }: { onImported(outcome: ImportOutcome): void; onCancel(): void }): ReactElement {
  const [source, setSource] = useState<Source>('paste');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const action = useAction();

  const empty = source === 'paste' ? text.trim() === '' : files.length === 0;

  async function payload(): Promise<PgpPayload | PgpPayload[] | null> {
    if (source === 'paste') return { text };
    const tooLarge = files.find((file) => file.size > MAX_FILE_BYTES);
    if (tooLarge) {
      setReadError(`${tooLarge.name} is larger than 32 MiB: import it with "embargo keyring import", which streams files.`);
      return null;
    }
    const read = await Promise.all(files.map(async (file) => ({ base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })));
    return read.length === 1 ? read[0]! : read;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setReadError(null);
    if (empty || action.busy) return;
    const data = await payload();
    if (!data) return;
    const outcome = await action.run(() => call('keyring.import', needsPassphrase && passphrase !== '' ? { data, passphrase } : { data }));
    if (outcome) {
      setPassphrase('');
      onImported(outcome);
      return;
    }
  }

  // The core asked for a passphrase (or said the one given is wrong): show the field.
  const code = action.error?.code;
  if ((code === 'KeyPassphraseRequired' || code === 'WrongKeyPassphrase') && !needsPassphrase) setNeedsPassphrase(true);
  const passphraseError = code === 'WrongKeyPassphrase' ? action.error?.message : null;
  const otherError = code === 'KeyPassphraseRequired' || code === 'WrongKeyPassphrase' ? null : action.error?.message;

  return (
    <form className="form dialog-body dialog-body--wide" onSubmit={(event) => void submit(event)} noValidate>
      <div className="segmented" role="group" aria-label="Import from">
        <button type="button" className="segmented__option" aria-pressed={source === 'paste'} onClick={() => setSource('paste')} disabled={action.busy}>
          Paste
        </button>
        <button type="button" className="segmented__option" aria-pressed={source === 'file'} onClick={() => setSource('file')} disabled={action.busy}>
          Files
        </button>
      </div>

      {source === 'paste' ? (
        <div className="field">
          <label className="field__label" htmlFor="import-text">
            Armored key block
          </label>
          <textarea
            id="import-text"
            className="textarea textarea--key"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={'-----BEGIN PGP PUBLIC KEY BLOCK-----\n…\n-----END PGP PUBLIC KEY BLOCK-----'}
            spellCheck={false}
            autoComplete="off"
            data-autofocus
            disabled={action.busy}
          />
        </div>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor="import-files">
            Key files
          </label>
          <input
            id="import-files"
            className="input file-input"
            type="file"
            multiple
            accept=".asc,.gpg,.pgp,.key,.pub,.txt,application/pgp-keys"
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
            disabled={action.busy}
          />
          <p className="field__hint">
            {files.length === 0 ? 'Up to 100 files, 32 MiB each.' : files.map((file) => `${file.name} (${Math.ceil(file.size / 1024)} KiB)`).join(', ')}
          </p>
        </div>
      )}

      {needsPassphrase ? (
        <div className="field">
          <label className="field__label" htmlFor="import-passphrase">
            Passphrase of the secret key
          </label>
          <PassphraseInput
            id="import-passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoFocus
            invalid={Boolean(passphraseError)}
            describedBy="import-passphrase-hint"
            disabled={action.busy}
          />
          <p className="field__hint" id="import-passphrase-hint">
            {passphraseError ? (
              <span className="field__error">{passphraseError}</span>
            ) : (
              'This input holds a passphrase-protected secret key. The key is stored unlocked inside the encrypted vault; the passphrase is not kept.'
            )}
          </p>
        </div>
      ) : null}

      {readError ? <Notice tone="error">{readError}</Notice> : null}
      {otherError ? <Notice tone="error">{otherError}</Notice> : null}

      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={action.busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={empty || action.busy || (needsPassphrase && passphrase === '')}>
          {action.busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}

function ImportResult({ outcome, onClose, onVerify }: { outcome: ImportOutcome; onClose(): void; onVerify(key: KeyInfo): void }): ReactElement {
  const status = (fingerprint: string): string =>
    outcome.new.includes(fingerprint) ? 'new' : outcome.updated.includes(fingerprint) ? 'updated' : 'unchanged';
  return (
    <div className="dialog-body dialog-body--wide import-result">
      <p>
        {outcome.new.length} new, {outcome.updated.length} updated, {outcome.unchanged.length} unchanged.
      </p>
      <ul className="import-result__list" aria-label="Imported keys">
        {outcome.keys.map((key) => {
          const who = splitUserId(key.primaryUserId);
          return (
            <li key={key.fingerprint} className="import-result__item">
              <div>
                <strong>{who.name}</strong> {who.email ? <span className="muted">&lt;{who.email}&gt;</span> : null}
                <div className="import-result__meta">
                  <ShortFingerprint fingerprint={key.fingerprint} /> · {key.algorithm.label} · {status(key.fingerprint)}
                  {key.secret ? ' · secret key' : ''}
                </div>
              </div>
              <div className="badges">
                <KeyWarningIcons warnings={key.warnings} />
                <VerifiedBadge verified={key.verified} />
                {!key.verified ? (
                  <button type="button" className="button button--small" onClick={() => onVerify(key)}>
                    Verify…
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
          Done
        </button>
      </div>
    </div>
  );
}
