// A passphrase input: never spell-checked, autocompleted or autocorrected (those features can
// send or store what is typed), with a show/hide toggle.
import { useState, type ReactElement, type Ref } from 'react';
import { Icon } from '../../components/Icon.tsx';

interface PassphraseInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function PassphraseInput({ id, value, onChange, autoFocus, invalid, describedBy, disabled, inputRef }: PassphraseInputProps): ReactElement {
  const [visible, setVisible] = useState(false);
  return (
    <div className="input-with-action">
      <input
        ref={inputRef}
        id={id}
        className="input"
        type={visible ? 'text' : 'password'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        data-1p-ignore
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
      />
      <button
        type="button"
        className="button button--ghost button--small input-with-action__button"
        onClick={() => setVisible((v) => !v)}
        aria-pressed={visible}
        aria-controls={id}
        disabled={disabled}
      >
        <Icon name={visible ? 'eyeOff' : 'eye'} />
        <span className="visually-hidden">{visible ? 'Hide passphrase' : 'Show passphrase'}</span>
      </button>
    </div>
  );
}
