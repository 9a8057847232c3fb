// `embargo decrypt`, `embargo sign` and `embargo verify` in the window. Decrypt writes the
// plaintext file only when the message is intact and no signature on it is bad (the core
// decides); verify gives one verdict per signature, worded as the CLI words it.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { OutputOf, SignatureReport } from '../../../shared/contract/index.ts';
import { signatureVerdictLabel } from '../../../shared/signature-verdict.ts';
import { call } from '../../lib/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PathField } from '../../components/PathField.tsx';
import { useAction } from '../keyring/use-action.ts';
import { OutputField, OverwriteBox } from './EncryptFilePanel.tsx';

function withoutPgpSuffix(path: string): string {
  return path.replace(/\.(asc|gpg|pgp)$/i, '');
}

function InputField(props: { id: string; label: string; value: string; onChange(value: string): void; disabled: boolean }): ReactElement {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <PathField id={props.id} value={props.value} onChange={props.onChange} pick={{ title: props.label }} disabled={props.disabled} />
    </div>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactElement }): ReactElement {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <div className="panel__header">
        <h2 className="panel__title" id={`${id}-heading`}>
          {title}
        </h2>
      </div>
      {children}
    </section>
  );
}

export function SignatureList({ signatures }: { signatures: SignatureReport[] }): ReactElement {
  if (signatures.length === 0) return <p className="muted">No signature.</p>;
  return (
    <ul className="signature-list" aria-label="Signatures">
      {signatures.map((signature, index) => (
        <li key={`${signature.keyId} ${index}`} className="signature-list__item" data-valid={String(signature.valid)} data-verdict={signature.verdict}>
          <Icon name={signature.valid ? 'check' : 'alert'} /> <strong>{signatureVerdictLabel(signature.verdict)}</strong>
          {signature.signer ? ` from ${signature.signer}` : ''}{' '}
          <span className="mono faint">{signature.fingerprint ?? signature.keyId}</span>
          {signature.reason ? <span>: {signature.reason}</span> : null}
          {signature.created ? <span className="faint"> · made {signature.created.slice(0, 16).replace('T', ' ')} UTC</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function DecryptFilePanel(): ReactElement {
  const action = useAction();
  const [input, setInput] = useState('');
  const [output, setOutput] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [done, setDone] = useState<OutputOf<'crypt.decryptFile'> | null>(null);
  const target = output.trim() === '' ? withoutPgpSuffix(input.trim()) : output.trim();
  const ready = input.trim() !== '' && target !== '' && target !== input.trim() && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setDone(null);
    const value = await action.run(() => call('crypt.decryptFile', { input: input.trim(), output: target, overwrite }));
    if (value) setDone(value);
  }
  return (
    <Panel id="crypt-decrypt" title="Decrypt a file">
      <form className="panel__body form" onSubmit={(event) => void submit(event)}>
        <InputField id="crypt-decrypt-input" label="Encrypted file" value={input} onChange={setInput} disabled={action.busy} />
        <OutputField id="crypt-decrypt-output" label="Decrypted file" value={output} onChange={setOutput} placeholder={input ? withoutPgpSuffix(input) : 'same name, without .asc'} disabled={action.busy} />
        <OverwriteBox checked={overwrite} onChange={setOverwrite} disabled={action.busy} />
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {done ? (
          <div className="crypto-output" role="status">
            <p>
              <Icon name="check" /> Decrypted with <span className="mono">{done.decryptedWith}</span> into <span className="mono">{done.output}</span>.
            </p>
            <SignatureList signatures={done.signatures} />
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!ready}>
            {action.busy ? 'Decrypting…' : 'Decrypt'}
          </button>
        </div>
      </form>
    </Panel>
  );
}

export function SignFilePanel(): ReactElement {
  const action = useAction();
  const [input, setInput] = useState('');
  const [output, setOutput] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [done, setDone] = useState<OutputOf<'crypt.signFile'> | null>(null);
  const target = output.trim() === '' ? `${input.trim()}.asc` : output.trim();
  const ready = input.trim() !== '' && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setDone(null);
    const value = await action.run(() => call('crypt.signFile', { input: input.trim(), output: target, overwrite }));
    if (value) setDone(value);
  }
  return (
    <Panel id="crypt-sign" title="Sign a file">
      <form className="panel__body form" onSubmit={(event) => void submit(event)}>
        <p className="muted">A detached signature by your own key, beside the file: gpg --verify FILE.asc FILE checks it.</p>
        <InputField id="crypt-sign-input" label="File to sign" value={input} onChange={setInput} disabled={action.busy} />
        <OutputField id="crypt-sign-output" label="Signature file" value={output} onChange={setOutput} placeholder={input ? `${input}.asc` : 'same name, with .asc'} disabled={action.busy} />
        <OverwriteBox checked={overwrite} onChange={setOverwrite} disabled={action.busy} />
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {done ? (
          <div className="verify-report verify-report--ok" role="status">
            <Icon name="check" /> Signed by <span className="mono">{done.signedBy}</span> into <span className="mono">{done.output}</span>.
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!ready}>
            {action.busy ? 'Signing…' : 'Sign'}
          </button>
        </div>
      </form>
    </Panel>
  );
}

export function VerifyFilePanel(): ReactElement {
  const action = useAction();
  const [input, setInput] = useState('');
  const [signature, setSignature] = useState('');
  const [done, setDone] = useState<SignatureReport[] | null>(null);
  const signatureFile = signature.trim() === '' ? `${input.trim()}.asc` : signature.trim();
  const ready = input.trim() !== '' && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    setDone(null);
    const value = await action.run(() => call('crypt.verifyFile', { input: input.trim(), signature: signatureFile }));
    if (value) setDone(value.signatures);
  }
  return (
    <Panel id="crypt-verify" title="Check a signature">
      <form className="panel__body form" onSubmit={(event) => void submit(event)}>
        <InputField id="crypt-verify-input" label="Signed file" value={input} onChange={setInput} disabled={action.busy} />
        <div className="field">
          <label className="field__label" htmlFor="crypt-verify-signature">
            Signature file
          </label>
          <PathField
            id="crypt-verify-signature"
            value={signature}
            onChange={setSignature}
            pick={{ title: 'Signature file' }}
            placeholder={input ? `${input}.asc` : 'same name, with .asc'}
            disabled={action.busy}
          />
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {done ? (
          <div className="crypto-output" role="status">
            <SignatureList signatures={done} />
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!ready}>
            {action.busy ? 'Checking…' : 'Check signature'}
          </button>
        </div>
      </form>
    </Panel>
  );
}
