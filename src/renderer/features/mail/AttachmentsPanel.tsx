// What goes with the email: the workspace's patch series (one file per patch-release branch,
// all of them or the ones chosen), public keys from the keyring, and files sealed in the vault.
// A patch series is a reference: it is formatted from the workspace at export time, so the
// message carries the branches as they are then. Why something cannot be attached now (no
// branches yet, a key gone) is said here, before the export refuses it.
import { useRef, useState, type ReactElement } from 'react';
import type { AttachmentRef, CaseRecord, DraftView } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Icon } from '../../components/Icon.tsx';
import { useUi } from '../../app/store.ts';
import { bytesToBase64, shortFingerprint, splitUserId } from '../keyring/key-format.ts';
import { plural } from './mail-model.ts';

interface AttachmentsPanelProps {
  caseRecord: CaseRecord;
  view: DraftView;
  busy: boolean;
  onSave(attachments: AttachmentRef[]): Promise<string | null>;
  onAttached(view: DraftView): void;
}

const MAX_FILE = 16 * 1024 * 1024;

function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function refLabel(ref: AttachmentRef): string {
  switch (ref.kind) {
    case 'patches':
      return ref.branches.length === 0 ? 'Patch series · every patch-release branch' : `Patch series · ${ref.branches.join(', ')}`;
    case 'public-key':
      return `Public key ${shortFingerprint(ref.fingerprint)}`;
    case 'file':
      return ref.name;
  }
}

export function AttachmentsPanel({ caseRecord, view, busy, onSave, onAttached }: AttachmentsPanelProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const dataChanged = useUi((ui) => ui.dataChanged);
  const [adding, setAdding] = useState<'patches' | 'key' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const refs = view.attachments.map((attachment) => attachment.ref);
  const disabled = busy || uploading;

  async function save(next: AttachmentRef[]): Promise<void> {
    setError(null);
    const failure = await onSave(next);
    if (failure) setError(failure);
    else setAdding(null);
  }

  async function attachFile(file: File): Promise<void> {
    setError(null);
    if (file.size > MAX_FILE) {
      setError(`${file.name} is larger than 16 MiB, the limit for an attachment.`);
      return;
    }
    setUploading(true);
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await call('mail.attachFile', {
      caseId: caseRecord.id,
      draft: view.id,
      name: file.name,
      mediaType: /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream',
      base64,
    });
    setUploading(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onAttached(result.value);
    dataChanged();
  }

  return (
    <section className="panel composer-side-panel" aria-labelledby="composer-attachments-heading">
      <div className="composer-side-panel__header">
        <h2 className="panel__title" id="composer-attachments-heading">
          Attachments {view.attachments.length > 0 ? <span className="faint">{view.attachments.length}</span> : null}
        </h2>
      </div>
      <div className="composer-side-panel__body">
        {view.attachments.length === 0 ? <p className="muted">None.</p> : null}
        <ul className="composer-attachments" aria-label="Attachments">
          {view.attachments.map((attachment, index) => (
            <li key={index} className={attachment.problem ? 'has-problem' : undefined}>
              <Icon name={attachment.ref.kind === 'public-key' ? 'key' : attachment.ref.kind === 'patches' ? 'list' : 'note'} />
              <div className="composer-attachments__text">
                <span className="composer-attachments__title">{refLabel(attachment.ref)}</span>
                {attachment.names.length > 0 ? (
                  <span className="composer-attachments__files mono">
                    {attachment.names.join(', ')}
                    {attachment.size !== null ? ` · ${sizeText(attachment.size)}` : ''}
                  </span>
                ) : null}
                {attachment.problem ? (
                  <span className="composer-attachments__problem">
                    <Icon name="alert" /> Cannot attach now: {attachment.problem}
                  </span>
                ) : null}
              </div>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => void save(refs.filter((_, i) => i !== index))}
                disabled={disabled}
                aria-label={`Remove ${refLabel(attachment.ref)}`}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
        {adding === 'patches' ? (
          <PatchChooser caseId={caseRecord.id} current={refs.find((ref) => ref.kind === 'patches') ?? null} disabled={disabled} onCancel={() => setAdding(null)} onChoose={(ref) => void save([...refs.filter((r) => r.kind !== 'patches'), ref])} revision={revision} />
        ) : null}
        {adding === 'key' ? (
          <KeyChooser present={refs.flatMap((ref) => (ref.kind === 'public-key' ? [ref.fingerprint] : []))} disabled={disabled} onCancel={() => setAdding(null)} onChoose={(fingerprint) => void save([...refs, { kind: 'public-key', fingerprint }])} revision={revision} />
        ) : null}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        {adding === null ? (
          <div className="composer-attachments__add">
            <button type="button" className="button button--small" onClick={() => setAdding('patches')} disabled={disabled}>
              Patch series…
            </button>
            <button type="button" className="button button--small" onClick={() => setAdding('key')} disabled={disabled}>
              Public key…
            </button>
            <button type="button" className="button button--small" onClick={() => picker.current?.click()} disabled={disabled}>
              {uploading ? 'Sealing…' : 'File…'}
            </button>
            <input
              ref={picker}
              type="file"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Attach a file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void attachFile(file);
              }}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}

function PatchChooser({
  caseId,
  current,
  disabled,
  onCancel,
  onChoose,
  revision,
}: {
  caseId: string;
  current: AttachmentRef | null;
  disabled: boolean;
  onCancel(): void;
  onChoose(ref: AttachmentRef): void;
  revision: number;
}): ReactElement {
  const status = useQuery('workspace.status', { id: caseId }, revision);
  const branches = (status.value?.branches ?? []).filter((branch) => branch.kind !== 'fix');
  const initial = current?.kind === 'patches' ? current.branches : [];
  const [all, setAll] = useState(initial.length === 0);
  const [chosen, setChosen] = useState<string[]>(initial);
  return (
    <fieldset className="composer-chooser" aria-label="Patch series">
      <legend className="field__label">Patch series from the workspace</legend>
      {status.value && branches.length === 0 ? (
        <p className="field__hint">This case has no patch-release branches yet: build them on the Workspace tab. The series can be attached now and is checked again at export.</p>
      ) : null}
      <label className="checkbox">
        <input type="radio" name="patch-scope" checked={all} onChange={() => setAll(true)} disabled={disabled} />
        <span>Every patch-release branch{branches.length > 0 ? ` (${plural(branches.length, 'file')})` : ''}</span>
      </label>
      {branches.length > 0 ? (
        <label className="checkbox">
          <input type="radio" name="patch-scope" checked={!all} onChange={() => setAll(false)} disabled={disabled} />
          <span>Only these branches:</span>
        </label>
      ) : null}
      {!all
        ? branches.map((branch) => (
            <label key={branch.branch} className="checkbox composer-chooser__indent">
              <input
                type="checkbox"
                checked={chosen.includes(branch.branch)}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, branch.branch] : chosen.filter((b) => b !== branch.branch))}
                disabled={disabled}
              />
              <span>
                <span className="mono">{branch.branch}</span> <span className="faint">{branch.status}</span>
              </span>
            </label>
          ))
        : null}
      <div className="composer-chooser__actions">
        <button type="button" className="button button--small" onClick={onCancel} disabled={disabled}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => onChoose({ kind: 'patches', branches: all ? [] : chosen })}
          disabled={disabled || (!all && chosen.length === 0)}
        >
          Attach
        </button>
      </div>
    </fieldset>
  );
}

