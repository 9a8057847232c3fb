// A change on the roster that deserves a second look (removing someone, deprecating a minor),
// optionally with a note (why someone is unavailable).
import { useState, type FormEvent, type ReactElement } from 'react';
import type { Result } from '../../../shared/errors.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useAction } from '../process/use-action.ts';

interface ConfirmDialogProps {
  title: string;
  description: string;
  confirm: string;
  /** Asks for a note first (e.g. "why unavailable"), passed to `run`. */
  noteLabel?: string;
  run(note: string): Promise<Result<unknown>>;
  onClose(): void;
}

export function ConfirmDialog({ title, description, confirm, noteLabel, run, onClose }: ConfirmDialogProps): ReactElement {
  const [note, setNote] = useState('');
  const action = useAction();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const result = await action.run(() => run(note.trim()));
    if (result !== null) onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={title} description={description}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {noteLabel ? (
          <div className="field">
            <label className="field__label" htmlFor="confirm-note">
              {noteLabel}
            </label>
            <input
              id="confirm-note"
              className="input"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={1000}
              autoComplete="off"
              data-autofocus
              disabled={action.busy}
            />
          </div>
        ) : null}
        {action.error ? <Notice tone="error">{action.error}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy} data-autofocus={noteLabel ? undefined : true}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Saving…' : confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
