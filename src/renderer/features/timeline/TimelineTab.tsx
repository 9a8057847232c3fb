// The case's timeline, newest first, under a form to add a note. Each event shows its time in
// UTC and local time, its actor, and the start of its chain hash (the timeline is hash-chained).
import type { ReactElement } from 'react';
import type { TimelineEvent } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/use-query.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { describeEvent } from './describe-event.ts';
import { AddNoteForm } from './AddNoteForm.tsx';

export function TimelineTab({ caseRecord }: CaseTabProps): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const dataChanged = useUi((ui) => ui.dataChanged);
  const events = useQuery('case.timeline', { id: caseRecord.id }, revision);
  const newestFirst = events.value ? [...events.value].reverse() : [];

  return (
    <div>
      <AddNoteForm caseId={caseRecord.id} onAdded={dataChanged} />
      {events.status === 'error' ? <Notice tone="error">{events.error.message}</Notice> : null}
      <h2 className="visually-hidden">Events</h2>
      <ol className="timeline" aria-label="Timeline, newest first">
        {newestFirst.map((event) => (
          <TimelineItem key={event.seq} event={event} />
        ))}
      </ol>
    </div>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }): ReactElement {
  const description = describeEvent(event);
  return (
    <li className="timeline__item" data-type={event.type}>
      <span className="timeline__marker">
        <Icon name={description.icon} />
      </span>
      <div>
        <div className="timeline__head">
          <span className="timeline__title">{description.title}</span>
          <time className="timeline__time" dateTime={event.at}>
            {formatUtc(event.at)} · {formatLocal(event.at)}
          </time>
        </div>
        <div className="timeline__body">
          {description.text !== undefined ? <p className="timeline__note">{description.text}</p> : null}
          {description.details && description.details.length > 0 ? (
            <dl className="timeline__details">
              {description.details.map(([label, value]) => (
                <div key={label} className="timeline__detail">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
        <p className="timeline__meta">
          #{event.seq} · by {event.actor} · <span className="mono" title={`Chain hash ${event.hash}`}>{event.hash.slice(0, 12)}</span>
        </p>
      </div>
    </li>
  );
}
