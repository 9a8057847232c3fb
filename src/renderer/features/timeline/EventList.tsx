// A list of timeline events, newest first, virtualised: only the events in view (and a few
// either side) are in the DOM, so a case with 10,000 events costs what one with twenty does.
// The list scrolls in its own box (focusable, so the keyboard scrolls it too); each rendered
// event is measured, as notes and details make rows of different heights. Each item says where
// it stands in the whole list (aria-posinset / aria-setsize), for a screen reader.
import { useRef, type ReactElement } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TimelineEvent } from '../../../shared/contract/index.ts';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { Icon } from '../../components/Icon.tsx';
import { describeEvent, type NameOf } from './describe-event.ts';

/** A first guess at an event's height; each rendered one is measured. */
const EVENT_HEIGHT = 96;

interface EventListProps {
  /** Newest first, as shown. */
  events: readonly TimelineEvent[];
  names?: NameOf;
  label: string;
}

export function EventList({ events, names, label }: EventListProps): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => EVENT_HEIGHT,
    overscan: 6,
    getItemKey: (index) => events[index]?.seq ?? index,
    // Before the box is measured: a guess, so the first render has events in it (an empty list
    // in a box sized by its content would stay empty).
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="timeline-scroll" ref={scroller} tabIndex={0} role="region" aria-label={`${label}: ${events.length} events`}>
      <ol className="timeline timeline--virtual" aria-label={label} style={{ paddingTop: padTop, paddingBottom: padBottom }}>
        {items.map((item) => {
          const event = events[item.index]!;
          return <EventItem key={event.seq} event={event} names={names} index={item.index} total={events.length} measure={virtualizer.measureElement} />;
        })}
      </ol>
    </div>
  );
}

interface EventItemProps {
  event: TimelineEvent;
  names: NameOf | undefined;
  index: number;
  total: number;
  measure(element: Element | null): void;
}

function EventItem({ event, names, index, total, measure }: EventItemProps): ReactElement {
  const description = describeEvent(event, names);
  return (
    <li ref={measure} className="timeline__item" data-type={event.type} data-index={index} aria-posinset={index + 1} aria-setsize={total} data-last={index === total - 1 || undefined}>
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
              {description.details.map(([detail, value]) => (
                <div key={detail} className="timeline__detail">
                  <dt>{detail}</dt>
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
