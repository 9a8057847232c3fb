// The case's process at a glance, above the picture and the checklist: who leads (and a
// pending handoff), the Release Date, embargo breaks and their decisions, the profile and
// whether the schedule is slowed or "as soon as possible", each with the action it allows.
import { useState, type ReactElement } from 'react';
import type { CaseRecord, LeakRecord, ProcessProfile, Roster, Schedule } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import type { NameOf } from '../timeline/describe-event.ts';
import { TakeLeadDialog } from '../roster/TakeLeadDialog.tsx';
import { HandoffPendingDialog, HandoffRequestDialog } from './HandoffDialog.tsx';
import { LeakDialog } from './LeakDialog.tsx';
import { ReleaseDateDialog } from './ReleaseDateDialog.tsx';
import { SlowDownDialog } from './SlowDownDialog.tsx';
import './process.css';

type OpenDialog =
  | { kind: 'take-lead' }
  | { kind: 'handoff' }
  | { kind: 'acknowledge' }
  | { kind: 'cancel-handoff' }
  | { kind: 'leak'; leak?: LeakRecord }
  | { kind: 'release-date' }
  | { kind: 'slow-down' };

interface ProcessBarProps {
  caseRecord: CaseRecord;
  schedule: Schedule;
  profile: ProcessProfile | null;
  roster: Roster | null;
  names: NameOf;
}

/** The slow-down is offered only when the engine would accept it: a recorded score under the threshold. */
export function slowDownAllowed(caseRecord: CaseRecord, schedule: Schedule, profile: ProcessProfile | null): number | null {
  const threshold = profile?.slowDownBelowScore ?? null;
  if (threshold === null || !caseRecord.cvss || schedule.asap) return null;
  return caseRecord.cvss.score < threshold ? threshold : null;
}

function releaseRule(profile: ProcessProfile | null): string {
  if (!profile) return '';
  const rule = profile.releaseDate;
  const parts: string[] = [];
  if (rule.timeUtc) parts.push(`announce at ${rule.timeUtc} UTC`);
  if (rule.weekdaysUtc.length > 0) parts.push('on a weekday that is not a Friday');
  if (rule.text) parts.push(rule.text);
  return parts.join('; ');
}

