// The cases this vault shares with the team: with whom, how many events their merged history
// holds, whether its hash chain verifies, and what this vault has not sent yet. Who a case is
// shared with is changed on the case's Sharing tab.
import type { ReactElement } from 'react';
import type { TeamInfo, TeamStatus } from '../../../shared/contract/index.ts';
import { useUi } from '../../app/store.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { memberName } from './team-format.ts';

export function SharedCasesPanel({ team, status }: { team: TeamInfo; status: TeamStatus | null }): ReactElement {
  const caseOpened = useUi((ui) => ui.caseOpened);
  return (
    <section className="panel" aria-labelledby="team-cases-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-cases-heading">
          Shared cases <span className="faint">({team.cases.length})</span>
        </h2>
      </div>
      {team.cases.length === 0 ? (
        <EmptyState icon="folder" title="No case shared yet">
          <p className="muted">Open a case and use its Sharing tab to share it with the team.</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Shared cases">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Shared with</th>
                <th scope="col">History</th>
                <th scope="col">Not sent yet</th>
              </tr>
            </thead>
            <tbody>
              {team.cases.map((teamCase) => {
                const pending = status?.cases.find((one) => one.caseId === teamCase.caseId)?.unsyncedChanges ?? 0;
                return (
                  <tr key={teamCase.tag}>
                    <td>
                      {teamCase.caseId ? (
                        <button type="button" className="button button--ghost button--small mono" onClick={() => caseOpened(teamCase.caseId as string, 'sharing')}>
                          {teamCase.caseId}
                        </button>
                      ) : (
                        <span className="faint">Not readable here</span>
                      )}
                    </td>
                    <td>{teamCase.sharedWith.map((id) => memberName(team, id)).join(', ')}</td>
                    <td>
                      {teamCase.events} events, {teamCase.chainVerifies ? 'chain verifies' : <strong className="team-behind">chain does not verify</strong>}
                    </td>
                    <td>{pending === 0 ? '—' : `${pending} ${pending === 1 ? 'change' : 'changes'}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
