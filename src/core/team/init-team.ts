// `team init`: this vault's own key becomes the first member of a new team (membership
// version 1, signed by it). The member id is random: it names the member's ref in the remote
// and says nothing about who it is.
import type { TeamInfo } from '../../shared/contract/team.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { exportPublicKey } from '../keyring/export-key.ts';
import { checkRemoteUrl } from './git.ts';
import { membershipGenesis, signVersion } from './membership.ts';
import { readPublicKeyArmored } from './team-crypto.ts';
import { showTeam } from './show-team.ts';
import { ensureSyncRepository } from './sync-team.ts';
import { ownKey, syncRepository } from './team-keys.ts';
import { mutateTeamDocument, randomHex, type TeamState } from './team-store.ts';

export interface InitTeamInput {
  remote?: string;
  remoteName: string;
}

export async function initTeam(session: CoreSession, input: InitTeamInput): Promise<TeamInfo> {
  const signer = await ownKey(session);
  const now = session.ports.now();
  const teamId = randomHex(session, 16);
  const me = randomHex(session, 16);
  const identity = await ownIdentity(session, signer.fingerprint);
  const version = await signVersion(
    { teamId, version: 1, prev: membershipGenesis(teamId), at: now.toISOString(), changedBy: signer.fingerprint, change: { kind: 'created', memberId: me }, members: [{ memberId: me, ...identity }] },
    signer.key,
    now,
  );
  const team: TeamState = {
    teamId,
    me,
    remotes: input.remote ? { [input.remoteName]: checkRemoteUrl(input.remote) } : {},
    membership: [version],
    counter: 0,
    publishedDigest: null,
    seen: {},
    cases: {},
    lastSyncAt: null,
    removals: [],
  };
  await mutateTeamDocument(session, (draft) => {
    if (draft.team) throw new EmbargoError('Conflict', 'This vault is already in a team.', { teamId: draft.team.teamId });
    draft.team = team;
  });
  await ensureSyncRepository(syncRepository(session));
  return showTeam(session);
}

/** Name, email and armored public key of our own key (from its primary user ID). */
export async function ownIdentity(session: CoreSession, fingerprint: string): Promise<{ name: string; email: string; fingerprint: string; publicKey: string }> {
  const publicKey = await exportPublicKey(session, fingerprint);
  const key = await readPublicKeyArmored(publicKey);
  const user = (await key.getPrimaryUser().catch(() => null))?.user.userID;
  return { name: user?.name || 'member', email: user?.email || 'member@invalid', fingerprint, publicKey };
}
