// The schedule picture in its panel: the zone picker in the header, the picture, and a legend
// of what every shape and colour means.
import type { ReactElement } from 'react';
import type { ProcessProfile, Schedule, TimelineEvent } from '../../../shared/contract/index.ts';
import type { NameOf } from '../timeline/describe-event.ts';
import { TimelinePicture } from './TimelinePicture.tsx';
import { ZonePicker } from './ZonePicker.tsx';
import './process.css';

interface SchedulePanelProps {
  schedule: Schedule;
  profile: ProcessProfile | null;
  events: readonly TimelineEvent[];
  names: NameOf;
  zones: readonly string[];
}

export function SchedulePanel({ schedule, profile, events, names, zones }: SchedulePanelProps): ReactElement {
  return (
    <section className="panel schedule-panel" aria-labelledby="schedule-picture-title">
      <div className="panel__header schedule-panel__header">
        <div>
          <h2 className="panel__title" id="schedule-picture-title">
            Schedule
          </h2>
          <p className="schedule-panel__subtitle">
            Windows, deadlines and what happened. Hover or focus a mark (Tab) for its details; Escape hides them.
          </p>
        </div>
      </div>
      <div className="schedule-panel__zones">
        <ZonePicker profileZones={profile?.zones ?? []} />
      </div>
      <div className="panel__body schedule-panel__body">
        <TimelinePicture schedule={schedule} events={events} names={names} zones={zones} />
        <Legend />
      </div>
    </section>
  );
}

const ENTRIES: { key: string; label: string; shape: ReactElement }[] = [
  { key: 'done', label: 'Done', shape: <Swatch className="tl-mark tl-mark--done" glyph="M-3 0.2l2 2 4-4.2" /> },
  { key: 'late', label: 'Done late', shape: <Swatch className="tl-mark tl-mark--done tl-mark--late" glyph="M-3 0.2l2 2 4-4.2" /> },
  { key: 'overdue', label: 'Overdue (line: how late)', shape: <Swatch className="tl-mark tl-mark--overdue" glyph="M0 -3.2v3.4M0 2.8v0.1" /> },
  { key: 'due-today', label: 'Due today', shape: <Swatch className="tl-mark tl-mark--due-today" /> },
  { key: 'upcoming', label: 'Upcoming', shape: <Swatch className="tl-mark tl-mark--upcoming" /> },
  { key: 'skipped', label: 'Skipped', shape: <Swatch className="tl-mark tl-mark--skipped" glyph="M-3 3l6-6" /> },
  { key: 'asap', label: 'As soon as possible', shape: <Swatch className="tl-mark tl-mark--asap" diamond /> },
  { key: 'event', label: 'Timeline event (number: several)', shape: <Swatch className="tl-event tl-event--case" small diamond /> },
];

function Swatch({ className, glyph, diamond, small }: { className: string; glyph?: string; diamond?: boolean; small?: boolean }): ReactElement {
  const r = small ? 4.5 : 6;
  return (
    <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" focusable="false" className="legend__swatch">
      <g className={className}>
        {diamond ? (
          <rect className={small ? 'tl-event__body' : 'tl-mark__body'} x={-r} y={-r} width={r * 2} height={r * 2} rx={1.5} transform="rotate(45)" />
        ) : (
          <circle className="tl-mark__body" r={r} />
        )}
        {glyph ? <path className="tl-mark__glyph" d={glyph} /> : null}
      </g>
    </svg>
  );
}

function Legend(): ReactElement {
  return (
    <ul className="legend" aria-label="Legend">
      {ENTRIES.map((entry) => (
        <li key={entry.key}>
          {entry.shape}
          {entry.label}
        </li>
      ))}
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false" className="legend__swatch">
          <line className="tl-line tl-line--release" x1="9" x2="9" y1="1" y2="17" />
        </svg>
        Release Date
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false" className="legend__swatch">
          <line className="tl-line tl-line--now" x1="9" x2="9" y1="1" y2="17" />
        </svg>
        Now
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false" className="legend__swatch">
          <rect className="tl-band tl-band--upcoming" x="1" y="4" width="16" height="10" rx="3" />
        </svg>
        Phase window
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false" className="legend__swatch">
          <rect className="tl-weekend tl-weekend--legend" x="1" y="1" width="16" height="16" />
        </svg>
        Weekend (UTC)
      </li>
    </ul>
  );
}
