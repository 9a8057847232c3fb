// The case's timeline: first as a picture (the schedule's phases and deadlines, what happened
// and when, the Release Date and now), then as the list of events, newest first, under a form
// to add a note. Each event shows its time in UTC and local time, its actor, and the start of
// its chain hash (the timeline is hash-chained). The list is virtualised (EventList.tsx).
import { useMemo, type ReactElement } from 'react';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import type { CaseTabProps } from '../cases/case-tabs.tsx';
import { useCaseProcess } from '../process/use-case-process.ts';
import { ProcessBar } from '../process/ProcessBar.tsx';
import { ScheduleNotices } from '../process/ScheduleNotices.tsx';
import { SchedulePanel } from '../process/SchedulePanel.tsx';
import { EventList } from './EventList.tsx';
import { AddNoteForm } from './AddNoteForm.tsx';

export function TimelineTab({ caseRecord }: CaseTabProps): ReactElement {
  const dataChanged = useUi((ui) => ui.dataChanged);
  const process = useCaseProcess(caseRecord.id);
  const events = process.events;
  const newestFirst = useMemo(() => (events ? [...events].reverse() : []), [events]);

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
        <EventList events={newestFirst} names={process.names} label="Timeline, newest first" />
      </section>
    </div>
  );
}
