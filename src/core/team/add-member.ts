// `team add-member`: a signed membership change adding a key the Fix Lead has verified (full
// fingerprint compared with its owner). Only the public key goes into the membership.
import type { TeamInfo } from '../../shared/contract/team.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { exportPublicKey } from '../keyring/export-key.ts';
import { requireEntry } from '../keyring/list-keys.ts';
import { readKeyring } from '../keyring/store.ts';
import { nextVersion } from './membership.ts';
import { showTeam } from './show-team.ts';
import { ownKey } from './team-keys.ts';
import { currentMembers, mutateTeamDocument, randomHex, requireTeam } from './team-store.ts';

export async function addMember(session: CoreSession, input: { fingerprint: string; name: string; email: string }): Promise<TeamInfo> {
  const entry = requireEntry(await readKeyring(session), input.fingerprint);
  if (!entry.verifiedAt) {
    throw new EmbargoError('KeyNotVerified', `Compare the full fingerprint ${input.fingerprint} with its owner and mark it verified before adding them to the team.`, { fingerprint: input.fingerprint });
  }
  const publicKey = await exportPublicKey(session, input.fingerprint);
  const signer = await ownKey(session);
  const memberId = randomHex(session, 16);
  await mutateTeamDocument(session, async (draft) => {
    const team = requireTeam(draft);
    const members = currentMembers(team);
    if (members.some((member) => member.fingerprint === entry.fingerprint)) {
      throw new EmbargoError('Conflict', `${input.fingerprint} is already a member of the team.`, { fingerprint: input.fingerprint });
    }
    const next = [...members, { memberId, name: input.name, email: input.email, fingerprint: entry.fingerprint, publicKey }];
    team.membership.push(await nextVersion(team.membership, { kind: 'added', memberId }, next, signer, session.ports.now()));
    // New members get the cases shared with "the PST" (everyone): the Fix Lead narrows per case.
    for (const teamCase of Object.values(team.cases)) {
      if (teamCase.share.everyone) teamCase.share = { ...teamCase.share, with: [...teamCase.share.with, memberId], version: teamCase.share.version + 1 };
    }
  });
  return showTeam(session);
}