function KeyChooser({
  present,
  disabled,
  onCancel,
  onChoose,
  revision,
}: {
  present: string[];
  disabled: boolean;
  onCancel(): void;
  onChoose(fingerprint: string): void;
  revision: number;
}): ReactElement {
  const keys = useQuery('keyring.list', {}, revision);
  const options = (keys.value ?? []).filter((key) => !present.includes(key.fingerprint)).sort((a, b) => Number(b.own) - Number(a.own));
  const [fingerprint, setFingerprint] = useState('');
  const selected = fingerprint || options[0]?.fingerprint || '';
  return (
    <div className="composer-chooser">
      <label className="field__label" htmlFor="composer-attach-key">
        Public key from the keyring
      </label>
      <select id="composer-attach-key" className="input" value={selected} onChange={(event) => setFingerprint(event.target.value)} disabled={disabled || options.length === 0}>
        {options.length === 0 ? <option value="">No other key in the keyring</option> : null}
        {options.map((key) => (
          <option key={key.fingerprint} value={key.fingerprint}>
            {splitUserId(key.primaryUserId).name} · {shortFingerprint(key.fingerprint)}
            {key.own ? ' (your key)' : ''}
          </option>
        ))}
      </select>
      <div className="composer-chooser__actions">
        <button type="button" className="button button--small" onClick={onCancel} disabled={disabled}>
          Cancel
        </button>
        <button type="button" className="button button--small button--primary" onClick={() => onChoose(selected)} disabled={disabled || selected === ''}>
          Attach
        </button>
      </div>
    </div>
  );
}
