// The Sync button and what this vault knows about sync: when it last synced, what it has not
// sent yet (ahead), and after a sync what came in. Sync is one call into the core (fetch,
// verify every state, merge, publish, push); while it runs the window polls `team.syncProgress`
// and shows the phase it is in and how far through that phase it is.
import { useEffect, useState, type ReactElement } from 'react';
import type { TeamInfo, TeamStatus, TeamSyncProgressView, TeamSyncResult } from '../../../shared/contract/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { TimePair } from '../../components/TimePair.tsx';
import { call } from '../../lib/api.ts';
import { useAction } from '../keyring/use-action.ts';
import { TeamError } from './TeamError.tsx';
import { memberName } from './team-format.ts';

/** The phases in the order a sync runs them, with what each one does. */
const PHASES: [TeamSyncProgressView['phase'], string][] = [
  ['fetch', 'Fetching the other members’ states'],
  ['verify', 'Verifying signatures, counters and hashes'],
  ['decrypt', 'Decrypting the changed records'],
  ['merge', 'Merging shared cases'],
  ['publish', 'Publishing your state'],
  ['push', 'Pushing to the remote'],
];
const POLL_MS = 250;

export function SyncPanel({ team, status }: { team: TeamInfo; status: TeamStatus | null }): ReactElement {
  const action = useAction();
  const [result, setResult] = useState<TeamSyncResult | null>(null);
  const remote = team.remotes.origin ?? Object.values(team.remotes)[0] ?? null;
  const ahead = status?.unsyncedChanges ?? 0;
  async function sync(): Promise<void> {
    setResult(null);
    const value = await action.run(() => call('team.sync', {}));
    if (value) setResult(value);
  }
  return (
    <section className="panel" aria-labelledby="team-sync-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-sync-heading">
          Sync
        </h2>
        <button type="button" className="button button--primary" onClick={() => void sync()} disabled={action.busy || remote === null}>
          <Icon name="clock" /> {action.busy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <div className="panel__body team-sync">
        <dl className="vault-facts">
          <div className="vault-facts__item">
            <dt>Remote</dt>
            <dd className="mono" title={remote ?? undefined}>
              {remote ?? 'none (bundles only: embargo team sync --export / --import)'}
            </dd>
          </div>
          <div className="vault-facts__item">
            <dt>Last sync</dt>
            <dd>{team.lastSyncAt ? <TimePair iso={team.lastSyncAt} /> : 'never'}</dd>
          </div>
          <div className="vault-facts__item">
            <dt>Your published state</dt>
            <dd>{team.counter === 0 ? 'none yet' : `#${team.counter}`}</dd>
          </div>
          <div className="vault-facts__item">
            <dt>Not sent yet</dt>
            <dd data-testid="team-ahead">{ahead === 0 ? 'Nothing' : `${ahead} ${ahead === 1 ? 'change' : 'changes'}: you are ahead`}</dd>
          </div>
        </dl>
        {action.busy ? <SyncProgress /> : null}
        {action.error ? <TeamError error={action.error} /> : null}
        {result ? <SyncOutcome team={team} result={result} /> : null}
      </div>
    </section>
  );
}

function SyncProgress(): ReactElement {
  const [progress, setProgress] = useState<TeamSyncProgressView | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async (): Promise<void> => {
      const result = await call('team.syncProgress', {});
      if (!stopped && result.ok) setProgress(result.value.progress);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  const current = progress ? PHASES.findIndex(([phase]) => phase === progress.phase) : -1;
  const label = current >= 0 ? PHASES[current]![1] : 'Starting the sync';
  return (
    <div className="team-sync__progress" role="status" aria-live="polite">
      {progress && progress.total > 0 ? (
        <progress aria-label={`Sync: ${label}`} value={progress.done} max={progress.total} />
      ) : (
        <progress aria-label={`Sync: ${label}`} />
      )}
      <p className="team-sync__phase" data-testid="team-sync-phase">
        {label}
        {progress && progress.total > 0 ? ` — ${progress.done} of ${progress.total}` : ''}
      </p>
      <ol className="team-sync__steps">
        {PHASES.map(([phase, step], index) => (
          <li key={phase} aria-current={index === current ? 'step' : undefined} className={index < current ? 'team-sync__step--done' : undefined}>
            {step}
          </li>
        ))}
      </ol>
    </div>
  );
}

function SyncOutcome({ team, result }: { team: TeamInfo; result: TeamSyncResult }): ReactElement {
  const pulled = result.pulledFrom.map((id) => memberName(team, id));
  return (
    <Notice tone="info">
      <strong>Synced.</strong> {pulled.length === 0 ? 'Nothing new from the others.' : `New states from ${pulled.join(', ')}.`}{' '}
      {result.casesUpdated.length > 0 ? `Updated ${result.casesUpdated.join(', ')}. ` : ''}
      {result.published ? `Your state #${result.counter} is pushed.` : 'You had nothing new to send.'}
      {result.conflicts.length > 0 ? ` ${result.conflicts.length} ${result.conflicts.length === 1 ? 'conflict' : 'conflicts'} to decide below.` : ''}
    </Notice>
  );
}
