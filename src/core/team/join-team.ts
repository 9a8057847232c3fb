// `team join`: a member who already added this vault's key (and synced) has published a state
// encrypted to it. We read the remote (or a bundle), take the membership from the state signed
// by the member we were told to trust — a key verified in our keyring, by full fingerprint —
// verify its whole chain, find ourselves in it, and then sync normally.
import type { TeamInfo } from '../../shared/contract/team.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { requireEntry } from '../keyring/list-keys.ts';
import { readKeyring } from '../keyring/store.ts';
import { checkRemoteUrl, readBlob, readTree } from './git.ts';
import { verifyMembershipChain, type MembershipVersion } from './membership.ts';
import { showTeam } from './show-team.ts';
import { ensureSyncRepository, syncTeam } from './sync-team.ts';
import { openFromMember, readPublicKeyArmored } from './team-crypto.ts';
import { ownKey, syncRepository } from './team-keys.ts';
import { mutateTeamDocument, readTeamDocument } from './team-store.ts';
import { fetchStates, importBundle } from './transport.ts';
import { exportPublicKey } from '../keyring/export-key.ts';

export interface JoinTeamInput {
  remote?: string;
  importFile?: string;
  via: string;
  remoteName: string;
}

export async function joinTeam(session: CoreSession, input: JoinTeamInput): Promise<TeamInfo> {
  if ((await readTeamDocument(session)).team) throw new EmbargoError('Conflict', 'This vault is already in a team.');
  if (!input.remote && !input.importFile) throw new EmbargoError('InvalidInput', 'Give the team remote (or a bundle with --import) to join from.');
  const trusted = requireEntry(await readKeyring(session), input.via);
  if (!trusted.verifiedAt) throw new EmbargoError('KeyNotVerified', `Verify ${input.via} (compare its full fingerprint with its owner) before joining through it.`, { fingerprint: input.via });
  const trustedKey = await readPublicKeyArmored(await exportPublicKey(session, input.via));
  const own = await ownKey(session);
  const gitDir = syncRepository(session);
  await ensureSyncRepository(gitDir);
  const states = input.importFile ? await importBundle(gitDir, input.importFile) : await fetchStates(gitDir, checkRemoteUrl(input.remote!));
  for (const commit of Object.values(states)) {
    const tree = await readTree(gitDir, commit);
    if (!tree.m) continue;
    const opened = await openFromMember(await readBlob(gitDir, tree.m), own.key, [trustedKey]);
    if (!opened || !opened.signedBy.includes(trusted.fingerprint)) continue;
    const manifest = JSON.parse(opened.data.toString('utf8')) as { teamId: string; membership: MembershipVersion[] };
    await verifyMembershipChain(manifest.teamId, manifest.membership);
    const members = manifest.membership.at(-1)!.members;
    const me = members.find((member) => member.fingerprint === own.fingerprint);
    if (!me || !members.some((member) => member.fingerprint === trusted.fingerprint)) continue;
    await mutateTeamDocument(session, (draft) => {
      draft.team = {
        teamId: manifest.teamId,
        me: me.memberId,
        remotes: input.remote ? { [input.remoteName]: checkRemoteUrl(input.remote) } : {},
        membership: manifest.membership,
        counter: 0,
        publishedDigest: null,
        seen: {},
        cases: {},
        lastSyncAt: null,
        removals: [],
      };
    });
    await syncTeam(session, input.importFile ? { importFile: input.importFile } : {});
    return showTeam(session);
  }
  throw new EmbargoError('NotATeamMember', `No state in the remote signed by ${input.via} lists your key (${own.fingerprint}) as a member: ask them to add you and sync first.`, { via: input.via });
}
