// What the Team page shows as "ahead": the local edits of shared cases that no published state
// carries yet (the events after each case's cursor, as the next sync would export them), and
// the conflicts decided here whose decision the others see only after that sync. Reads only.
import type { TeamStatus } from '../../shared/contract/team.ts';
import type { CoreSession } from '../session.ts';
import { readCase } from '../cases/case-store.ts';
import { SYNCED_EVENT } from './materialize-case.ts';
import { readTeamDocument, requireTeam } from './team-store.ts';

export const CONFLICT_DECIDED_EVENT = 'team.conflict-decided';

export async function teamStatus(session: CoreSession): Promise<TeamStatus> {
  const team = requireTeam(await readTeamDocument(session));
  const cases: TeamStatus['cases'] = [];
  for (const teamCase of Object.values(team.cases)) {
    if (!teamCase.localCaseId) continue;
    const document = await readCase(session.cases(), teamCase.localCaseId);
    const fresh = document.events.slice(teamCase.cursor).filter((event) => event.type !== SYNCED_EVENT);
    const decided = fresh
      .filter((event) => event.type === CONFLICT_DECIDED_EVENT)
      .map((event) => {
        const data = event.data as { field?: unknown; to?: unknown; candidates?: unknown };
        return { field: String(data.field ?? ''), to: data.to ?? null, candidates: Array.isArray(data.candidates) ? data.candidates.map(String) : [] };
      });
    cases.push({ caseId: teamCase.localCaseId, unsyncedChanges: fresh.length, decided });
  }
  cases.sort((a, b) => a.caseId.localeCompare(b.caseId));
  return { unsyncedChanges: cases.reduce((sum, one) => sum + one.unsyncedChanges, 0), cases };
}
