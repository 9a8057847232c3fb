// `team decide`: a conflict (two members set the same field without seeing each other) is
// decided by picking one candidate. The decision is an event on the case, built on every
// candidate, so once synced every member sees the conflict closed with the same value.
import type { TeamCaseInfo } from '../../shared/contract/team.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { mutateCase, syncIndexEntry } from '../cases/case-store.ts';
import type { CaseFields } from '../vault/documents.ts';
import { allLogs } from './materialize-case.ts';
import { describeTeamCase } from './show-team.ts';
import { foldCase, mergeLogs } from './team-events.ts';
import { readTeamDocument, requireTeam } from './team-store.ts';

export async function decideConflict(session: CoreSession, caseId: string, field: string, eventId: string): Promise<TeamCaseInfo> {
  const team = requireTeam(await readTeamDocument(session));
  const teamCase = Object.values(team.cases).find((candidate) => candidate.localCaseId === caseId);
  if (!teamCase) throw new EmbargoError('NotFound', `Case ${caseId} is not shared with the team.`, { what: 'shared case', id: caseId });
  const conflict = foldCase(mergeLogs(allLogs(teamCase))).conflicts.find((candidate) => candidate.field === field);
  const chosen = conflict?.candidates.find((candidate) => candidate.eventId === eventId);
  if (!conflict || !chosen) throw new EmbargoError('NotFound', `No open conflict on ${field} of ${caseId} with candidate ${eventId}.`, { what: 'conflict', id: field });
  const { record } = await mutateCase(
    session.cases(),
    caseId,
    (fields) => ({ ...fields, [field]: chosen.value }) as CaseFields,
    (before) => [{ type: 'team.conflict-decided', data: { field, from: (before as Record<string, unknown>)[field] ?? null, to: chosen.value ?? null, candidates: conflict.candidates.map((c) => c.eventId) } }],
  );
  await syncIndexEntry(session.cases(), record);
  return describeTeamCase(teamCase);
}
