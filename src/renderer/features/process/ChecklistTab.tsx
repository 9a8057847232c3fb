// The embargo checklist, grouped by phase as the process text is: every step with its owner,
// its deadline in UTC and local time, its state, and what was recorded when it was done or
// skipped. Ticking, skipping and reopening go through a dialog (note, evidence, reason).
import { useState, type ReactElement } from 'react';
import type { CaseRecord, Schedule, ScheduledItem, ScheduledPhase } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Notice } from '../../components/Notice.tsx';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import type { NameOf } from '../timeline/describe-event.ts';
import { ItemDialog, type ItemDialogMode } from './ItemDialog.tsx';
import { ANCHOR_WAITS, OWNER_LABELS, REQUIREMENT_LABELS, STATE_LABELS } from './labels.ts';
import { ProcessBar } from './ProcessBar.tsx';
import { ScheduleNotices } from './ScheduleNotices.tsx';
import { useCaseProcess } from './use-case-process.ts';
import { caseProgress } from '../../../shared/process/progress.ts';
import './process.css';

export function ChecklistTab({ caseRecord }: CaseTabProps): ReactElement {
  const process = useCaseProcess(caseRecord.id);
  const [dialog, setDialog] = useState<{ item: ScheduledItem; mode: ItemDialogMode } | null>(null);
  const { schedule } = process;

  if (!schedule) {
    return process.error ? (
      <Notice tone="error">{process.error.message}</Notice>
    ) : (
      <p className="muted" aria-busy="true">
        Computing the schedule…
      </p>
    );
  }
  return (
    <div className="case-process">
      <ProcessBar caseRecord={caseRecord} schedule={schedule} profile={process.profile} roster={process.roster} names={process.names} />
      <ScheduleNotices schedule={schedule} />
      <Summary schedule={schedule} />
      {schedule.phases.map((phase) => (
        <PhaseGroup
          key={phase.id}
          phase={phase}
          caseRecord={caseRecord}
          names={process.names}
          onAction={(item, mode) => setDialog({ item, mode })}
        />
      ))}
      {dialog ? <ItemDialog caseRecord={caseRecord} item={dialog.item} mode={dialog.mode} names={process.names} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function Summary({ schedule }: { schedule: Schedule }): ReactElement {
  const items = schedule.phases.flatMap((phase) => phase.items);
  const count = (state: ScheduledItem['state']) => items.filter((item) => item.state === state).length;
  const progress = caseProgress(items);
  return (
    <p className="checklist-summary" role="status">
      <strong>
        {progress.handled} of {progress.required}
      </strong>{' '}
      required steps handled · {count('done')} done · {count('skipped')} skipped
      {count('overdue') > 0 ? <span className="text-danger"> · {count('overdue')} overdue</span> : null}
      {count('due-today') > 0 ? <span className="text-warning"> · {count('due-today')} due today</span> : null}
      {count('asap') > 0 ? <span className="text-warning"> · {count('asap')} as soon as possible</span> : null}
    </p>
  );
}

function phaseWindow(phase: ScheduledPhase): string {
  if (phase.asap) return 'As soon as possible';
  if (!phase.due) return 'Window not known yet';
  return `${phase.opens ? `${formatUtc(phase.opens)} → ` : 'by '}${formatUtc(phase.due)}`;
}

interface PhaseGroupProps {
  phase: ScheduledPhase;
  caseRecord: CaseRecord;
  names: NameOf;
  onAction(item: ScheduledItem, mode: ItemDialogMode): void;
}

function PhaseGroup({ phase, caseRecord, names, onAction }: PhaseGroupProps): ReactElement {
  const headingId = `phase-${phase.id}`;
  return (
    <section className={`checklist-phase checklist-phase--${phase.state}`} aria-labelledby={headingId}>
      <header className="checklist-phase__header">
        <div>
          <h3 className="checklist-phase__title" id={headingId}>
            {phase.title}
            {phase.optional ? <span className="state-badge state-badge--optional">Optional</span> : null}
          </h3>
          <p className="checklist-phase__text">{phase.windowText}</p>
        </div>
        <div className="checklist-phase__window">
          <span className={`state-badge state-badge--${phase.state}`}>{STATE_LABELS[phase.state]}</span>
          <span className="checklist-phase__dates">{phaseWindow(phase)}</span>
        </div>
      </header>
      <ul className="checklist" aria-label={`${phase.title} steps`}>
        {phase.items.map((item) => (
          <ChecklistRow key={item.id} item={item} caseRecord={caseRecord} names={names} onAction={onAction} />
        ))}
      </ul>
    </section>
  );
}

function DueCell({ item }: { item: ScheduledItem }): ReactElement {
  if (item.asap) return <span className="checklist__due-asap">As soon as possible</span>;
  if (item.due) {
    return (
      <time className="time-pair" dateTime={item.due}>
        <span>{formatUtc(item.due)}</span>
        <span className="time-pair__local">{formatLocal(item.due)}</span>
      </time>
    );
  }
  if (item.waitingFor) return <span className="not-set">Waits for {ANCHOR_WAITS[item.waitingFor]}</span>;
  return <span className="not-set">No deadline</span>;
}

interface RowProps {
  item: ScheduledItem;
  caseRecord: CaseRecord;
  names: NameOf;
  onAction(item: ScheduledItem, mode: ItemDialogMode): void;
}

function ChecklistRow({ item, caseRecord, names, onAction }: RowProps): ReactElement {
  const open = !item.record;
  const missing = item.requires.filter((field) => caseRecord[field] === null);
  return (
    <li className={`checklist__item checklist__item--${item.state}`} data-item={item.id}>
      <div className="checklist__state">
        <span className={`state-badge state-badge--${item.state}`}>{STATE_LABELS[item.state]}</span>
        {item.late ? <span className="state-badge state-badge--overdue">Late</span> : null}
      </div>
      <div className="checklist__main">
        <p className="checklist__title">{item.title}</p>
        <p className="checklist__meta">
          <span>Owner: {OWNER_LABELS[item.owner]}</span>
          {item.optional ? <span className="state-badge state-badge--optional">Optional</span> : null}
          {open && item.waitingFor && item.due ? <span>Starts after {ANCHOR_WAITS[item.waitingFor]}</span> : null}
          {open && missing.length > 0 ? <span className="text-warning">Needs {missing.map((field) => REQUIREMENT_LABELS[field]).join(' and ')}</span> : null}
          {item.adjustments.map((adjustment) => (
            <span key={adjustment} className="faint">
              {adjustment}
            </span>
          ))}
        </p>
        {item.record ? (
          <div className="checklist__record">
            <p>
              {item.record.state === 'done' ? 'Done' : 'Skipped'} by <strong>{names(item.record.by)}</strong> at {formatUtc(item.record.doneAt)} ·{' '}
              {formatLocal(item.record.doneAt)}
            </p>
            {item.record.reason ? <p className="checklist__quote">Reason: {item.record.reason}</p> : null}
            {item.record.note ? <p className="checklist__quote">{item.record.note}</p> : null}
            {item.record.evidence.length > 0 ? (
              <ul className="checklist__evidence" aria-label="Evidence">
                {item.record.evidence.map((entry) => (
                  <li key={entry} className="mono">
                    {entry}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <details className="checklist__detail">
          <summary>What the process says</summary>
          <blockquote>{item.detail}</blockquote>
        </details>
      </div>
      <div className="checklist__due">
        <DueCell item={item} />
      </div>
      <div className="checklist__actions">
        {open ? (
          <>
            <button type="button" className="button button--small button--primary" onClick={() => onAction(item, 'tick')} aria-label={`Mark done: ${item.title}`}>
              Mark done…
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => onAction(item, 'skip')} aria-label={`Skip: ${item.title}`}>
              Skip…
            </button>
          </>
        ) : (
          <button type="button" className="button button--small button--ghost" onClick={() => onAction(item, 'reopen')} aria-label={`Reopen: ${item.title}`}>
            Reopen…
          </button>
        )}
      </div>
    </li>
  );
}
