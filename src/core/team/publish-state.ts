// Writing this member's state into the local sync repository: one commit on
// refs/embargo/<member id> whose tree holds only ciphertext under neutral names — "m", the
// manifest (encrypted to every member, signed by us), and per case "k<n>" (its data keys,
// wrapped to the members it is shared with) and "l<n>" (our event log, sealed with the case
// key). The commit's author, committer, date and message are the same for everyone, always.
import type { PrivateKey, PublicKey } from 'openpgp';
import { EmbargoError } from '../../shared/errors.ts';
import { commitTree, listRefs, updateRef, writeBlob, writeTree } from './git.ts';
import type { TeamMember } from './membership.ts';
import { logLabel, type CaseKeys, type Manifest, type ManifestCase } from './remote-state.ts';
import { canonicalJson, encryptToMembers, padJson, readPublicKeyArmored, sealWithKey, sha256Hex } from './team-crypto.ts';
import { caseKey, currentMembers, type TeamState } from './team-store.ts';

export function memberRef(memberId: string): string {
  return `refs/embargo/${memberId}`;
}

/** What a state carries, without its (random) ciphertext: unchanged content is not republished. */
export function stateDigest(team: TeamState): string {
  const cases = Object.values(team.cases)
    .sort((a, b) => a.tag.localeCompare(b.tag))
    .map((c) => ({ tag: c.tag, share: c.share, epoch: c.epoch, keys: Object.keys(c.keys).sort(), own: c.own.map((e) => e.id) }));
  return sha256Hex(canonicalJson({ membership: team.membership.map((v) => v.signature), cases }));
}

export interface PublishContext {
  gitDir: string;
  signer: { fingerprint: string; key: PrivateKey };
  randomBytes(length: number): Uint8Array;
  now: Date;
}

async function keysFor(members: readonly TeamMember[], ids: readonly string[]): Promise<PublicKey[]> {
  const chosen = members.filter((member) => ids.includes(member.memberId));
  return Promise.all(chosen.map((member) => readPublicKeyArmored(member.publicKey)));
}

/** Writes the next state (counter + 1) and moves our ref to it; returns the commit. */
export async function publishState(context: PublishContext, team: TeamState, counter: number): Promise<string> {
  const { gitDir, signer, randomBytes, now } = context;
  const members = currentMembers(team);
  const entries: Record<string, string> = {};
  const listed: ManifestCase[] = [];
  const cases = Object.values(team.cases).sort((a, b) => a.tag.localeCompare(b.tag));
  for (const [index, teamCase] of cases.entries()) {
    if (!teamCase.share.with.includes(team.me)) continue;
    const readers = await keysFor(members, teamCase.share.with);
    const record: CaseKeys = { tag: teamCase.tag, share: teamCase.share, keys: teamCase.keys };
    const wrapped = await encryptToMembers(readers, padJson(record), signer.key, now, randomBytes(32));
    const sealedLog = sealWithKey(caseKey(teamCase), logLabel(teamCase.tag, team.me, teamCase.epoch), padJson({ events: teamCase.own }), randomBytes(12));
    entries[`k${index}`] = await writeBlob(gitDir, wrapped);
    entries[`l${index}`] = await writeBlob(gitDir, sealedLog);
    listed.push({ tag: teamCase.tag, epoch: teamCase.epoch, keys: `k${index}`, keysSha256: sha256Hex(wrapped), log: `l${index}`, logSha256: sha256Hex(sealedLog) });
  }
  const manifest: Manifest = { format: 1, teamId: team.teamId, memberId: team.me, counter, membership: team.membership, cases: listed };
  const everyone = await Promise.all(members.map((member) => readPublicKeyArmored(member.publicKey)));
  if (!members.some((member) => member.memberId === team.me)) {
    throw new EmbargoError('NotATeamMember', 'This vault’s member is no longer in the team: it cannot publish.', { memberId: team.me });
  }
  entries.m = await writeBlob(gitDir, await encryptToMembers(everyone, padJson(manifest), signer.key, now, randomBytes(32)));
  const tree = await writeTree(gitDir, entries);
  const ref = memberRef(team.me);
  const parent = (await listRefs(gitDir, ref))[ref] ?? null;
  const commit = await commitTree(gitDir, tree, parent);
  await updateRef(gitDir, ref, commit);
  return commit;
}
