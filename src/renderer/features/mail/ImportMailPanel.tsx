// `embargo mail import CASE FILE` in the window: a received mail (.eml, a distributor's answer)
// onto the case's timeline. The core decrypts and verifies its PGP content with the keyring; the
// panel says what it found (protection, signatures) so the Fix Lead sees an unsigned answer.
import { useRef, useState, type ReactElement } from 'react';
import type { CaseRecord, ImportedMail } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { bytesToBase64 } from '../keyring/key-format.ts';
import { useAction } from '../keyring/use-action.ts';
import { SignatureList } from '../crypt-files/FilePanels.tsx';

/** The contract's limit, checked here so a huge file is refused before it is read. */
const MAX_EML = 32 * 1024 * 1024;

const PROTECTION: Record<ImportedMail['protection'], string> = {
  'pgp-mime-encrypted': 'PGP/MIME encrypted',
  'pgp-mime-signed': 'PGP/MIME signed',
  'inline-encrypted': 'inline PGP, encrypted',
  'inline-signed': 'inline PGP, signed',
  'cleartext-signed': 'cleartext-signed',
  none: 'neither encrypted nor signed',
};

export function ImportMailPanel({ caseRecord }: { caseRecord: CaseRecord }): ReactElement {
  const action = useAction();
  const picker = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<ImportedMail | null>(null);

  async function importFile(file: File): Promise<void> {
    setImported(null);
    if (file.size > MAX_EML) {
      action.setError({ code: 'InvalidInput', message: `${file.name} is larger than 32 MiB: not a mail to import.` });
      return;
    }
    const eml = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const value = await action.run(() => call('mail.importEml', { caseId: caseRecord.id, eml, name: file.name }));
    if (value) setImported(value);
  }

  return (
    <section className="panel" aria-labelledby="mail-import-heading">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="mail-import-heading">
            Received mail
          </h2>
          <p className="field__hint">Import an answer saved from your mail client (.eml): decrypted and checked with the keyring, kept on the case’s timeline.</p>
        </div>
        <button type="button" className="button" onClick={() => picker.current?.click()} disabled={action.busy}>
          <Icon name="plus" /> {action.busy ? 'Importing…' : 'Import .eml…'}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".eml,message/rfc822"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Import a received mail (.eml)"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {action.error || imported ? (
        <div className="panel__body">
          {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
          {imported ? (
            <div role="status">
              <p>
                <Icon name="check" /> Imported “{imported.subject || '(no subject)'}” from {imported.from ?? 'an unknown sender'} onto the timeline (event #{imported.eventSeq}),{' '}
                {PROTECTION[imported.protection]}.
              </p>
              <SignatureList signatures={imported.signatures} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
