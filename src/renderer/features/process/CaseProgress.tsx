// The case list's process columns, from `process.overview`: where each case stands (current
// phase, progress), its next deadline in UTC and local time, and what needs attention
// (overdue steps, staleness, a pending handoff, undecided leaks, an ASAP schedule).
import type { ReactElement } from 'react';
import type { CaseOverview } from '../../../shared/contract/index.ts';
import { formatCountdown, formatLocal, formatUtc, localDiffersFromUtc } from '../../lib/time.ts';
import { STATE_LABELS } from './labels.ts';
import { describeProgress, progressPercent } from '../../../shared/process/progress.ts';
import './process.css';

export function PhaseCell({ overview }: { overview: CaseOverview | undefined }): ReactElement {
  if (!overview) return <span className="faint">…</span>;
  const { progress } = overview;
  const percent = progressPercent(progress);
  return (
    <div className="case-phase">
      <span className="case-phase__title">{overview.closed ? 'All required steps handled' : (overview.currentPhase?.title ?? '—')}</span>
      <span
        className="progress"
        role="progressbar"
        aria-label={describeProgress(progress)}
        aria-valuemin={0}
        aria-valuemax={progress.required}
        aria-valuenow={progress.handled}
      >
        <span className="progress__bar" style={{ width: `${percent}%` }} />
      </span>
      <span className="table__secondary">
        {describeProgress(progress)}
      </span>
    </div>
  );
}

export function NextDeadlineCell({ overview }: { overview: CaseOverview | undefined }): ReactElement {
  if (!overview) return <span className="faint">…</span>;
  const next = overview.next;
  if (!next) return <span className="not-set">Nothing open</span>;
  return (
    <div className="case-next">
      <span className="case-next__title" title={next.title}>
        {next.title}
      </span>
      {next.due ? (
        <time className="time-pair" dateTime={next.due}>
          <span>
            <span className={`state-badge state-badge--${next.state}`}>{STATE_LABELS[next.state]}</span> {formatUtc(next.due)}
          </span>
          <span className="time-pair__local">
            {localDiffersFromUtc(next.due) ? `${formatLocal(next.due)} · ` : ''}
            {formatCountdown(next.due)}
          </span>
        </time>
      ) : (
        <span>
          <span className={`state-badge state-badge--${next.state}`}>{STATE_LABELS[next.state]}</span>
        </span>
      )}
    </div>
  );
}

export function AttentionCell({ overview }: { overview: CaseOverview | undefined }): ReactElement {
  if (!overview) return <span className="faint">…</span>;
  const flags: ReactElement[] = [];
  if (overview.counts.overdue > 0) {
    flags.push(
      <li key="overdue" className="state-badge state-badge--overdue">
        {overview.counts.overdue} overdue
      </li>,
    );
  }
  if (overview.counts.dueToday > 0) {
    flags.push(
      <li key="today" className="state-badge state-badge--due-today">
        {overview.counts.dueToday} due today
      </li>,
    );
  }
  if (overview.asap) {
    flags.push(
      <li key="asap" className="state-badge state-badge--asap">
        ASAP
      </li>,
    );
  }
  if (overview.leaksAwaitingDecision > 0) {
    flags.push(
      <li key="leaks" className="state-badge state-badge--overdue">
        {overview.leaksAwaitingDecision} leak{overview.leaksAwaitingDecision > 1 ? 's' : ''} undecided
      </li>,
    );
  }
  if (overview.handoffPending) {
    flags.push(
      <li key="handoff" className="state-badge state-badge--due-today">
        Handoff pending
      </li>,
    );
  }
  const { staleness } = overview;
  if (staleness.stale) {
    flags.push(
      <li
        key="stale"
        className="state-badge state-badge--due-today"
        title={`${staleness.severity ?? 'This'} case untouched for ${Math.floor(staleness.untouchedDays)} days (limit ${staleness.limitDays ?? '—'}).`}
      >
        Stale: {Math.floor(staleness.untouchedDays)} days untouched
      </li>,
    );
  }
  if (flags.length === 0) return <span className="faint">{overview.closed ? 'Closed' : 'On track'}</span>;
  return (
    <ul className="attention" aria-label="Needs attention">
      {flags}
    </ul>
  );
}
