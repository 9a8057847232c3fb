// Exporting a draft as files a mail client opens. Encrypted and signed PGP/MIME (the default
// for anything embargoed), one message for all recipients or one per recipient, each as a .eml
// or all in one mbox; or in clear, for the public announcement, once the Release Date has
// passed — before it only through an explicit override that says what the timeline will record
// (who, what, when). Recipients who cannot receive encrypted mail block the encrypted export
// until they are removed from the draft. The core writes the files: the renderer cannot, and
// the desktop shell refuses downloads, so the folder is a path on the machine running the core
// (as the Workspace tab's encrypted exports do).
import { isUnderEmbargo as underEmbargo } from '../../../shared/rules/embargo.ts';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord, DraftView, MailExportResult } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { ReceiveStatus, ShortFingerprint } from '../keyring/KeyBadges.tsx';
import { splitUserId } from '../keyring/key-format.ts';
import { useAction } from '../keyring/use-action.ts';
import { exportFileName, joinPath, plural, type ExportShape } from './mail-model.ts';
import { unreachable } from './RecipientsPanel.tsx';

interface ExportDialogProps {
  caseRecord: CaseRecord;
  view: DraftView;
  templateTitle: string;
  dirty: boolean;
  onClose(): void;
}

type Step = 'form' | 'confirm' | 'done';

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;



