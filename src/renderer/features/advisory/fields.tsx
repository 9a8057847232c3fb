// Form fields of the Advisory tab: a label, the control, a hint, and the field's problem under
// it (tied to the control with aria-describedby, so a screen reader reads it with the field).
import type { ReactElement, ReactNode } from 'react';

export interface FieldMessages {
  error?: string | undefined;
  warning?: string | undefined;
}

/** The message under a control, or nothing. */
export function FieldMessage({ id, error, warning, hint }: FieldMessages & { id: string; hint?: ReactNode }): ReactElement | null {
  if (error) {
    return (
      <p className="field__error" id={id}>
        {error}
      </p>
    );
  }
  if (warning) {
    return (
      <p className="advisory-field__warning" id={id}>
        {warning}
      </p>
    );
  }
  if (hint) {
    return (
      <p className="field__hint" id={id}>
        {hint}
      </p>
    );
  }
  return null;
}

interface TextFieldProps extends FieldMessages {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  placeholder?: string;
  mono?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
}

export function TextField({ id, label, value, onChange, hint, placeholder, mono, multiline, rows, maxLength, error, warning }: TextFieldProps): ReactElement {
  const messageId = `${id}-message`;
  const described = error || warning || hint ? messageId : undefined;
  const common = {
    id,
    value,
    placeholder,
    maxLength,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} className="textarea" rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} className={`input${mono ? ' input--mono' : ''}`} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldMessage id={messageId} error={error} warning={warning} hint={hint} />
    </div>
  );
}
