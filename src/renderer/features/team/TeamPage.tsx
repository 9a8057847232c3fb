// The team vault in the window: who is in the team and whether their keys are still good, how
// far this vault has seen each member and what it has not sent yet, the Sync button, the
// conflicts to decide and the shared cases. With no team yet, the page offers to create or
// join one (TeamSetup.tsx).
import type { ReactElement } from 'react';
import { useUi } from '../../app/store.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { TeamError } from './TeamError.tsx';
import { TeamSetup } from './TeamSetup.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { SharedCasesPanel } from './SharedCasesPanel.tsx';
import '../keyring/keyring.css';
import '../vault-care/vault-care.css';
import './team.css';

export function TeamPage(): ReactElement {
  const revision = useUi((ui) => ui.revision);
  const team = useQuery('team.show', {}, revision);
  const status = useQuery('team.status', {}, revision);
  const noTeam = team.status === 'error' && team.error.code === 'NoTeam';
  return (
    <div className="page page-stack team-page">
      <div className="page__header">
        <div>
          <PageHeading>Team</PageHeading>
          <p className="page__subtitle">Share cases with the PST, end-to-end encrypted, through the team’s own git repository.</p>
        </div>
      </div>
      {team.status === 'error' && !noTeam ? <TeamError error={team.error} /> : null}
      {noTeam ? <TeamSetup /> : null}
      {team.value ? (
        <>
          <SyncPanel team={team.value} status={status.value} />
          <ConflictsPanel team={team.value} status={status.value} />
          <MembersPanel team={team.value} />
          <SharedCasesPanel team={team.value} status={status.value} />
          {team.value.removals.length > 0 ? <RemovalsPanel removals={team.value.removals} /> : null}
        </>
      ) : null}
    </div>
  );
}

function RemovalsPanel({ removals }: { removals: { fingerprint: string; at: string; couldRead: { tag: string; caseId: string | null }[] }[] }): ReactElement {
  return (
    <section className="panel" aria-labelledby="team-removals-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-removals-heading">
          Removed members
        </h2>
      </div>
      <div className="panel__body">
        <p className="muted">Removal is not retroactive: a removed member keeps what they could already read. Open cases got new keys they cannot unwrap.</p>
        <ul className="team-list">
          {removals.map((removal) => (
            <li key={`${removal.fingerprint} ${removal.at}`}>
              <span className="mono">{removal.fingerprint}</span>, removed {removal.at.slice(0, 10)}; could read:{' '}
              {removal.couldRead.map((entry) => entry.caseId ?? 'a case not in this vault').join(', ') || 'nothing'}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
