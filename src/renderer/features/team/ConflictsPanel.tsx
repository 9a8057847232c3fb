// Conflicts to decide: two members set the same field of a shared case without seeing each
// other's change. Each opens the conflict dialog; a decision made here is listed as waiting
// for the next sync, which sends it to the others.
import { useState, type ReactElement } from 'react';
import type { TeamFieldConflict, TeamInfo, TeamStatus } from '../../../shared/contract/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { fieldLabel, formatValue } from './team-format.ts';

export interface OpenConflict {
  caseId: string;
  conflict: TeamFieldConflict;
}

function decidedHere(status: TeamStatus | null, open: OpenConflict): { to: unknown } | null {
  const entry = status?.cases.find((one) => one.caseId === open.caseId);
  const ids = open.conflict.candidates.map((candidate) => candidate.eventId).sort().join(' ');
  return entry?.decided.find((decision) => decision.field === open.conflict.field && [...decision.candidates].sort().join(' ') === ids) ?? null;
}

export function ConflictsPanel({ team, status }: { team: TeamInfo; status: TeamStatus | null }): ReactElement {
  const [deciding, setDeciding] = useState<OpenConflict | null>(null);
  const conflicts: OpenConflict[] = team.cases.flatMap((teamCase) =>
    teamCase.caseId ? teamCase.conflicts.map((conflict) => ({ caseId: teamCase.caseId as string, conflict })) : [],
  );
  const waiting = conflicts.filter((open) => !decidedHere(status, open)).length;
  return (
    <section className="panel" aria-labelledby="team-conflicts-heading">
      <div className="panel__header">
        <h2 className="panel__title" id="team-conflicts-heading">
          Conflicts to decide <span className="faint">({waiting})</span>
        </h2>
      </div>
      {conflicts.length === 0 ? (
        <EmptyState icon="check" title="No conflicts">
          <p className="muted">When two members change the same field without seeing each other’s change, it waits here for someone to decide.</p>
        </EmptyState>
      ) : (
        <ul className="team-conflicts">
          {conflicts.map((open) => {
            const decided = decidedHere(status, open);
            return (
              <li key={`${open.caseId} ${open.conflict.field}`} className="team-conflict">
                <div>
                  <strong>{open.caseId}</strong>: {fieldLabel(open.conflict.field)}
                  <div className="faint">{open.conflict.candidates.map((candidate) => formatValue(candidate.value)).join(' or ')}</div>
                </div>
                {decided ? (
                  <span className="team-conflict__decided">
                    <Icon name="check" /> Decided: {formatValue(decided.to)}. The others see it after your next sync.
                  </span>
                ) : (
                  <button type="button" className="button" onClick={() => setDeciding(open)}>
                    Decide…
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConflictDialog team={team} open={deciding} onClose={() => setDeciding(null)} />
    </section>
  );
}
