// The case's schedule as a picture: phases as bands over their windows, item marks coloured by
// state, the Release Date as a strong line, a "now" line, timeline events on their own lane,
// weekends shaded, days along the top in UTC. Every mark is focusable; hover or focus shows
// its details (item, window, due time in every zone shown, state, owner) beside it.
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactElement, type RefObject } from 'react';
import type { Schedule, ScheduledItem, TimelineEvent } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { describeEvent, type NameOf } from '../timeline/describe-event.ts';
import { ANCHOR_WAITS, OWNER_LABELS, STATE_LABELS } from './labels.ts';
import { METRICS, layoutPicture, type EventMark, type ItemMark, type Mark, type PictureLayout } from './timeline-layout.ts';
import { formatZoned, readInZone } from './zones.ts';

interface PictureProps {
  schedule: Schedule;
  events: readonly TimelineEvent[];
  names: NameOf;
  /** The zones times are read in: UTC, local, then the added ones. */
  zones: readonly string[];
}

const TOOLTIP_WIDTH = 360;
const MAX_TOOLTIP_ENTRIES = 4;

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function itemSentence(item: ScheduledItem, names: NameOf): string {
  const parts = [`${STATE_LABELS[item.state]}: ${item.title}`, OWNER_LABELS[item.owner]];
  if (item.record) parts.push(`${item.state === 'done' ? 'done' : 'skipped'} ${formatUtc(item.record.doneAt)} by ${names(item.record.by)}`);
  else if (item.due) parts.push(`due ${formatUtc(item.due)}`);
  else if (item.waitingFor) parts.push(`waits for ${ANCHOR_WAITS[item.waitingFor]}`);
  if (item.late) parts.push('done late');
  return parts.join(', ');
}

export function markLabel(mark: Mark, names: NameOf): string {
  if (mark.kind === 'events') {
    const titles = mark.events.map((event) => describeEvent(event, names).title);
    const head = mark.events.length === 1 ? 'Timeline event' : `${mark.events.length} timeline events`;
    return `${head} at ${formatUtc(mark.at)}: ${titles.join('; ')}`;
  }
  if (mark.items.length === 1) return itemSentence(mark.items[0] as ScheduledItem, names);
  return `${mark.items.length} items: ${mark.items.map((item) => itemSentence(item, names)).join('; ')}`;
}

