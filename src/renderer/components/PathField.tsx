// A path typed into a field — and, in the desktop app, a "Choose…" button beside it that opens
// the native open or save dialog through the contract (platform.pickFile / pickSaveFile, answered
// by the main process). Browser mode has no dialog: the button is not shown and the field stays.
import { useEffect, useState, type ReactElement } from 'react';
import type { PickFileInput } from '../../shared/contract/index.ts';
import { call } from '../lib/api.ts';

let dialogsAvailable: Promise<boolean> | null = null;

/** Asked once per window: the answer does not change while it is open. */
function hasDialogs(): Promise<boolean> {
  dialogsAvailable ??= call('platform.dialogs', {}).then((result) => result.ok && result.value.available);
  return dialogsAvailable;
}

/** What one dialog asks for; `save` opens the save dialog (a file to write). */
export type PathPick = PickFileInput & { save?: boolean; /** The button's text, "Choose…" unless given. */ label?: string };

interface PathFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** One dialog, or several (an upstream is a clone folder or a bundle file: one button each). */
  pick: PathPick | PathPick[];
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  describedBy?: string;
  /** The first field of a dialog (see components/Dialog.tsx). */
  dialogAutofocus?: boolean;
}

export function PathField({ id, value, onChange, pick, placeholder, disabled, required, describedBy, dialogAutofocus }: PathFieldProps): ReactElement {
  const [native, setNative] = useState(false);
  useEffect(() => {
    let current = true;
    void hasDialogs().then((available) => current && setNative(available));
    return () => {
      current = false;
    };
  }, []);

  async function choose(one: PathPick): Promise<void> {
    const { save, kind, label: _label, ...common } = one;
    const input = { ...common, ...(value.trim() !== '' ? { defaultPath: value.trim() } : {}) };
    const result = save ? await call('platform.pickSaveFile', input) : await call('platform.pickFile', { ...input, kind: kind ?? 'file' });
    if (result.ok && result.value.path !== null) onChange(result.value.path);
  }

  return (
    <div className="path-field">
      <input
        id={id}
        className="input input--mono"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        disabled={disabled}
        required={required}
        aria-describedby={describedBy}
        spellCheck={false}
        autoComplete="off"
        data-autofocus={dialogAutofocus ? true : undefined}
      />
      {native
        ? (Array.isArray(pick) ? pick : [pick]).map((one) => (
            <button key={one.title} type="button" className="button" onClick={() => void choose(one)} disabled={disabled} title={one.title}>
              {one.label ?? 'Choose…'}
            </button>
          ))
        : null}
    </div>
  );
}
