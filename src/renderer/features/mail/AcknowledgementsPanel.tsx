// The distributors' answers to every notice sent to the list: one row per member with its
// state — no answer yet, acknowledged, tested OK, tested with problems, not affected — the date
// and a note. "No answer yet" is drawn as waiting, never like "not affected": a member that has
// not looked has told us nothing. Below, who to remind as the Release Date nears (no answer, or
// acknowledged without reporting what they did with the patches).
import { useState, type FormEvent, type ReactElement } from 'react';
import type { AckState, CaseRecord, DistributorNotice, NoticeMember } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatUtc } from '../../lib/time.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { useUi } from '../../app/store.ts';
import { useAction } from '../keyring/use-action.ts';
import { fromUtcInputValue, toUtcInputValue } from '../process/utc-input.ts';
import { ACK_STATES, ackCounts, ackInfo, plural } from './mail-model.ts';

export function AckBadge({ state }: { state: AckState }): ReactElement {
  const info = ackInfo(state);
  return (
    <span className={`ack ack--${info.tone}`} data-state={state} title={info.hint}>
      <Icon name={state === 'no-answer' ? 'clock' : state === 'tested-problems' ? 'alert' : state === 'not-affected' ? 'shield' : 'check'} />
      {info.label}
    </span>
  );
}

export function AcknowledgementsPanel({ caseRecord, onOpenDraft }: { caseRecord: CaseRecord; onOpenDraft(id: string): void }): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const notices = useQuery('mail.notices', { caseId: caseRecord.id }, revision);
  const [recording, setRecording] = useState<{ notice: DistributorNotice; member: NoticeMember } | null>(null);
  const list = [...(notices.value ?? [])].reverse();

  return (
    <>
      <section className="panel" aria-labelledby="mail-acks-heading">
        <div className="panel__header">
          <div>
            <h2 className="panel__title" id="mail-acks-heading">
              Distributors’ answers
            </h2>
            <p className="field__hint">Each notice sent to the distributors list, member by member. No answer is never read as “not affected”.</p>
          </div>
        </div>
        {notices.status === 'error' ? (
          <div className="panel__body">
            <Notice tone="error">{notices.error.message}</Notice>
          </div>
        ) : null}
        {notices.value && list.length === 0 ? (
          <p className="panel__body muted">
            No notice sent yet. Exporting the distributors notice encrypted opens one here, with every member it reached in “no answer yet”.
          </p>
        ) : null}
        {list.map((notice) => (
          <NoticeBlock key={notice.id} notice={notice} onRecord={(member) => setRecording({ notice, member })} onOpenDraft={() => onOpenDraft(notice.draftId)} />
        ))}
      </section>
      <RemindersPanel caseRecord={caseRecord} hasNotices={list.length > 0} onOpenDraft={onOpenDraft} />
      {recording ? <AckDialog caseId={caseRecord.id} notice={recording.notice} member={recording.member} onClose={() => setRecording(null)} /> : null}
    </>
  );
}

