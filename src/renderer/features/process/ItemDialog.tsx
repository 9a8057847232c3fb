// Ticking, skipping or reopening one checklist item. A tick records who did it, when (it may
// be earlier than now), an optional note and evidence (links, message ids, hashes); a skip and a
// reopen need their reason. Each is one event on the tamper-evident timeline.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CaseRecord, ScheduledItem } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc, fromLocalInputValue, localZone, toLocalInputValue } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import type { NameOf } from '../timeline/describe-event.ts';
import { OWNER_LABELS, REQUIREMENT_LABELS } from './labels.ts';
import { useAction } from './use-action.ts';

export type ItemDialogMode = 'tick' | 'skip' | 'reopen';

interface ItemDialogProps {
  caseRecord: CaseRecord;
  item: ScheduledItem;
  mode: ItemDialogMode;
  names: NameOf;
  onClose(): void;
}

const TITLES: Record<ItemDialogMode, string> = { tick: 'Mark done', skip: 'Skip this step', reopen: 'Reopen this step' };

export function ItemDialog({ caseRecord, item, mode, names, onClose }: ItemDialogProps): ReactElement {
  const description =
    mode === 'tick'
      ? 'Records who did it and when, as an event on the case timeline.'
      : mode === 'skip'
        ? 'A skipped step counts as handled; the reason goes on the timeline and into the retrospective.'
        : 'Takes back the tick or the skip, with the reason; the earlier record stays on the timeline.';
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={TITLES[mode]} description={description}>
      <p className="dialog__subject">{item.title}</p>
      {mode === 'tick' ? (
        <TickForm caseRecord={caseRecord} item={item} names={names} onDone={onClose} />
      ) : (
        <ReasonForm caseId={caseRecord.id} item={item} mode={mode} onDone={onClose} />
      )}
    </Dialog>
  );
}

function TickForm({ caseRecord, item, names, onDone }: { caseRecord: CaseRecord; item: ScheduledItem; names: NameOf; onDone(): void }): ReactElement {
  const [doneLocal, setDoneLocal] = useState(() => toLocalInputValue(new Date()));
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const action = useAction();
  const doneAt = fromLocalInputValue(doneLocal);
  const zone = localZone(doneAt ? new Date(doneAt) : new Date());
  const missing = item.requires.filter((field) => caseRecord[field] === null);
  const lead = caseRecord.people.fixLead;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!doneAt) {
      action.setError('Give the date and time it was done, in your local time.');
      return;
    }
    const lines = evidence
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const result = await action.run(() =>
      call('process.tick', {
        id: caseRecord.id,
        item: item.id,
        doneAt,
        note: note.trim(),
        evidence: lines,
        ...(by.trim() ? { by: by.trim() } : {}),
      }),
    );
    if (result) onDone();
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {missing.length > 0 ? (
        <Notice tone="warning">
          This step depends on {missing.map((field) => REQUIREMENT_LABELS[field]).join(' and ')}, which {caseRecord.id} does not have
          yet: record {missing.length > 1 ? 'them' : 'it'} first.
        </Notice>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="tick-done-at">
          Done at <span className="muted">(your local time, {zone.name}, UTC{zone.offset})</span>
        </label>
        <input
          id="tick-done-at"
          className="input"
          type="datetime-local"
          value={doneLocal}
          onChange={(event) => setDoneLocal(event.target.value)}
          aria-describedby="tick-done-at-hint"
          disabled={action.busy}
        />
        <p className="field__hint" id="tick-done-at-hint">
          {doneAt ? <>Recorded as <strong>{formatUtc(doneAt)}</strong>.</> : <span className="field__error">Give a date and time that exists in your zone.</span>}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="tick-by">
          Done by <span className="muted">(optional)</span>
        </label>
        <input
          id="tick-by"
          className="input"
          value={by}
          onChange={(event) => setBy(event.target.value)}
          placeholder={lead ? `${names(lead)}, the Fix Lead` : 'You'}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          disabled={action.busy}
        />
        <p className="field__hint">The owner of this step is the {OWNER_LABELS[item.owner]}. Leave empty for {lead ? names(lead) : 'you'}.</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="tick-note">
          Note <span className="muted">(optional)</span>
        </label>
        <textarea
          id="tick-note"
          className="textarea"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={5000}
          spellCheck={false}
          data-autofocus
          disabled={action.busy}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="tick-evidence">
          Evidence <span className="muted">(optional, one per line: links, message ids, hashes)</span>
        </label>
        <textarea
          id="tick-evidence"
          className="textarea textarea--short input--mono"
          value={evidence}
          onChange={(event) => setEvidence(event.target.value)}
          spellCheck={false}
          disabled={action.busy}
        />
      </div>
      {action.error ? <Notice tone="error">{action.error}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone} disabled={action.busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Recording…' : 'Mark done'}
        </button>
      </div>
    </form>
  );
}

function ReasonForm({ caseId, item, mode, onDone }: { caseId: string; item: ScheduledItem; mode: 'skip' | 'reopen'; onDone(): void }): ReactElement {
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const missing = reason.trim() === '';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (missing) return;
    const method = mode === 'skip' ? 'process.skip' : 'process.reopen';
    const result = await action.run(() => call(method, { id: caseId, item: item.id, reason: reason.trim() }));
    if (result) onDone();
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {mode === 'skip' && !item.optional ? (
        <Notice tone="warning">This step is not optional in the process. Say why it does not apply to this case.</Notice>
      ) : null}
      {mode === 'reopen' && item.record ? (
        <p className="field__hint">
          It was {item.record.state} at {formatUtc(item.record.doneAt)}
          {item.record.note ? ` (“${item.record.note}”)` : ''}.
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="item-reason">
          Reason
        </label>
        <textarea
          id="item-reason"
          className="textarea"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={5000}
          spellCheck={false}
          data-autofocus
          aria-invalid={(submitted && missing) || undefined}
          aria-describedby={submitted && missing ? 'item-reason-error' : undefined}
          disabled={action.busy}
        />
        {submitted && missing ? (
          <p className="field__error" id="item-reason-error">
            Give the reason: it is kept on the timeline.
          </p>
        ) : null}
      </div>
      {action.error ? <Notice tone="error">{action.error}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone} disabled={action.busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Recording…' : mode === 'skip' ? 'Skip step' : 'Reopen step'}
        </button>
      </div>
    </form>
  );
}
