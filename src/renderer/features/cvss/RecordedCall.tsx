// The Fix Lead's final call as the case records it, with who made it and when (from the
// timeline event that recorded it).
import type { ReactElement } from 'react';
import type { CaseRecord, TimelineEvent } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { SeverityBadge } from './ScoreSummary.tsx';
import { VectorText } from './VectorBar.tsx';

/** The newest event that set or cleared the call. */
export function latestCallEvent(events: readonly TimelineEvent[] | null): TimelineEvent | null {
  if (!events) return null;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.type === 'case.cvss-call') return event;
  }
  return null;
}

export function RecordedCall({ call, event }: { call: CaseRecord['cvss']; event: TimelineEvent | null }): ReactElement {
  return (
    <section className="cvss-recorded" aria-labelledby="cvss-recorded-title">
      <h3 className="cvss-recorded__title" id="cvss-recorded-title">
        Fix Lead's final call
      </h3>
      {call ? (
        <>
          <div className="cvss-recorded__score">
            <SeverityBadge severity={call.severity} score={call.score} />
            <span className="muted">CVSS v{call.version}</span>
          </div>
          <p className="cvss-recorded__vector mono">
            <VectorText vector={call.vector} />
          </p>
        </>
      ) : (
        <p className="not-set">No final call recorded yet.</p>
      )}
      {event ? (
        <p className="cvss-recorded__meta">
          {call ? 'Recorded' : 'Cleared'} by <strong>{event.actor}</strong> ·{' '}
          <time dateTime={event.at}>
            {formatUtc(event.at)} · {formatLocal(event.at)}
          </time>{' '}
          · timeline #{event.seq}
        </p>
      ) : null}
    </section>
  );
}
