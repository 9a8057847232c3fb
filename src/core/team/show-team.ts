// What the Team page and `team show` display: members and how far this vault has seen each,
// the shared cases with the head of their merged chain (equal on every member once
// converged), whether that chain verifies, and the conflicts still to decide.
import type { TeamCaseInfo, TeamInfo } from '../../shared/contract/team.ts';
import type { CoreSession } from '../session.ts';
import { verifyChain } from '../timeline/chain.ts';
import { allLogs } from './materialize-case.ts';
import { foldCase, mergeLogs, mergedChain } from './team-events.ts';
import { currentMembers, readTeamDocument, requireTeam, type TeamCase } from './team-store.ts';

export function describeTeamCase(teamCase: TeamCase): TeamCaseInfo {
  const ordered = mergeLogs(allLogs(teamCase));
  const chain = mergedChain(teamCase.tag, ordered);
  return {
    tag: teamCase.tag,
    caseId: teamCase.localCaseId,
    sharedWith: teamCase.share.with,
    epoch: teamCase.epoch,
    head: chain.at(-1)?.hash ?? null,
    events: chain.length,
    chainVerifies: verifyChain(teamCase.tag, chain).length === 0,
    conflicts: foldCase(ordered).conflicts,
  };
}

export async function showTeam(session: CoreSession): Promise<TeamInfo> {
  const team = requireTeam(await readTeamDocument(session));
  return {
    teamId: team.teamId,
    me: team.me,
    membershipVersion: team.membership.at(-1)?.version ?? 0,
    members: currentMembers(team).map((member) => ({
      memberId: member.memberId,
      name: member.name,
      email: member.email,
      fingerprint: member.fingerprint,
      me: member.memberId === team.me,
      lastSeenCounter: member.memberId === team.me ? team.counter : (team.seen[member.memberId]?.counter ?? 0),
    })),
    remotes: team.remotes,
    counter: team.counter,
    lastSyncAt: team.lastSyncAt,
    cases: Object.values(team.cases).sort((a, b) => a.tag.localeCompare(b.tag)).map(describeTeamCase),
    removals: team.removals,
  };
}
