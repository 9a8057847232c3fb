// The armored public key, to copy or save; for a key whose secret is in the vault, also the
// secret key export to a file (SecretExport.tsx), behind a confirmation and a new passphrase.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { KeyInfo } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { publicKeyFileName, splitUserId } from './key-format.ts';
import { copyWithAutoClear } from '../../lib/clipboard.ts';
import { SecretExport } from './SecretExport.tsx';
import { canDownload, saveAsDownload } from '../../lib/download.ts';

export function ExportKeyDialog({ keyInfo, onClose }: { keyInfo: KeyInfo; onClose(): void }): ReactElement {
  const [armored, setArmored] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const who = splitUserId(keyInfo.primaryUserId);

  useEffect(() => {
    let current = true;
    void call('keyring.exportPublic', { fingerprint: keyInfo.fingerprint }).then((result) => {
      if (!current) return;
      if (result.ok) setArmored(result.value.armored);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [keyInfo.fingerprint]);

  async function copy(): Promise<void> {
    if (armored === null) return;
    try {
      await copyWithAutoClear(armored);
      setCopied('copied');
    } catch {
      // The desktop app denies the clipboard permission: select the text for Ctrl+C instead.
      area.current?.focus();
      area.current?.select();
      setCopied(document.execCommand('copy') ? 'copied' : 'select');
    }
  }

  function save(): void {
    if (armored === null) return;
    // The desktop app blocks downloads: there the key is copied, or written by the CLI.
    saveAsDownload(publicKeyFileName(keyInfo.fingerprint), armored, 'application/pgp-keys');
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Export public key"
      description={`The public key of ${who.name}, armored as GnuPG writes it.`}
    >
      <div className="dialog-body dialog-body--wide">
        {error ? <Notice tone="error">{error}</Notice> : null}
        <label className="field__label visually-hidden" htmlFor="export-armored">
          Armored public key
        </label>
        <textarea
          id="export-armored"
          ref={area}
          className="textarea textarea--key"
          readOnly
          value={armored ?? 'Exporting…'}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="field__hint export-note">Public key only above. {keyInfo.secret ? 'The secret key can be exported below, protected by a new passphrase.' : ''}</p>
        {copied === 'copied' ? <p className="field__hint" role="status">Copied to the clipboard (cleared again after 30 seconds).</p> : null}
        {copied === 'select' ? (
          <p className="field__hint" role="status">
            The key is selected: press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy it.
          </p>
        ) : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
          {canDownload() ? (
            <button type="button" className="button" onClick={save} disabled={armored === null}>
              Save {publicKeyFileName(keyInfo.fingerprint)}
            </button>
          ) : null}
          <button type="button" className="button button--primary" onClick={() => void copy()} disabled={armored === null} data-autofocus>
            Copy
          </button>
        </div>
        {keyInfo.secret ? <SecretExport keyInfo={keyInfo} /> : null}
      </div>
    </Dialog>
  );
}
