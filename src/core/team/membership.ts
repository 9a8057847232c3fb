// The team's membership is a hash-chained list of versions, each signed (OpenPGP, detached)
// by the member who made the change. The first version is signed by its creator, who is in
// it; every later version must be signed by a member of the version before it. Members are
// known by full fingerprint, never by email; each carries its public key, never a secret one.
import type { PrivateKey } from 'openpgp';
import { EmbargoError } from '../../shared/errors.ts';
import { canonicalJson, readPublicKeyArmored, sha256Hex, signText, verifyText } from './team-crypto.ts';

export interface TeamMember {
  /** Opaque id: the member's ref in the remote is refs/embargo/<memberId>. */
  memberId: string;
  name: string;
  email: string;
  fingerprint: string;
  publicKey: string;
}

export interface MembershipChange {
  kind: 'created' | 'added' | 'removed';
  memberId: string;
}

export interface MembershipVersion {
  teamId: string;
  version: number;
  prev: string;
  at: string;
  changedBy: string;
  change: MembershipChange;
  members: TeamMember[];
  signature: string;
}

type Unsigned = Omit<MembershipVersion, 'signature'>;

export function membershipGenesis(teamId: string): string {
  return sha256Hex(`embargo-team-v1:${teamId}`);
}

export function versionHash(version: MembershipVersion): string {
  return sha256Hex(canonicalJson(version));
}

function signedText(version: Unsigned): string {
  const { teamId, version: number, prev, at, changedBy, change, members } = version;
  return canonicalJson({ teamId, version: number, prev, at, changedBy, change, members });
}

export async function signVersion(unsigned: Unsigned, signer: PrivateKey, now: Date): Promise<MembershipVersion> {
  return { ...unsigned, signature: await signText(signer, signedText(unsigned), now) };
}

/** The next version after `chain`, made and signed by `signer` (who must be a current member). */
export async function nextVersion(
  chain: readonly MembershipVersion[],
  change: MembershipChange,
  members: TeamMember[],
  signer: { fingerprint: string; key: PrivateKey },
  now: Date,
): Promise<MembershipVersion> {
  const last = chain.at(-1);
  if (!last) throw new Error('no membership to change');
  if (!last.members.some((member) => member.fingerprint === signer.fingerprint)) {
    throw new EmbargoError('NotATeamMember', 'Only a current team member can change the membership, and your key is not one of theirs.', { fingerprint: signer.fingerprint });
  }
  const unsigned: Unsigned = { teamId: last.teamId, version: last.version + 1, prev: versionHash(last), at: now.toISOString(), changedBy: signer.fingerprint, change, members };
  return signVersion(unsigned, signer.key, now);
}

function refuse(message: string, data: Record<string, unknown>): never {
  throw new EmbargoError('NotATeamMember', message, data);
}

/** Checks every link and signature of `chain`; throws NotATeamMember on the first bad one. */
export async function verifyMembershipChain(teamId: string, chain: readonly MembershipVersion[]): Promise<void> {
  let prev = membershipGenesis(teamId);
  let signers: TeamMember[] | null = null;
  for (const [index, version] of chain.entries()) {
    if (version.teamId !== teamId || version.version !== index + 1 || version.prev !== prev) {
      refuse(`Membership version ${index + 1} does not follow the one before it: refused.`, { version: index + 1 });
    }
    const allowed: TeamMember[] = signers ?? version.members;
    const signer = allowed.find((member) => member.fingerprint === version.changedBy);
    if (!signer) refuse(`Membership version ${version.version} was made by ${version.changedBy}, who is not a member of the team: refused.`, { version: version.version, fingerprint: version.changedBy });
    const key = await readPublicKeyArmored(signer.publicKey).catch(() => null);
    if (!key || key.getFingerprint().toUpperCase() !== signer.fingerprint || key.isPrivate()) {
      refuse(`Membership version ${version.version} names a key that does not match its fingerprint: refused.`, { version: version.version });
    }
    if (!(await verifyText(key, signedText(version), version.signature))) {
      refuse(`Membership version ${version.version} is not signed by ${version.changedBy}, a current member: refused.`, { version: version.version, fingerprint: version.changedBy });
    }
    for (const member of version.members) {
      if (!/^[0-9a-f]{32}$/.test(member.memberId) || !/^[0-9A-F]{40}$/.test(member.fingerprint)) refuse('A membership version lists a malformed member: refused.', { version: version.version });
    }
    prev = versionHash(version);
    signers = version.members;
  }
}

/**
 * Of two verified chains, the one every member converges to: the one that extends the other;
 * on a fork (two changes made concurrently) the longer, then the one with the lower head hash.
 */
export function chooseChain(local: MembershipVersion[], incoming: MembershipVersion[]): MembershipVersion[] {
  const shorter = local.length <= incoming.length ? local : incoming;
  const longer = shorter === local ? incoming : local;
  const prefix = shorter.every((version, index) => versionHash(version) === versionHash(longer[index]!));
  if (prefix) return longer;
  if (local.length !== incoming.length) return longer;
  return versionHash(local.at(-1)!) <= versionHash(incoming.at(-1)!) ? local : incoming;
}