export function ExportDialog({ caseRecord, view, templateTitle, dirty, onClose }: ExportDialogProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const keys = useQuery('keyring.list', {}, revision);
  const timeline = useQuery('case.timeline', { id: caseRecord.id }, revision);
  const ownKey = keys.value?.find((key) => key.own && key.secret) ?? null;
  const action = useAction();

  const [step, setStep] = useState<Step>('form');
  const [clear, setClear] = useState(view.mode === 'clear');
  const [shape, setShape] = useState<ExportShape>('single');
  const [sign, setSign] = useState(true);
  const [folder, setFolder] = useState('');
  const [typedName, setTypedName] = useState<string | null>(null);
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<MailExportResult | null>(null);

  const caseRef = caseRecord.cve ?? caseRecord.id;
  const fileName = typedName ?? exportFileName(caseRef, view.templateId, view.version, shape, clear);
  const embargoed = underEmbargo(caseRecord);
  const override = clear && embargoed;
  const blocked = clear ? [] : unreachable(view);
  const signing = sign && ownKey !== null;
  const folderOk = ABSOLUTE.test(folder.trim());
  const nameOk = shape === 'per-recipient' || (fileName.trim() !== '' && !/[/\\]/.test(fileName));
  const incompleteOk = view.missing.length === 0 || allowIncomplete;
  const ready = folderOk && nameOk && incompleteOk && blocked.length === 0 && view.toAddresses.length > 0;
  const actor = timeline.value?.[timeline.value.length - 1]?.actor ?? 'this vault’s user';
  const output = shape === 'per-recipient' ? folder.trim() : joinPath(folder, fileName.trim());

  async function run(): Promise<void> {
    const exported = await action.run(() =>
      call('mail.export', {
        caseId: caseRecord.id,
        draft: view.id,
        version: view.version,
        output,
        sign: signing,
        perRecipient: shape === 'per-recipient',
        mbox: shape === 'mbox',
        clear,
        overrideEmbargo: override,
        reason: override ? reason.trim() : undefined,
        allowIncomplete,
      }),
    );
    if (exported) {
      setResult(exported);
      setStep('done');
    }
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!ready || action.busy) return;
    if (override) setStep('confirm');
    else void run();
  }

  if (step === 'confirm') {
    return (
      <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Override the embargo?" description={`${caseRecord.id} is still under embargo: a file in clear can be read by anyone who gets it.`}>
        <form
          className="form dialog-body dialog-body--wide"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim() !== '' && !action.busy) void run();
          }}
          noValidate
        >
          <div className="mail-danger-box" role="alert">
            <strong>
              {caseRecord.releaseDate ? (
                <>
                  The Release Date is {formatUtc(caseRecord.releaseDate)} ({formatLocal(caseRecord.releaseDate)}).
                </>
              ) : (
                <>No Release Date is set: the embargo has no end yet.</>
              )}
            </strong>
            <p>Exporting in clear before it is an override of the embargo. It is recorded on the case timeline, which cannot be edited afterwards:</p>
            <dl className="mail-override-facts">
              <dt>Who</dt>
              <dd>{actor}</dd>
              <dt>What</dt>
              <dd>
                {templateTitle} “{view.subject}”, version {view.version} of {view.id}, in clear, to {view.toAddresses.concat(view.ccAddresses).join(', ')}; the files written and their SHA-256
              </dd>
              <dt>When</dt>
              <dd>the moment you confirm, in UTC</dd>
              <dt>Why</dt>
              <dd>the reason below</dd>
            </dl>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="mail-override-reason">
              Reason for the override
            </label>
            <textarea
              id="mail-override-reason"
              className="textarea"
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. The issue went public on the reporter’s blog; releasing the advisory now."
              data-autofocus
              disabled={action.busy}
            />
            <p className="field__hint">Required. It goes on the timeline word for word.</p>
          </div>
          {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setStep('form')} disabled={action.busy}>
              Back
            </button>
            <button type="submit" className="button mail-danger-button" disabled={reason.trim() === '' || action.busy}>
              {action.busy ? 'Exporting…' : 'Override the embargo and export'}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  if (step === 'done' && result) {
    return (
      <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Exported" description="Written by the core, and recorded on the case timeline with each file’s SHA-256.">
        <ExportOutcome result={result} onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Export the ${templateTitle}`}
      description={`Version ${view.version} as saved: “${view.subject}”. The files open in a mail client, to check and send from there.`}
    >
      <form className="form dialog-body dialog-body--xwide" onSubmit={submit} noValidate>
        {dirty ? <Notice tone="warning">The composer has unsaved changes: they are not in version {view.version}. Save them first to export them.</Notice> : null}
        <fieldset className="choices mail-export-modes">
          <legend className="field__label">How it is sent</legend>
          <label className="choice">
            <input type="radio" name="mail-export-mode" checked={!clear} onChange={() => setClear(false)} disabled={action.busy} />
            <span>
              <span className="choice__title">
                <Icon name="lock" /> Encrypted and signed PGP/MIME
              </span>
              <span className="choice__text">
                multipart/encrypted (RFC 3156) to every recipient’s keys and yours; the real headers inside, the outer subject neutral.
              </span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="mail-export-mode" checked={clear} onChange={() => setClear(true)} disabled={action.busy} />
            <span>
              <span className="choice__title">
                <Icon name="eye" /> In clear, for a public announcement
              </span>
              <span className="choice__text">
                {embargoed ? 'Only after the Release Date; before it, an override recorded on the timeline.' : 'The Release Date has passed: the case is public.'}
              </span>
            </span>
          </label>
        </fieldset>

        {!clear ? <RecipientSummary view={view} /> : null}
        {blocked.length > 0 ? (
          <Notice tone="error">
            {plural(blocked.length, 'recipient cannot', 'recipients cannot')} receive encrypted mail ({blocked.map((r) => r.label).join(', ')}). Remove{' '}
            {blocked.length === 1 ? 'it' : 'them'} from the draft, or fix {blocked.length === 1 ? 'its keys' : 'their keys'}, before exporting.
          </Notice>
        ) : null}
        {override ? (
          <div className="mail-danger-box" role="status">
            <strong>
              {caseRecord.id} is under embargo{caseRecord.releaseDate ? ` until ${formatUtc(caseRecord.releaseDate)}` : ' (no Release Date yet)'}.
            </strong>{' '}
            A clear export now overrides it. You will be asked why; the timeline records who, what and when.
          </div>
        ) : null}

        <div className="mail-export-grid">
          <fieldset className="mail-export-options">
            <legend className="field__label">Messages</legend>
            <label className="checkbox">
              <input type="radio" name="mail-export-shape" checked={shape === 'single'} onChange={() => setShape('single')} disabled={action.busy} />
              <span>One message for all recipients (.eml)</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="mail-export-shape" checked={shape === 'per-recipient'} onChange={() => setShape('per-recipient')} disabled={action.busy} />
              <span>One message per recipient (.eml each; a list is split into its members)</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="mail-export-shape" checked={shape === 'mbox'} onChange={() => setShape('mbox')} disabled={action.busy} />
              <span>One mbox for the whole send</span>
            </label>
            <label className="checkbox mail-export-sign">
              <input type="checkbox" checked={signing} onChange={(event) => setSign(event.target.checked)} disabled={action.busy || ownKey === null} />
              <span>
                {clear ? 'Clear-sign with your key (multipart/signed)' : 'Sign with your key'}
                {ownKey ? (
                  <span className="field__hint">
                    {' '}
                    — {splitUserId(ownKey.primaryUserId).name} <ShortFingerprint fingerprint={ownKey.fingerprint} />
                  </span>
                ) : (
                  <span className="field__hint"> — generate your key on the Keyring page first</span>
                )}
              </span>
            </label>
          </fieldset>
          <div className="mail-export-target">
            <div className="field">
              <label className="field__label" htmlFor="mail-export-folder">
                Folder
              </label>
              <input
                id="mail-export-folder"
                className="input input--mono"
                value={folder}
                onChange={(event) => setFolder(event.target.value)}
                placeholder={`/home/you/${caseRef}/mail`}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={folder.trim() !== '' && !folderOk ? true : undefined}
                data-autofocus
                disabled={action.busy}
              />
              <p className="field__hint">
                {folder.trim() !== '' && !folderOk ? 'An absolute path, please. ' : ''}An existing folder on this machine; the core writes the files there atomically.
              </p>
            </div>
            {shape !== 'per-recipient' ? (
              <div className="field">
                <label className="field__label" htmlFor="mail-export-name">
                  File name
                </label>
                <input
                  id="mail-export-name"
                  className="input input--mono"
                  value={fileName}
                  onChange={(event) => setTypedName(event.target.value)}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={!nameOk ? true : undefined}
                  disabled={action.busy}
                />
              </div>
            ) : (
              <p className="field__hint">Each message is named after the draft, its version and its recipient.</p>
            )}
          </div>
        </div>

        {view.missing.length > 0 ? (
          <div className="mail-export-incomplete">
            <Notice tone="error">
              The draft still has {plural(view.missing.length, 'missing variable')}: {view.missing.join(', ')}. Fill {view.missing.length === 1 ? 'it' : 'them'} in the composer.
            </Notice>
            <label className="checkbox">
              <input type="checkbox" checked={allowIncomplete} onChange={(event) => setAllowIncomplete(event.target.checked)} disabled={action.busy} />
              <span>Export anyway, with the ⟦missing⟧ markers visible in the text</span>
            </label>
          </div>
        ) : null}
        {view.toAddresses.length === 0 ? <Notice tone="error">Nobody in To: add a recipient first.</Notice> : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className={`button ${override ? 'mail-danger-button' : 'button--primary'}`} disabled={!ready || action.busy}>
            {action.busy ? 'Exporting…' : override ? 'Override the embargo…' : clear ? 'Export in clear' : signing ? 'Export encrypted and signed' : 'Export encrypted'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RecipientSummary({ view }: { view: DraftView }): ReactElement {
  return (
    <table className="table table--compact" aria-label="Encrypted to">
      <thead>
        <tr>
          <th scope="col">Recipient</th>
          <th scope="col">Keys</th>
          <th scope="col">Key health</th>
        </tr>
      </thead>
      <tbody>
        {view.recipients.map((recipient) => (
          <tr key={`${recipient.field} ${recipient.label}`}>
            <td>
              {recipient.label} <span className="faint">{recipient.field === 'cc' ? '(Cc)' : ''}</span>
            </td>
            <td className="cell-mono">{recipient.members ? plural(recipient.members.reduce((sum, member) => sum + member.recipients.length, 0), 'key') : plural(recipient.keys.filter((key) => key.ok).length, 'usable key')}</td>
            <td>
              <ReceiveStatus ok={recipient.canReceive} reason={recipient.canReceive ? null : recipient.problems[0] ?? null} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExportOutcome({ result, onClose }: { result: MailExportResult; onClose(): void }): ReactElement {
  return (
    <div className="dialog-body dialog-body--xwide">
      <p>
        {result.mode === 'encrypted' ? (
          <>
            <Icon name="lock" /> Encrypted{result.signedBy ? ' and signed' : ''}
          </>
        ) : (
          <>
            <Icon name="eye" /> In clear{result.signedBy ? ', signed' : ''}
          </>
        )}
        {result.override ? ' · embargo overridden, recorded on the timeline' : ''} · {plural(result.messages.length, 'message')}:
      </p>
      <ul className="mail-files" aria-label="Written files">
        {result.files.map((file) => (
          <li key={file} className="mono">
            {file}
          </li>
        ))}
      </ul>
      <table className="table table--compact" aria-label="Messages">
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Encrypted to</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {result.messages.map((message) => (
            <tr key={message.messageId}>
              <td>{[...message.to, ...message.cc].join(', ')}</td>
              <td>{message.encryptedTo.length > 0 ? plural(message.encryptedTo.length, 'key') : '—'}</td>
              <td className="cell-mono" title={message.sha256}>
                {message.sha256.slice(0, 16)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.notice ? (
        <Notice tone="info">
          Notice <strong>{result.notice}</strong> is open for acknowledgements: record each member’s answer on the Mail tab.
        </Notice>
      ) : null}
      {result.excluded.length > 0 ? (
        <Notice tone="warning">Left out: {result.excluded.map((entry) => `${entry.label} (${entry.reason})`).join('; ')}.</Notice>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
          Done
        </button>
      </div>
    </div>
  );
}