export function ProcessBar({ caseRecord, schedule, profile, roster, names }: ProcessBarProps): ReactElement {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);
  const pending = schedule.state.handoffs.find((handoff) => handoff.state === 'pending') ?? null;
  const leaks = schedule.state.leaks;
  const undecided = leaks.filter((leak) => leak.decisionId === null);
  const slowed = schedule.state.decisions.filter((decision) => decision.type === 'slow-down');
  const slowedDays = slowed.reduce((sum, decision) => sum + (decision.extendDays ?? 0), 0);
  const threshold = slowDownAllowed(caseRecord, schedule, profile);
  const releaseDate = schedule.anchors.releaseDate;
  const releaseWarning = schedule.warnings.some((w) => w.code === 'release-date-friday' || w.code === 'release-date-weekend');

  return (
    <section className="process-bar" aria-label="Process status">
      <div className="process-bar__cell">
        <h2 className="process-bar__label">Fix Lead</h2>
        <p className="process-bar__value">{schedule.fixLead ? names(schedule.fixLead) : <span className="not-set">Nobody yet</span>}</p>
        {pending ? (
          <p className="process-bar__note process-bar__note--warning">
            Handoff to <strong>{names(pending.to)}</strong> awaits acknowledgement (since {formatUtc(pending.requestedAt)}).
          </p>
        ) : null}
        <div className="process-bar__actions">
          {!schedule.fixLead ? (
            <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'take-lead' })}>
              Take the turn…
            </button>
          ) : null}
          {schedule.fixLead && !pending ? (
            <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'handoff' })}>
              Hand off…
            </button>
          ) : null}
          {pending ? (
            <>
              <button type="button" className="button button--small button--primary" onClick={() => setDialog({ kind: 'acknowledge' })}>
                Acknowledge…
              </button>
              <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'cancel-handoff' })}>
                Cancel handoff…
              </button>
            </>
          ) : null}
        </div>
      </div>

      <div className="process-bar__cell">
        <h2 className="process-bar__label">Release Date</h2>
        {releaseDate ? (
          <>
            <p className={`process-bar__value${releaseWarning ? ' process-bar__value--warning' : ''}`}>
              {releaseWarning ? <Icon name="alert" label="Warning" /> : null} {formatUtc(releaseDate)}
            </p>
            <p className="process-bar__note">
              {schedule.releaseDateIn[0]?.weekday} · {formatLocal(releaseDate)}
              {caseRecord.releaseDate === null && caseRecord.upstream ? ` · ${caseRecord.upstream.project}'s date` : ''}
            </p>
          </>
        ) : (
          <p className="process-bar__value">
            <span className="not-set">{schedule.asap ? 'As soon as possible' : 'Not set'}</span>
          </p>
        )}
        <div className="process-bar__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setDialog({ kind: 'release-date' })}
            aria-label={caseRecord.releaseDate ? 'Change the Release Date…' : 'Set the Release Date…'}
          >
            {caseRecord.releaseDate ? 'Change…' : 'Set…'}
          </button>
        </div>
      </div>

      <div className="process-bar__cell">
        <h2 className="process-bar__label">Embargo breaks</h2>
        <p className={`process-bar__value${undecided.length > 0 ? ' process-bar__value--danger' : ''}`}>
          {leaks.length === 0 ? 'None recorded' : `${leaks.length} recorded`}
        </p>
        {undecided.map((leak) => (
          <p key={leak.id} className="process-bar__note process-bar__note--danger">
            {leak.id} awaits your decision.{' '}
            <button type="button" className="link-button" onClick={() => setDialog({ kind: 'leak', leak })}>
              Decide on {leak.id}…
            </button>
          </p>
        ))}
        <div className="process-bar__actions">
          <button type="button" className="button button--small button--danger-outline" onClick={() => setDialog({ kind: 'leak' })}>
            Record embargo break…
          </button>
        </div>
      </div>

      <div className="process-bar__cell">
        <h2 className="process-bar__label">Process</h2>
        <p className="process-bar__value">
          {schedule.profile.title} <span className="faint">v{schedule.profile.version}</span>
        </p>
        <p className="process-bar__note">
          {schedule.asap ? (
            <strong className="text-warning">All timelines are ASAP</strong>
          ) : slowedDays > 0 ? (
            `Slowed down by ${slowedDays} days (${slowed.map((decision) => decision.id).join(', ')})`
          ) : (
            'Suggested windows of a private disclosure'
          )}
        </p>
        {threshold !== null ? (
          <div className="process-bar__actions">
            <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'slow-down' })}>
              Slow down…
            </button>
          </div>
        ) : null}
      </div>

      {dialog?.kind === 'take-lead' ? <TakeLeadDialog caseId={caseRecord.id} onClose={close} /> : null}
      {dialog?.kind === 'handoff' ? <HandoffRequestDialog caseId={caseRecord.id} schedule={schedule} roster={roster} names={names} onClose={close} /> : null}
      {(dialog?.kind === 'acknowledge' || dialog?.kind === 'cancel-handoff') && pending ? (
        <HandoffPendingDialog
          caseId={caseRecord.id}
          handoff={pending}
          names={names}
          mode={dialog.kind === 'acknowledge' ? 'acknowledge' : 'cancel'}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'leak' ? <LeakDialog caseId={caseRecord.id} leak={dialog.leak} guidance={profile?.embargoBreakText ?? ''} onClose={close} /> : null}
      {dialog?.kind === 'release-date' ? (
        <ReleaseDateDialog caseRecord={caseRecord} zones={schedule.zones} rule={releaseRule(profile)} onClose={close} />
      ) : null}
      {dialog?.kind === 'slow-down' && threshold !== null ? (
        <SlowDownDialog caseRecord={caseRecord} threshold={threshold} discussedOn={profile?.slowDownDiscussedOn ?? ''} onClose={close} />
      ) : null}
    </section>
  );
}
