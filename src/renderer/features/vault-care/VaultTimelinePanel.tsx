// `embargo vault timeline`: the vault's own hash-chained events (cases removed, backups written,
// restores), newest first, in the same form as a case's timeline.
import type { ReactElement } from 'react';
import { formatLocal, formatUtc } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { describeEvent } from '../timeline/describe-event.ts';

export function VaultTimelinePanel(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const timeline = useQuery('vault.timeline', {}, revision);
  const events = timeline.value ? [...timeline.value.events].reverse() : [];
  return (
    <section className="panel" aria-labelledby="vault-timeline-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="vault-timeline-heading">
          Vault timeline <span className="faint">{timeline.value?.events.length ?? ''}</span>
        </h2>
      </div>
      <div className="panel__body">
        {timeline.status === 'error' ? <Notice tone="error">{timeline.error.message}</Notice> : null}
        {timeline.value && events.length === 0 ? <p className="muted">Nothing yet: backups, restores and removed cases are recorded here.</p> : null}
        <ol className="timeline" aria-label="Vault timeline, newest first">
          {events.map((event) => {
            const description = describeEvent(event);
            return (
              <li key={event.seq} className="timeline__item" data-type={event.type}>
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
                  <p className="timeline__meta">
                    #{event.seq} · by {event.actor} · <span className="mono" title={`Chain hash ${event.hash}`}>{event.hash.slice(0, 12)}</span>
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
