// `team remove-member`: a signed membership change without the member, and a new data key
// (a new epoch) for every shared case they could read, wrapped only to those who remain.
// Revocation is not retroactive: what they already synced they keep, so the Fix Lead gets the
// list of what that was.
import type { TeamInfo } from '../../shared/contract/team.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { nextVersion } from './membership.ts';
import { showTeam } from './show-team.ts';
import { ownKey } from './team-keys.ts';
import { currentMembers, mutateTeamDocument, requireTeam } from './team-store.ts';

export async function removeMember(session: CoreSession, fingerprint: string): Promise<TeamInfo> {
  const signer = await ownKey(session);
  const now = session.ports.now();
  await mutateTeamDocument(session, async (draft) => {
    const team = requireTeam(draft);
    const members = currentMembers(team);
    const leaving = members.find((member) => member.fingerprint === fingerprint);
    if (!leaving) throw new EmbargoError('NotFound', `${fingerprint} is not a member of the team.`, { what: 'member', id: fingerprint });
    if (leaving.memberId === team.me) throw new EmbargoError('NotAllowed', 'You cannot remove yourself; ask another member to remove you.', {});
    const remaining = members.filter((member) => member !== leaving);
    team.membership.push(await nextVersion(team.membership, { kind: 'removed', memberId: leaving.memberId }, remaining, signer, now));
    const couldRead: TeamInfo['removals'][number]['couldRead'] = [];
    for (const teamCase of Object.values(team.cases)) {
      if (!teamCase.share.with.includes(leaving.memberId)) continue;
      couldRead.push({ tag: teamCase.tag, caseId: teamCase.localCaseId, untilEpoch: teamCase.epoch });
      const epoch = teamCase.epoch + 1;
      teamCase.keys[String(epoch)] = Buffer.from(session.ports.randomBytes(32)).toString('base64');
      teamCase.epoch = epoch;
      teamCase.share = { ...teamCase.share, version: teamCase.share.version + 1, by: team.me, with: teamCase.share.with.filter((id) => id !== leaving.memberId) };
    }
    team.removals.push({ memberId: leaving.memberId, fingerprint, at: now.toISOString(), couldRead });
  });
  return showTeam(session);
}
