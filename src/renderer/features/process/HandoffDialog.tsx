// Handing a case to another lead. Field practice: the outgoing lead stays in charge until the
// next one explicitly acknowledges; so a handoff is requested with a note (open questions,
// pending items, decisions), then acknowledged by the incoming lead, or cancelled.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { HandoffRecord, Roster, Schedule } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatUtc } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import type { NameOf } from '../timeline/describe-event.ts';
import { STATE_LABELS } from './labels.ts';
import { useAction } from './use-action.ts';

const SOMEONE_ELSE = '__someone-else__';

/** A starting note: what is open, what was decided. The lead edits it before sending. */
export function handoffTemplate(schedule: Schedule): string {
  const open = schedule.phases
    .flatMap((phase) => phase.items)
    .filter((item) => item.state !== 'done' && item.state !== 'skipped' && !item.optional);
  const pending = open.map((item) => `- ${item.title} (${STATE_LABELS[item.state].toLowerCase()}${item.due ? `, due ${formatUtc(item.due)}` : ''})`);
  const decisions = schedule.state.decisions.map((decision) =>
    decision.type === 'slow-down'
      ? `- ${decision.id}: slowed down by ${decision.extendDays} days — ${decision.reason}`
      : `- ${decision.id}: ${decision.choice === 'release-earlier' ? 'release earlier' : 'continue'} after ${decision.leakId} — ${decision.reason}`,
  );
  return [
    'Open questions:',
    '- ',
    '',
    'Pending items:',
    ...(pending.length > 0 ? pending : ['- none']),
    '',
    'Decisions so far:',
    ...(decisions.length > 0 ? decisions : ['- none']),
    '',
  ].join('\n');
}

interface RequestProps {
  caseId: string;
  schedule: Schedule;
  roster: Roster | null;
  names: NameOf;
  onClose(): void;
}

export function HandoffRequestDialog({ caseId, schedule, roster, names, onClose }: RequestProps): ReactElement {
  const candidates = (roster?.members ?? []).filter((member) => member.removedAt === null && member.id !== schedule.fixLead);
  const [to, setTo] = useState(candidates.find((member) => member.available)?.id ?? SOMEONE_ELSE);
  const [otherName, setOtherName] = useState('');
  const [note, setNote] = useState(() => handoffTemplate(schedule));
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const target = to === SOMEONE_ELSE ? otherName.trim() : to;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (target === '' || note.trim() === '') return;
    const result = await action.run(() => call('process.handoff', { id: caseId, to: target, note: note.trim() }));
    if (result) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Hand off the case"
      description={`${schedule.fixLead ? names(schedule.fixLead) : 'The current lead'} stays Fix Lead until the new lead acknowledges.`}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="handoff-to">
            Hand off to
          </label>
          <select id="handoff-to" className="input select" value={to} onChange={(event) => setTo(event.target.value)} data-autofocus disabled={action.busy}>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
                {member.available ? '' : ` — unavailable${member.note ? `: ${member.note}` : ''}`}
              </option>
            ))}
            <option value={SOMEONE_ELSE}>Someone not on the roster…</option>
          </select>
        </div>
        {to === SOMEONE_ELSE ? (
          <div className="field">
            <label className="field__label" htmlFor="handoff-name">
              Their name
            </label>
            <input
              id="handoff-name"
              className="input"
              value={otherName}
              onChange={(event) => setOtherName(event.target.value)}
              maxLength={200}
              autoComplete="off"
              aria-invalid={(submitted && target === '') || undefined}
              disabled={action.busy}
            />
            {submitted && target === '' ? <p className="field__error">Give the name of the incoming lead.</p> : null}
          </div>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="handoff-note">
            Handoff note
          </label>
          <textarea
            id="handoff-note"
            className="textarea textarea--tall input--mono"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={20_000}
            spellCheck={false}
            aria-invalid={(submitted && note.trim() === '') || undefined}
            aria-describedby="handoff-note-hint"
            disabled={action.busy}
          />
          <p className="field__hint" id="handoff-note-hint">
            Filled in from the checklist and the decisions: add the open questions and anything only you know.
          </p>
          {submitted && note.trim() === '' ? <p className="field__error">Write the handoff note.</p> : null}
        </div>
        {action.error ? <Notice tone="error">{action.error}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Recording…' : 'Request the handoff'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface PendingProps {
  caseId: string;
  handoff: HandoffRecord;
  names: NameOf;
  mode: 'acknowledge' | 'cancel';
  onClose(): void;
}

export function HandoffPendingDialog({ caseId, handoff, names, mode, onClose }: PendingProps): ReactElement {
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const action = useAction();
  const incoming = names(handoff.to);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (mode === 'cancel' && reason.trim() === '') return;
    const result = await action.run(() =>
      mode === 'acknowledge'
        ? call('process.acknowledgeHandoff', { id: caseId, by: handoff.to })
        : call('process.cancelHandoff', { id: caseId, reason: reason.trim() }),
    );
    if (result) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={mode === 'acknowledge' ? `Acknowledge as ${incoming}` : 'Cancel the handoff'}
      description={
        mode === 'acknowledge'
          ? `${incoming} takes over as Fix Lead from ${handoff.from ? names(handoff.from) : 'nobody'}. Only the incoming lead should do this.`
          : `${handoff.from ? names(handoff.from) : 'The current lead'} stays Fix Lead.`
      }
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <span className="field__label">
            Note from {handoff.from ? names(handoff.from) : 'the outgoing lead'}, {formatUtc(handoff.requestedAt)}
          </span>
          <pre className="handoff-note">{handoff.note}</pre>
        </div>
        {mode === 'cancel' ? (
          <div className="field">
            <label className="field__label" htmlFor="handoff-cancel-reason">
              Reason
            </label>
            <textarea
              id="handoff-cancel-reason"
              className="textarea textarea--short"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={5000}
              data-autofocus
              aria-invalid={(submitted && reason.trim() === '') || undefined}
              disabled={action.busy}
            />
            {submitted && reason.trim() === '' ? <p className="field__error">Give the reason: it goes on the timeline.</p> : null}
          </div>
        ) : null}
        {action.error ? <Notice tone="error">{action.error}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            {mode === 'acknowledge' ? 'Not now' : 'Keep the handoff'}
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy} data-autofocus={mode === 'acknowledge' ? true : undefined}>
            {action.busy ? 'Recording…' : mode === 'acknowledge' ? `Acknowledge: ${incoming} is Fix Lead` : 'Cancel the handoff'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
