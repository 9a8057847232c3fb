// `embargo encrypt FILE --to FPR… [--sign] -o OUT`: an armored message GnuPG reads, to the chosen
// keys (and to the Fix Lead's own key unless turned off). Unverified recipients are refused by
// the core unless the override is ticked for this one file.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { OutputOf } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PathField } from '../../components/PathField.tsx';
import { KeyPicker } from '../keyring/KeyPicker.tsx';
import { useAction } from '../keyring/use-action.ts';

export function EncryptFilePanel(): ReactElement {
  const action = useAction();
  const [input, setInput] = useState('');
  const [output, setOutput] = useState('');
  const [to, setTo] = useState<string[]>([]);
  const [sign, setSign] = useState(true);
  const [encryptToSelf, setEncryptToSelf] = useState(true);
  const [allowUnverified, setAllowUnverified] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [done, setDone] = useState<OutputOf<'crypt.encryptFile'> | null>(null);
  const ready = input.trim() !== '' && to.length > 0 && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setDone(null);
    const target = output.trim() === '' ? `${input.trim()}.asc` : output.trim();
    const value = await action.run(() =>
      call('crypt.encryptFile', { input: input.trim(), output: target, to, sign, encryptToSelf, allowUnverified, overwrite }),
    );
    if (value) setDone(value);
  }

  return (
    <section className="panel" aria-labelledby="crypt-encrypt-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="crypt-encrypt-heading">
          Encrypt a file
        </h2>
      </div>
      <form className="panel__body form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor="crypt-encrypt-input">
            File to encrypt
          </label>
          <PathField id="crypt-encrypt-input" value={input} onChange={setInput} pick={{ title: 'File to encrypt' }} disabled={action.busy} />
        </div>
        <div className="field">
          <span className="field__label" id="crypt-encrypt-to-label">
            Recipients
          </span>
          <KeyPicker id="crypt-encrypt-to" selected={to} onChange={setTo} disabled={action.busy} />
        </div>
        <OutputField id="crypt-encrypt-output" label="Encrypted file" value={output} onChange={setOutput} placeholder={input ? `${input}.asc` : 'same name, with .asc'} disabled={action.busy} />
        <label className="checkbox">
          <input type="checkbox" checked={sign} onChange={(event) => setSign(event.target.checked)} disabled={action.busy} /> Sign with my key
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={encryptToSelf} onChange={(event) => setEncryptToSelf(event.target.checked)} disabled={action.busy} /> Also
          encrypt to my own key (I can read it later)
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={allowUnverified} onChange={(event) => setAllowUnverified(event.target.checked)} disabled={action.busy} />{' '}
          Allow recipients whose fingerprint I have not compared (this file only)
        </label>
        <OverwriteBox checked={overwrite} onChange={setOverwrite} disabled={action.busy} />
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {done ? (
          <div className="verify-report verify-report--ok" role="status">
            <Icon name="check" /> Encrypted to {done.recipients.length} {done.recipients.length === 1 ? 'key' : 'keys'}
            {done.signedBy ? ', signed,' : ''} into <span className="mono">{done.output}</span>.
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!ready}>
            {action.busy ? 'Encrypting…' : 'Encrypt'}
          </button>
        </div>
      </form>
    </section>
  );
}

export function OutputField(props: { id: string; label: string; value: string; onChange(value: string): void; placeholder?: string; disabled: boolean }): ReactElement {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <PathField
        id={props.id}
        value={props.value}
        onChange={props.onChange}
        pick={{ title: props.label, save: true }}
        placeholder={props.placeholder}
        disabled={props.disabled}
      />
    </div>
  );
}

export function OverwriteBox({ checked, onChange, disabled }: { checked: boolean; onChange(value: boolean): void; disabled: boolean }): ReactElement {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} disabled={disabled} /> Replace the output file if
      it exists
    </label>
  );
}
