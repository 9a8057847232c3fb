// Taking a document out of the vault. It leaves as plaintext: while the case is under embargo
// the dialog says so plainly before anything happens. The document is built and validated again
// at that moment, its SHA-256 recorded on the timeline first (no record, no file), and only then
// handed to the browser as a download. Where downloads are refused (the desktop shell), or when
// the user prefers, the core writes it to a path instead and records that itself.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { AdvisoryFormat, CaseRecord } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { fileNameFor, isUnderEmbargo } from './download.ts';
import { canDownload, saveAsDownload, sha256Hex } from '../../lib/download.ts';

interface ExportDialogProps {
  caseRecord: CaseRecord;
  format: AdvisoryFormat;
  formatName: string;
  prs: readonly number[];
  onClose(): void;
}

type Outcome = { kind: 'downloaded'; fileName: string; sha256: string; seq: number } | { kind: 'written'; path: string };

export function ExportDialog({ caseRecord, format, formatName, prs, onClose }: ExportDialogProps): ReactElement {
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [path, setPath] = useState('');
  const embargoed = isUnderEmbargo(caseRecord);
  const fileName = fileNameFor(format, caseRecord);
  const downloads = canDownload();
  const prsInput = format === 'release-notes' ? { prs: [...prs] } : {};

  async function download(): Promise<void> {
    setBusy(true);
    setError(null);
    const built = await call('advisory.export', { id: caseRecord.id, format, ...prsInput });
    if (!built.ok) {
      setBusy(false);
      setError(built.error.message);
      return;
    }
    const sha256 = await sha256Hex(built.value.text);
    const recorded = await call('advisory.recordDownload', { id: caseRecord.id, format, sha256, fileName });
    setBusy(false);
    if (!recorded.ok) {
      setError(`Nothing was downloaded: the download could not be recorded on the timeline. ${recorded.error.message}`);
      return;
    }
    saveAsDownload(fileName, built.value.text, built.value.mediaType);
    setOutcome({ kind: 'downloaded', fileName, sha256, seq: recorded.value.seq });
    dataChanged();
  }

  async function write(event: FormEvent): Promise<void> {
    event.preventDefault();
    const target = path.trim();
    if (target === '') return;
    setBusy(true);
    setError(null);
    const written = await call('advisory.export', { id: caseRecord.id, format, output: target, ...prsInput });
    setBusy(false);
    if (!written.ok) {
      setError(written.error.message);
      return;
    }
    setOutcome({ kind: 'written', path: written.value.written ?? target });
    dataChanged();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={embargoed ? `Export ${formatName} unencrypted?` : `Export ${formatName}`}
      description={`${caseRecord.id}: the document as it validates now, as a plaintext file.`}
    >
      <div className="form">
        {embargoed ? (
          <div className="advisory-embargo-warning" role="alert">
            <strong>This file is NOT encrypted, and {caseRecord.id} is under embargo.</strong>
            <p>
              {caseRecord.releaseDate ? (
                <>
                  The Release Date is {formatUtc(caseRecord.releaseDate)} ({formatLocal(caseRecord.releaseDate)}).
                </>
              ) : (
                <>No Release Date is set yet.</>
              )}{' '}
              Anyone who can read the folder it lands in can read the vulnerability. Keep it off shared and synced disks, send it only over an encrypted
              channel, delete it when done, and publish nothing before the Release Date.
            </p>
          </div>
        ) : (
          <Notice tone="info">The Release Date has passed: the case is public.</Notice>
        )}
        <p className="muted">
          The export is recorded on the case timeline with the document's SHA-256{downloads ? ', before the download starts' : ''}.
        </p>

        {outcome?.kind === 'downloaded' ? (
          <Notice tone="info">
            Downloaded <strong>{outcome.fileName}</strong> · SHA-256 <span className="mono">{outcome.sha256.slice(0, 16)}…</span> · timeline #{outcome.seq}
          </Notice>
        ) : null}
        {outcome?.kind === 'written' ? (
          <Notice tone="info">
            Written to <span className="mono">{outcome.path}</span> and recorded on the timeline.
          </Notice>
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}

        {downloads ? (
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {outcome ? 'Close' : 'Cancel'}
            </button>
            <button type="button" className={`button button--primary${embargoed ? " advisory-danger" : ""}`} onClick={() => void download()} disabled={busy} data-autofocus>
              {busy ? 'Exporting…' : embargoed ? `Download ${fileName} unencrypted` : `Download ${fileName}`}
            </button>
          </div>
        ) : null}

        <form className="advisory-write" onSubmit={(event) => void write(event)} noValidate>
          <label className="field__label" htmlFor="advisory-write-path">
            {downloads ? 'Or write it to a file on this computer' : 'Write it to a file on this computer'}
          </label>
          <div className="advisory-inline">
            <input
              id="advisory-write-path"
              className="input input--mono"
              value={path}
              onChange={(event) => setPath(event.target.value)}
              placeholder={`/home/you/Documents/${fileName}`}
              spellCheck={false}
              autoComplete="off"
              aria-describedby="advisory-write-hint"
              data-autofocus={downloads ? undefined : true}
            />
            <button type="submit" className="button" disabled={busy || path.trim() === ''}>
              Write file
            </button>
          </div>
          <p className="field__hint" id="advisory-write-hint">
            An absolute path. The core writes the file atomically{downloads ? '' : ' (this window cannot download files)'}.
          </p>
        </form>
      </div>
    </Dialog>
  );
}
