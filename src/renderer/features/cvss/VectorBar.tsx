// The vector string: shown as built and copied with one button (VectorLine), and replaced by
// pasting or typing another one (PasteVector) — the core parses it strictly, and its message
// says which part is wrong.
import { Fragment, useState, type ClipboardEvent, type FormEvent, type ReactElement } from 'react';
import { CVSS_INPUT_MAX_LENGTH } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { copyWithAutoClear } from '../../lib/clipboard.ts';

/** A vector that wraps only after its slashes, never inside "AV:N". */
export function VectorText({ vector }: { vector: string }): ReactElement {
  const parts = vector.split('/');
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

export function VectorLine({ vector }: { vector: string | null }): ReactElement {
  // Which vector the last copy was of, so "Copied" goes away once the vector changes.
  const [lastCopy, setCopy] = useState<{ vector: string; ok: boolean } | null>(null);
  const copied = lastCopy && lastCopy.vector === vector ? (lastCopy.ok ? 'copied' : 'failed') : null;

  async function copy(): Promise<void> {
    if (!vector) return;
    try {
      await copyWithAutoClear(vector);
      setCopy({ vector, ok: true });
    } catch {
      setCopy({ vector, ok: false });
    }
  }

  return (
    <div className="cvss-vector">
      <span className="cvss-vector__label" id="cvss-vector-label">
        Vector
      </span>
      <output className="cvss-vector__string" aria-labelledby="cvss-vector-label" data-empty={vector === null || undefined}>
        {vector ? <VectorText vector={vector} /> : 'Choose every base metric to build the vector.'}
      </output>
      <button type="button" className="button button--small" onClick={() => void copy()} disabled={!vector}>
        {copied === 'copied' ? <Icon name="check" /> : null}
        {copied === 'copied' ? 'Copied' : 'Copy vector'}
      </button>
      {copied === 'failed' ? <p className="field__error cvss-vector__error">The clipboard refused the vector: select it and press Ctrl+C.</p> : null}
    </div>
  );
}

/** Fills the calculator from a vector; `onLoad` resolves to the core's complaint, or null when it worked. */
export function PasteVector({ onLoad }: { onLoad(vector: string): Promise<string | null> }): ReactElement {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(candidate: string): Promise<void> {
    const trimmed = candidate.trim();
    if (trimmed === '') return;
    if (trimmed.length > CVSS_INPUT_MAX_LENGTH) {
      setProblem(`That is not a CVSS vector: it is ${trimmed.length} characters long.`);
      return;
    }
    setBusy(true);
    const complaint = await onLoad(trimmed);
    setBusy(false);
    setProblem(complaint);
    if (complaint === null) setText('');
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void load(text);
  }

  function paste(event: ClipboardEvent<HTMLInputElement>): void {
    // A paste into the empty field fills the calculator at once; into text, it edits the text.
    if (text !== '') return;
    const pasted = event.clipboardData.getData('text');
    if (pasted.trim() === '') return;
    event.preventDefault();
    setText(pasted.trim());
    void load(pasted);
  }

  return (
    <form className="cvss-paste" onSubmit={submit} noValidate>
      <label className="field__label" htmlFor="cvss-paste">
        Paste a vector
      </label>
      <div className="cvss-paste__row">
        <input
          id="cvss-paste"
          className="input input--mono"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onPaste={paste}
          placeholder="CVSS:4.0/AV:N/AC:L/AT:N/…"
          autoComplete="off"
          spellCheck={false}
          maxLength={CVSS_INPUT_MAX_LENGTH + 1}
          aria-invalid={problem !== null || undefined}
          aria-describedby={problem !== null ? 'cvss-paste-error' : 'cvss-paste-hint'}
          disabled={busy}
        />
        <button type="submit" className="button" disabled={busy || text.trim() === ''}>
          Fill in
        </button>
      </div>
      {problem !== null ? (
        <p className="field__error" id="cvss-paste-error" role="alert">
          {problem}
        </p>
      ) : (
        <p className="field__hint" id="cvss-paste-hint">
          v3.0, v3.1 or v4.0. A paste fills the buttons at once; typed text with Enter.
        </p>
      )}
    </form>
  );
}