function NoticeBlock({ notice, onRecord, onOpenDraft }: { notice: DistributorNotice; onRecord(member: NoticeMember): void; onOpenDraft(): void }): ReactElement {
  const counts = ackCounts(notice);
  return (
    <div className="ack-notice" data-notice={notice.id}>
      <div className="ack-notice__head">
        <div>
          <p className="ack-notice__title">
            <span className="badge badge--neutral mono">{notice.id}</span> {notice.subject}
          </p>
          <p className="ack-notice__meta">
            Sent {formatUtc(notice.sentAt)} · version {notice.version} ·{' '}
            <button type="button" className="mail-link" onClick={onOpenDraft}>
              open the draft
            </button>
          </p>
        </div>
        <div className="ack-notice__summary" aria-label={`Answers to ${notice.id}`}>
          <span className="ack-notice__answered">
            <strong>{counts.answered}</strong> of {counts.total} answered
          </span>
          <span className="ack-notice__bar" aria-hidden="true">
            {ACK_STATES.map((entry) =>
              counts[entry.state] > 0 ? <span key={entry.state} className={`ack-bar ack-bar--${entry.tone}`} style={{ flexGrow: counts[entry.state] }} /> : null,
            )}
          </span>
        </div>
      </div>
      <table className="table table--compact ack-table" aria-label={`Acknowledgements of ${notice.id}`}>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Answer</th>
            <th scope="col">Answered</th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Record</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {notice.members.map((member) => (
            <tr key={member.memberId} data-state={member.state}>
              <td className="ack-table__member">{member.organisation}</td>
              <td>
                <AckBadge state={member.state} />
              </td>
              <td>{member.at ? <TimePair iso={member.at} /> : <span className="not-set">—</span>}</td>
              <td className="ack-table__note">
                {member.note ? member.note : <span className="faint">—</span>}
                {member.history.length > 1 ? (
                  <details className="ack-history">
                    <summary>{plural(member.history.length - 1, 'earlier answer')}</summary>
                    <ol>
                      {member.history
                        .slice(0, -1)
                        .reverse()
                        .map((entry) => (
                          <li key={`${entry.recordedAt} ${entry.state}`}>
                            {ackInfo(entry.state).label} · {formatUtc(entry.at)} · recorded by {entry.recordedBy}
                            {entry.note ? `: ${entry.note}` : ''}
                          </li>
                        ))}
                    </ol>
                  </details>
                ) : null}
              </td>
              <td className="ack-table__action">
                <button type="button" className="button button--small" onClick={() => onRecord(member)} aria-label={`Record the answer of ${member.organisation}`}>
                  Record answer…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RemindersPanel({ caseRecord, hasNotices, onOpenDraft }: { caseRecord: CaseRecord; hasNotices: boolean; onOpenDraft(id: string): void }): ReactElement | null {
  const revision = useUi((ui) => ui.revision);
  const reminders = useQuery('mail.reminders', { caseId: caseRecord.id }, revision);
  const action = useAction();
  if (!hasNotices) return null;
  const value = reminders.value;

  async function draftReminder(): Promise<void> {
    const created = await action.run(() => call('mail.createDraft', { caseId: caseRecord.id, template: 'distributors-reminder' }));
    if (created) onOpenDraft(created.id);
  }

  return (
    <section className="panel" aria-labelledby="mail-reminders-heading">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="mail-reminders-heading">
            Reminders
          </h2>
          {value ? (
            <p className="field__hint">
              {value.hoursToRelease === null
                ? 'No Release Date yet.'
                : value.hoursToRelease <= 0
                  ? 'The Release Date has passed.'
                  : `The Release Date is in ${value.hoursToRelease < 48 ? `${Math.round(value.hoursToRelease)} hours` : `${Math.round(value.hoursToRelease / 24)} days`}.`}{' '}
              Members are reminded from {value.withinHours} h before it, or after {value.quietHours} h without an answer.
            </p>
          ) : null}
        </div>
        {value && value.reminders.length > 0 ? (
          <button type="button" className="button button--primary" onClick={() => void draftReminder()} disabled={action.busy}>
            {action.busy ? 'Drafting…' : `Draft the reminder to ${plural(value.reminders.length, 'member')}`}
          </button>
        ) : null}
      </div>
      <div className="panel__body">
        {reminders.status === 'error' ? <Notice tone="error">{reminders.error.message}</Notice> : null}
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        {value && value.reminders.length === 0 ? <p className="muted">Nobody to remind now.</p> : null}
        {value && value.reminders.length > 0 ? (
          <ul className="reminders" aria-label="Members to remind">
            {value.reminders.map((reminder) => (
              <li key={`${reminder.noticeId} ${reminder.memberId}`}>
                <Icon name="clock" />
                <span>
                  <strong>{reminder.organisation}</strong> — {reminder.reason === 'no-answer' ? 'no answer' : 'acknowledged, but reported no testing'} to{' '}
                  {reminder.noticeId} (sent {formatUtc(reminder.sentAt)}) ·{' '}
                  {reminder.why === 'release-near' ? 'the Release Date is near' : `quiet for more than ${value.quietHours} h`}
                  <span className="reminders__contacts mono">{reminder.contacts.join(', ') || 'no contact address'}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

function AckDialog({ caseId, notice, member, onClose }: { caseId: string; notice: DistributorNotice; member: NoticeMember; onClose(): void }): ReactElement {
  const [state, setState] = useState<AckState>(member.state === 'no-answer' ? 'acknowledged' : member.state);
  const [when, setWhen] = useState('');
  const [note, setNote] = useState(member.note);
  const action = useAction();
  const at = when.trim() === '' ? null : fromUtcInputValue(when);
  const whenInvalid = when.trim() !== '' && at === null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (whenInvalid || action.busy) return;
    const recorded = await action.run(() => call('mail.ack', { caseId, notice: notice.id, member: member.memberId, state, note: note.trim(), ...(at ? { at } : {}) }));
    if (recorded) onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={`Answer of ${member.organisation}`} description={`To notice ${notice.id}, “${notice.subject}”. Recorded on the case timeline.`}>
      <form className="form dialog-body dialog-body--wide" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="choices ack-choices">
          <legend className="field__label">Their answer</legend>
          {ACK_STATES.map((entry) => (
            <label key={entry.state} className="choice">
              <input type="radio" name="ack-state" value={entry.state} checked={state === entry.state} onChange={() => setState(entry.state)} disabled={action.busy} data-autofocus={state === entry.state ? true : undefined} />
              <span>
                <span className="choice__title">
                  <AckBadge state={entry.state} />
                </span>
                <span className="choice__text">{entry.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="ack-when">
            When they answered (UTC)
          </label>
          <input
            id="ack-when"
            className="input input--mono ack-when"
            type="datetime-local"
            value={when}
            max={toUtcInputValue(new Date().toISOString())}
            onChange={(event) => setWhen(event.target.value)}
            aria-invalid={whenInvalid || undefined}
            disabled={action.busy}
          />
          <p className="field__hint">Empty: now. Not before the notice was sent ({formatUtc(notice.sentAt)}).</p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="ack-note">
            Note
          </label>
          <textarea
            id="ack-note"
            className="textarea"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={state === 'tested-problems' ? 'Which problems, on which branch' : 'What they said, and how (reply, call)'}
            disabled={action.busy}
          />
        </div>
        {action.error ? <Notice tone="error">{action.error.message}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} disabled={action.busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={whenInvalid || action.busy}>
            {action.busy ? 'Recording…' : 'Record the answer'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