export function TimelinePicture({ schedule, events, names, zones }: PictureProps): ReactElement {
  const [ref, width] = useWidth();
  const layout = useMemo(() => (width > 0 ? layoutPicture({ schedule, events, width }) : null), [schedule, events, width]);
  const [active, setActive] = useState<{ key: string; pinned: boolean } | null>(null);
  const id = useId();
  const tooltipId = `${id}-tooltip`;
  const marks = layout ? [...layout.rows.flatMap((row) => row.marks), ...layout.events.marks] : [];
  const activeMark = active ? marks.find((mark) => mark.key === active.key) : undefined;

  const handlers = (mark: Mark) => ({
    onMouseEnter: () => setActive((current) => (current?.pinned ? current : { key: mark.key, pinned: false })),
    onMouseLeave: () => setActive((current) => (current?.pinned ? current : null)),
    onFocus: () => setActive({ key: mark.key, pinned: true }),
    onBlur: () => setActive(null),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && active) {
        event.stopPropagation();
        setActive(null);
      }
    },
  });

  return (
    <div className="tl-picture" ref={ref}>
      {layout ? (
        <svg
          className="tl-picture__svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={`Schedule of ${schedule.caseId} as a picture`}
        >
          <defs>
            <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" className="tl-asap__fill" />
              <line x1="0" y1="0" x2="0" y2="8" className="tl-asap__stripe" />
            </pattern>
          </defs>
          <Grid layout={layout} />
          <MarkerLines layout={layout} schedule={schedule} />
          {layout.rows.map((row) => (
            <g key={row.phase.id} role="list" aria-label={`${row.phase.title}: ${row.status}`} className={`tl-row tl-row--${row.phase.state}`}>
              {/* What the row's label already says, drawn: hidden from the accessibility tree so the list holds marks only. */}
              <g aria-hidden="true">
                <line className="tl-row__rule" x1={0} x2={layout.chart.right} y1={row.y} y2={row.y} />
                <text className="tl-row__title" x={0} y={row.y + 20}>
                  {row.titleLines.map((line, index) => (
                    <tspan key={index} x={0} dy={index === 0 ? 0 : 16}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <text className={`tl-row__status tl-row__status--${row.phase.state}`} x={0} y={row.y + 20 + row.titleLines.length * 16}>
                  {row.status}
                </text>
                {row.band ? (
                  <rect
                    className={`tl-band tl-band--${row.phase.state}`}
                    x={row.band.x1}
                    y={row.y + 6}
                    width={Math.max(3, row.band.x2 - row.band.x1)}
                    height={row.height - 12}
                    rx={5}
                  />
                ) : null}
                {row.asapBand ? (
                  <g className="tl-asap">
                    <rect
                      x={row.asapBand.x1}
                      y={row.y + 6}
                      width={row.asapBand.x2 - row.asapBand.x1}
                      height={row.height - 12}
                      rx={5}
                      fill={`url(#${id}-hatch)`}
                      className="tl-asap__band"
                    />
                    {layout.chart.right - row.asapBand.x2 > 60 ? (
                      <text className="tl-asap__label" x={row.asapBand.x2 + 16} y={row.y + row.height / 2} dy="0.35em">
                        {layout.chart.right - row.asapBand.x2 > 170 ? 'As soon as possible' : 'ASAP'}
                      </text>
                    ) : null}
                  </g>
                ) : null}
                {row.itemWindows.map((span) => (
                  <line
                    key={`${span.x1}-${span.x2}`}
                    className={`tl-window tl-window--${row.phase.state}`}
                    x1={span.x1}
                    x2={span.x2}
                    y1={row.y + row.height - 9}
                    y2={row.y + row.height - 9}
                  />
                ))}
                {row.marks.map((mark) =>
                  mark.lateness ? (
                    <line
                      key={`${mark.key}-late`}
                      className="tl-lateness"
                      x1={mark.lateness.x1}
                      x2={mark.lateness.x2}
                      y1={mark.y}
                      y2={mark.y}
                    />
                  ) : null,
                )}
              </g>
              {row.marks.map((mark) => (
                <ItemMarkShape
                  key={mark.key}
                  mark={mark}
                  label={markLabel(mark, names)}
                  active={activeMark?.key === mark.key}
                  describedBy={activeMark?.key === mark.key ? tooltipId : undefined}
                  {...handlers(mark)}
                />
              ))}
            </g>
          ))}
          <g role="list" aria-label={`Timeline events: ${events.length}`} className="tl-events">
            <g aria-hidden="true">
              <line className="tl-row__rule" x1={0} x2={layout.chart.right} y1={layout.events.y} y2={layout.events.y} />
              <text className="tl-row__title" x={0} y={layout.events.y + 18}>
                Timeline events
              </text>
              <text className="tl-row__status" x={0} y={layout.events.y + 34}>
                {events.length} recorded
              </text>
              <line
                className="tl-events__baseline"
                x1={layout.chart.left}
                x2={layout.chart.right}
                y1={layout.events.y + layout.events.height / 2}
                y2={layout.events.y + layout.events.height / 2}
              />
            </g>
            {layout.events.marks.map((mark) => (
              <EventMarkShape
                key={mark.key}
                mark={mark}
                label={markLabel(mark, names)}
                active={activeMark?.key === mark.key}
                describedBy={activeMark?.key === mark.key ? tooltipId : undefined}
                {...handlers(mark)}
              />
            ))}
          </g>
          <MarkerLabels layout={layout} schedule={schedule} />
        </svg>
      ) : null}
      {layout && activeMark ? (
        <Tooltip id={tooltipId} layout={layout} mark={activeMark} schedule={schedule} names={names} zones={zones} />
      ) : null}
    </div>
  );
}

function Grid({ layout }: { layout: PictureLayout }): ReactElement {
  const { chart, axisY } = layout;
  return (
    <g aria-hidden="true">
      {layout.weekends.map((span) => (
        <rect key={span.x1} className="tl-weekend" x={span.x1} y={axisY + 37} width={span.x2 - span.x1} height={chart.bottom - axisY - 37} />
      ))}
      {layout.ticks.map((tick) => (
        <g key={tick.at}>
          <line className={tick.dayStart ? 'tl-tick tl-tick--day' : 'tl-tick'} x1={tick.x} x2={tick.x} y1={axisY + 37} y2={chart.bottom} />
          <text className="tl-axis__label" x={tick.labelX} y={axisY + 31} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      <text className="tl-axis__caption" x={0} y={axisY + 31}>
        Days in UTC
      </text>
      {layout.months.map((month) => (
        <text key={month.label} className="tl-axis__month" x={month.x} y={axisY + 14}>
          {month.label}
        </text>
      ))}
      <line className="tl-axis__line" x1={chart.left} x2={chart.right} y1={axisY + 37} y2={axisY + 37} />
    </g>
  );
}

function hasReleaseDayWarning(schedule: Schedule): boolean {
  return schedule.warnings.some((w) => w.code === 'release-date-weekend' || w.code === 'release-date-friday');
}

/** The labels of the Release Date, now and Disclosure lines, above the axis. */
function MarkerLabels({ layout, schedule }: { layout: PictureLayout; schedule: Schedule }): ReactElement {
  const weekendWarning = hasReleaseDayWarning(schedule);
  const top = layout.axisY + 37;
  return (
    <g aria-hidden="true" className="tl-markers">
      {layout.labels.map((label) => {
        const laneY = label.lane * METRICS.markerLaneHeight + 14;
        const textX = label.anchor === 'start' ? label.x + 5 : label.x - 5;
        const className = `tl-marker tl-marker--${label.kind}${label.kind === 'release' && weekendWarning ? ' tl-marker--warning' : ''}`;
        return (
          <g key={label.kind} className={className}>
            <line className="tl-marker__stem" x1={label.x} x2={label.x} y1={laneY - 12} y2={top} />
            <text className="tl-marker__label" x={textX} y={laneY} textAnchor={label.anchor}>
              {label.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The Release Date, now and Disclosure lines, under the marks. */
function MarkerLines({ layout, schedule }: { layout: PictureLayout; schedule: Schedule }): ReactElement {
  const weekendWarning = hasReleaseDayWarning(schedule);
  const top = layout.axisY + 37;
  return (
    <g aria-hidden="true" className="tl-markers">
      <line className="tl-line tl-line--disclosure" x1={xOf(layout, layout.disclosure)} x2={xOf(layout, layout.disclosure)} y1={top} y2={layout.chart.bottom} />
      {layout.releaseDate !== null ? (
        <line
          className={`tl-line tl-line--release${weekendWarning ? ' tl-line--warning' : ''}`}
          x1={xOf(layout, layout.releaseDate)}
          x2={xOf(layout, layout.releaseDate)}
          y1={top}
          y2={layout.chart.bottom}
        />
      ) : null}
      <line className="tl-line tl-line--now" x1={xOf(layout, layout.now)} x2={xOf(layout, layout.now)} y1={top} y2={layout.chart.bottom} />
    </g>
  );
}

function xOf(layout: PictureLayout, ms: number): number {
  return layout.chart.left + ((ms - layout.start) / (layout.end - layout.start)) * (layout.chart.right - layout.chart.left);
}

interface MarkProps {
  label: string;
  active: boolean;
  describedBy: string | undefined;
  onMouseEnter(): void;
  onMouseLeave(): void;
  onFocus(): void;
  onBlur(): void;
  onKeyDown(event: KeyboardEvent): void;
}

function ItemMarkShape({ mark, label, active, describedBy, ...handlers }: MarkProps & { mark: ItemMark }): ReactElement {
  const count = mark.items.length;
  const r = count > 1 ? 8 : METRICS.markRadius;
  return (
    <g
      className={`tl-mark tl-mark--${mark.state}${mark.late ? ' tl-mark--late' : ''}${active ? ' tl-mark--active' : ''}`}
      transform={`translate(${mark.x} ${mark.y})`}
      tabIndex={0}
      role="listitem"
      aria-label={label}
      aria-describedby={describedBy}
      data-state={mark.state}
      {...handlers}
    >
      <circle className="tl-mark__hit" r={11} />
      <circle className="tl-mark__ring" r={r + 4} />
      {mark.state === 'asap' ? (
        <rect className="tl-mark__body" x={-r} y={-r} width={r * 2} height={r * 2} rx={2} transform="rotate(45)" />
      ) : (
        <circle className="tl-mark__body" r={r} />
      )}
      {count > 1 ? (
        <text className="tl-mark__count" textAnchor="middle" dy="0.35em">
          {count}
        </text>
      ) : (
        <Glyph state={mark.state} />
      )}
    </g>
  );
}

function Glyph({ state }: { state: ItemMark['state'] }): ReactElement | null {
  switch (state) {
    case 'done':
      return <path className="tl-mark__glyph" d="M-3 0.2l2 2 4-4.2" />;
    case 'skipped':
      return <path className="tl-mark__glyph" d="M-3 3l6-6" />;
    case 'overdue':
      return <path className="tl-mark__glyph" d="M0 -3.2v3.4M0 2.8v0.1" />;
    default:
      return null;
  }
}

function EventMarkShape({ mark, label, active, describedBy, ...handlers }: MarkProps & { mark: EventMark }): ReactElement {
  const count = mark.events.length;
  const kinds = new Set(mark.events.map((event) => event.type.split('.')[0]));
  const tone = mark.events.some((event) => event.type === 'process.leak-recorded') ? 'leak' : kinds.has('process') ? 'process' : 'case';
  return (
    <g
      className={`tl-event tl-event--${tone}${active ? ' tl-mark--active' : ''}`}
      transform={`translate(${mark.x} ${mark.y})`}
      tabIndex={0}
      role="listitem"
      aria-label={label}
      aria-describedby={describedBy}
      {...handlers}
    >
      <circle className="tl-mark__hit" r={10} />
      <circle className="tl-mark__ring" r={count > 1 ? 11 : 9} />
      {count > 1 ? (
        <>
          <circle className="tl-event__body" r={7} />
          <text className="tl-event__count" textAnchor="middle" dy="0.35em">
            {count}
          </text>
        </>
      ) : (
        <rect className="tl-event__body" x={-4.5} y={-4.5} width={9} height={9} rx={1.5} transform="rotate(45)" />
      )}
    </g>
  );
}

interface TooltipProps {
  id: string;
  layout: PictureLayout;
  mark: Mark;
  schedule: Schedule;
  names: NameOf;
  zones: readonly string[];
}

function Tooltip({ id, layout, mark, schedule, names, zones }: TooltipProps): ReactElement {
  const right = mark.x + 16 + TOOLTIP_WIDTH > layout.width;
  const below = mark.y < layout.height / 2;
  const style: CSSProperties = {
    width: TOOLTIP_WIDTH,
    left: right ? Math.max(0, mark.x - 16 - TOOLTIP_WIDTH) : mark.x + 16,
    ...(below ? { top: mark.y - 8 } : { bottom: layout.height - mark.y - 8 }),
  };
  return (
    <div id={id} role="tooltip" className="tl-tooltip" style={style}>
      {mark.kind === 'items' ? <ItemDetails mark={mark} schedule={schedule} names={names} zones={zones} /> : <EventDetails mark={mark} names={names} />}
    </div>
  );
}

function TimeList({ iso, zones }: { iso: string; zones: readonly string[] }): ReactElement {
  return (
    <ul className="tl-tooltip__times">
      {zones.map((zone) => (
        <li key={zone}>{formatZoned(readInZone(iso, zone))}</li>
      ))}
    </ul>
  );
}

function ItemDetails({ mark, schedule, names, zones }: { mark: ItemMark; schedule: Schedule; names: NameOf; zones: readonly string[] }): ReactElement {
  const phase = schedule.phases.find((p) => p.items.some((item) => item === mark.items[0]));
  const shown = mark.items.slice(0, MAX_TOOLTIP_ENTRIES);
  return (
    <>
      {phase ? <p className="tl-tooltip__eyebrow">{phase.title}</p> : null}
      {shown.map((item) => (
        <div key={item.id} className="tl-tooltip__entry">
          <p className="tl-tooltip__title">
            <span className={`state-badge state-badge--${item.state}`}>{STATE_LABELS[item.state]}</span>
            {item.late ? <span className="state-badge state-badge--overdue">Late</span> : null}
            {item.optional ? <span className="state-badge state-badge--optional">Optional</span> : null}
          </p>
          <p className="tl-tooltip__item">{item.title}</p>
          <dl className="tl-tooltip__facts">
            <dt>Owner</dt>
            <dd>{OWNER_LABELS[item.owner]}</dd>
            {item.opens || item.due ? (
              <>
                <dt>Window</dt>
                <dd>
                  {item.opens ? formatUtc(item.opens) : 'from the start'} → {item.due ? formatUtc(item.due) : 'no deadline'}
                </dd>
              </>
            ) : null}
            {item.asap ? (
              <>
                <dt>Due</dt>
                <dd>As soon as possible</dd>
              </>
            ) : null}
            {item.due ? (
              <>
                <dt>Due</dt>
                <dd>
                  <ul className="tl-tooltip__times">
                    {item.dueIn.map((time) => (
                      <li key={time.zone}>{formatZoned(time)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {item.waitingFor && !item.record ? (
              <>
                <dt>Waits for</dt>
                <dd>{ANCHOR_WAITS[item.waitingFor]}</dd>
              </>
            ) : null}
            {item.record ? (
              <>
                <dt>{item.state === 'done' ? 'Done' : 'Skipped'}</dt>
                <dd>
                  by {names(item.record.by)}
                  <TimeList iso={item.record.doneAt} zones={zones} />
                </dd>
                {item.record.note ? (
                  <>
                    <dt>Note</dt>
                    <dd>{item.record.note}</dd>
                  </>
                ) : null}
                {item.record.reason ? (
                  <>
                    <dt>Reason</dt>
                    <dd>{item.record.reason}</dd>
                  </>
                ) : null}
              </>
            ) : null}
            {item.adjustments.length > 0 ? (
              <>
                <dt>Adjusted</dt>
                <dd>{item.adjustments.join('; ')}</dd>
              </>
            ) : null}
          </dl>
        </div>
      ))}
      {mark.items.length > shown.length ? <p className="tl-tooltip__more">and {mark.items.length - shown.length} more: see the Checklist tab.</p> : null}
    </>
  );
}

function EventDetails({ mark, names }: { mark: EventMark; names: NameOf }): ReactElement {
  const shown = mark.events.slice(0, MAX_TOOLTIP_ENTRIES + 2);
  return (
    <>
      <p className="tl-tooltip__eyebrow">{mark.events.length === 1 ? 'Timeline event' : `${mark.events.length} timeline events`}</p>
      <ul className="tl-tooltip__events">
        {shown.map((event) => (
          <li key={event.seq}>
            <span className="tl-tooltip__item">{describeEvent(event, names).title}</span>
            <span className="tl-tooltip__meta">
              #{event.seq} · {formatUtc(event.at)} · {formatLocal(event.at)} · by {event.actor}
            </span>
          </li>
        ))}
      </ul>
      {mark.events.length > shown.length ? <p className="tl-tooltip__more">and {mark.events.length - shown.length} more in the list below.</p> : null}
    </>
  );
}
