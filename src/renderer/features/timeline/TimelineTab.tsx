// The case's timeline: first as a picture (the schedule's phases and deadlines, what happened
// and when, the Release Date and now), then as the list of events, newest first, under a form
// to add a note. Each event shows its time in UTC and local time, its actor, and the start of
// its chain hash (the timeline is hash-chained).
import type { ReactElement } from 'react';
import type { TimelineEvent } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { useCaseProcess } from '../process/use-case-process.ts';
import { ProcessBar } from '../process/ProcessBar.tsx';
import { ScheduleNotices } from '../process/ScheduleNotices.tsx';
import { SchedulePanel } from '../process/SchedulePanel.tsx';
import { describeEvent, type NameOf } from './describe-event.ts';
import { AddNoteForm } from './AddNoteForm.tsx';

export function TimelineTab({ caseRecord }: CaseTabProps): ReactElement {
  const dataChanged = useUi((ui) => ui.dataChanged);
  const process = useCaseProcess(caseRecord.id);
  const newestFirst = process.events ? [...process.events].reverse() : [];

  return (
    <div className="case-process">
      {process.error ? <Notice tone="error">{process.error.message}</Notice> : null}
      {process.schedule ? (
        <>
          <ProcessBar caseRecord={caseRecord} schedule={process.schedule} profile={process.profile} roster={process.roster} names={process.names} />
          <ScheduleNotices schedule={process.schedule} />
          <SchedulePanel schedule={process.schedule} profile={process.profile} events={process.events ?? []} names={process.names} zones={process.zones} />
        </>
      ) : process.error ? null : (
        <p className="muted" aria-busy="true">
          Computing the schedule…
        </p>
      )}
      <section className="events-section" aria-labelledby="events-heading">
        <h2 className="section-heading" id="events-heading">
          Events
        </h2>
        <AddNoteForm caseId={caseRecord.id} onAdded={dataChanged} />
        <ol className="timeline" aria-label="Timeline, newest first">
          {newestFirst.map((event) => (
            <TimelineItem key={event.seq} event={event} names={process.names} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function TimelineItem({ event, names }: { event: TimelineEvent; names: NameOf }): ReactElement {
  const description = describeEvent(event, names);
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
