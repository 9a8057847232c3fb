// `embargo vault timeline`: the vault's own hash-chained events (cases removed, backups written,
// restores), newest first, in the same virtualised list as a case's timeline (EventList), so a
// vault that has seen years of backups costs what a new one does.
import type { ReactElement } from 'react';
import { useQuery } from '../../lib/use-query.ts';
import { Notice } from '../../components/Notice.tsx';
import { useUi } from '../../app/store.ts';
import { EventList } from '../timeline/EventList.tsx';

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
        {timeline.value && events.length === 0 ? (
          <p className="muted">Nothing yet: backups, restores and removed cases are recorded here.</p>
        ) : (
          <EventList events={events} label="Vault timeline, newest first" />
        )}
      </div>
    </section>
  );
}
