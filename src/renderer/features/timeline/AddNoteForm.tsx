// A free-text note on the timeline. Ctrl+Enter (⌘+Enter) adds it from the keyboard.
import { useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { call } from '../../lib/api.ts';
import { Notice } from '../../components/Notice.tsx';

export function AddNoteForm({ caseId, onAdded }: { caseId: string; onAdded(): void }): ReactElement {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (text.trim() === '' || busy) return;
    setBusy(true);
    setError(null);
    const result = await call('case.note', { id: caseId, text });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setText('');
    onAdded();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className="add-note" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor="note-text">
        Add a note
      </label>
      <textarea
        id="note-text"
        className="textarea"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="A call, a decision, who was told what…"
        spellCheck={false}
        maxLength={20_000}
        disabled={busy}
      />
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="add-note__actions">
        <span>
          Notes are part of the tamper-evident timeline and cannot be edited later. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> adds it.
        </span>
        <button type="submit" className="button button--primary button--small" disabled={busy || text.trim() === ''}>
          {busy ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
