// `team share`: a case becomes a team case, with an opaque tag and its own random data key,
// shared with the members the Fix Lead picks (default: the whole PST, members added later
// included). Its whole local history is exported at the next sync.
import type { TeamCaseInfo } from '../../shared/contract/team.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { readCase } from '../cases/case-store.ts';
import { describeTeamCase } from './show-team.ts';
import { currentMembers, mutateTeamDocument, randomHex, requireTeam } from './team-store.ts';

export async function shareCase(session: CoreSession, caseId: string, withFingerprints: string[] | undefined): Promise<TeamCaseInfo> {
  await readCase(session.cases(), caseId);
  return mutateTeamDocument(session, (draft) => {
    const team = requireTeam(draft);
    const members = currentMembers(team);
    const chosen = withFingerprints
      ? withFingerprints.map((fingerprint) => {
          const member = members.find((candidate) => candidate.fingerprint === fingerprint);
          if (!member) throw new EmbargoError('NotFound', `${fingerprint} is not a member of the team.`, { what: 'member', id: fingerprint });
          return member.memberId;
        })
      : members.map((member) => member.memberId);
    const readers = [...new Set([team.me, ...chosen])].sort();
    const existing = Object.values(team.cases).find((teamCase) => teamCase.localCaseId === caseId);
    if (existing) {
      // Someone losing access gets no key for what comes next.
      if (existing.share.with.some((id) => !readers.includes(id))) {
        existing.epoch += 1;
        existing.keys[String(existing.epoch)] = Buffer.from(session.ports.randomBytes(32)).toString('base64');
      }
      existing.share = { version: existing.share.version + 1, by: team.me, everyone: !withFingerprints, with: readers };
      return describeTeamCase(existing);
    }
    const tag = randomHex(session, 16);
    const teamCase = {
      tag,
      localCaseId: caseId,
      share: { version: 1, by: team.me, everyone: !withFingerprints, with: readers },
      keys: { '1': Buffer.from(session.ports.randomBytes(32)).toString('base64') },
      epoch: 1,
      own: [],
      others: {},
      cursor: 0,
    };
    team.cases[tag] = teamCase;
    return describeTeamCase(teamCase);
  });
}
