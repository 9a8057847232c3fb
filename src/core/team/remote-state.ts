// Reading the other members' states out of the local sync repository (what fetch or a bundle
// brought in), verifying everything before anything is used: the manifest decrypts and is
// signed by the member whose ref holds it, its membership chain verifies, its counter has not
// gone back, every blob matches the hash the signed manifest gives, and each case log only
// grows. Records identical to ones already verified (same blobs, same signed hashes) are not
// read again. Nothing here writes; a failure refuses the whole sync.
import type { PrivateKey } from 'openpgp';
import { EmbargoError } from '../../shared/errors.ts';
import { readBlob, readBlobs, readTree } from './git.ts';
import { verifyMembershipChain, versionHash, type MembershipVersion, type TeamMember } from './membership.ts';
import { openFromMember, openWithKey, sha256Hex } from './team-crypto.ts';
import { checkMemberLog, type TeamEvent } from './team-events.ts';
import type { VerifiedCase } from './sync-cache.ts';
import type { OnTeamSyncProgress } from './sync-progress.ts';
import type { CaseShare, TeamState } from './team-store.ts';
import { memberKeys } from './team-keys.ts';

/** The source of states read from a `git bundle` file rather than a remote. */
export const BUNDLE_SOURCE = 'bundle';

export interface ManifestCase {
  tag: string;
  epoch: number;
  keys: string;
  keysSha256: string;
  log: string;
  logSha256: string;
}

export interface Manifest {
  format: 1;
  teamId: string;
  memberId: string;
  counter: number;
  membership: MembershipVersion[];
  cases: ManifestCase[];
}

export interface CaseKeys {
  tag: string;
  share: CaseShare;
  keys: Record<string, string>;
}

export interface ReadCase {
  tag: string;
  keys: CaseKeys;
  log: TeamEvent[];
}

export interface MemberState {
  memberId: string;
  commit: string;
  counter: number;
  membership: MembershipVersion[];
  /** The cases whose records changed since the last verified state of this member, read and checked. */
  cases: ReadCase[];
  /** Every case record of this state as verified, for the next sync to skip what did not change. */
  records: Record<string, VerifiedCase>;
}

export function logLabel(tag: string, memberId: string, epoch: number): string {
  return `embargo-team-log-v1:${tag}:${memberId}:${epoch}`;
}

function tampered(message: string, data: Record<string, unknown> = {}): never {
  throw new EmbargoError('RemoteTampered', message, data);
}

function entryOid(tree: Record<string, string>, name: string): string {
  const oid = tree[name];
  if (!oid) tampered('A team state in the remote lacks a record its manifest lists: refused.', { name });
  return oid;
}

function blobChecked(blobs: Map<string, Buffer>, oid: string, name: string, sha: string): Buffer {
  const bytes = blobs.get(oid);
  if (!bytes || sha256Hex(bytes) !== sha) tampered('A record in the remote differs from what its member signed: refused.', { name });
  return bytes;
}

/** The member who holds `fingerprint` in `members`, if any. */
function memberByFingerprint(members: readonly TeamMember[], fingerprint: string): TeamMember | undefined {
  return members.find((member) => member.fingerprint === fingerprint);
}

export interface ReadContext {
  gitDir: string;
  own: PrivateKey;
  /** The remote URL the states came from, or "bundle". */
  source: string;
  team: Pick<TeamState, 'teamId' | 'me' | 'membership' | 'seen' | 'cases'>;
  /** What was verified in this member's last accepted state, by case tag. */
  previous?: Record<string, VerifiedCase>;
  onProgress?: OnTeamSyncProgress;
}

/**
 * Whether a record is exactly one already verified and merged: the same blob oids (git names
 * a blob by its content, and the fetch checked every object it brought) and the same hashes
 * under the new signed manifest. Its log is then the one this vault already holds.
 */
function unchanged(context: ReadContext, memberId: string, entry: ManifestCase, keys: string, log: string): VerifiedCase | null {
  const before = context.previous?.[entry.tag];
  if (!before || before.epoch !== entry.epoch || before.keys !== keys || before.log !== log || before.keysSha256 !== entry.keysSha256 || before.logSha256 !== entry.logSha256) return null;
  if (!before.readable) return before;
  const held = context.team.cases[entry.tag];
  const present = memberId === context.team.me ? held !== undefined : held?.others[memberId] !== undefined;
  return present ? before : null;
}

/** Reads and verifies the state a member's ref points at; null if it is not addressed to us. */
export async function readMemberState(context: ReadContext, memberId: string, commit: string): Promise<MemberState | null> {
  const { gitDir, own, team } = context;
  const tree = await readTree(gitDir, commit);
  const manifestOid = tree.m;
  if (!manifestOid) tampered('A team state in the remote has no manifest: refused.', { memberId });
  const manifestBytes = await readBlob(gitDir, manifestOid);
  const known = team.membership.at(-1)?.members ?? [];
  let opened = await openFromMember(manifestBytes, own, await memberKeys(known));
  if (opened === null) return null;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(opened.data.toString('utf8')) as Manifest;
  } catch {
    return tampered('A team manifest in the remote is not readable: refused.', { memberId });
  }
  if (manifest.format !== 1 || manifest.teamId !== team.teamId || manifest.memberId !== memberId || !Number.isSafeInteger(manifest.counter) || !Array.isArray(manifest.cases)) {
    tampered('A team manifest in the remote does not belong where it is: refused.', { memberId });
  }
  await verifyMembershipChain(team.teamId, manifest.membership);
  if (team.membership[0] && versionHash(team.membership[0]) !== versionHash(manifest.membership[0]!)) {
    throw new EmbargoError('NotATeamMember', 'A state in the remote belongs to another team (its membership has another origin): refused.', { memberId });
  }
  const theirMembers = manifest.membership.at(-1)!.members;
  const author = theirMembers.find((member) => member.memberId === memberId) ?? known.find((member) => member.memberId === memberId);
  if (!author) throw new EmbargoError('NotATeamMember', `The state under member id ${memberId} is from no member of the team: refused.`, { memberId });
  if (!opened.signedBy.includes(author.fingerprint)) {
    opened = await openFromMember(manifestBytes, own, await memberKeys([author]));
    if (!opened?.signedBy.includes(author.fingerprint) || !memberByFingerprint([author], author.fingerprint)) {
      throw new EmbargoError('NotATeamMember', `The state under member id ${memberId} is not signed by that member: refused.`, { memberId });
    }
  }
  const seen = team.seen[memberId];
  // A state older than one seen elsewhere is lag, not an attack: skip it. A bundle is a snapshot
  // of what one member had seen, so it may lag any other source; only a remote going back on
  // what it showed itself is a rollback.
  const lagging = seen && manifest.counter < seen.counter && (context.source === BUNDLE_SOURCE || seen.via !== context.source);
  if (lagging) return null;
  if (seen && (manifest.counter < seen.counter || (manifest.counter === seen.counter && commit !== seen.commit))) {
    throw new EmbargoError(
      'RemoteRolledBack',
      `The remote holds an older state of member ${author.name} (counter ${manifest.counter}; this vault has seen ${seen.counter}): the remote was rolled back or replayed. Nothing was changed.`,
      { memberId, found: manifest.counter, expected: seen.counter },
    );
  }
  const authorKey = await memberKeys([author]);
  const cases: ReadCase[] = [];
  const records: Record<string, VerifiedCase> = {};
  const changed: { entry: ManifestCase; keys: string; log: string }[] = [];
  for (const entry of manifest.cases) {
    const keys = entryOid(tree, entry.keys);
    const log = entryOid(tree, entry.log);
    const same = unchanged(context, memberId, entry, keys, log);
    if (same) records[entry.tag] = same;
    else changed.push({ entry, keys, log });
  }
  const blobs = await readBlobs(gitDir, changed.flatMap(({ keys, log }) => [keys, log]));
  context.onProgress?.({ phase: 'decrypt', done: 0, total: changed.length });
  for (const [done, { entry, keys: keysOid, log: logOid }] of changed.entries()) {
    const keysBytes = blobChecked(blobs, keysOid, entry.keys, entry.keysSha256);
    const logBytes = blobChecked(blobs, logOid, entry.log, entry.logSha256);
    const record: VerifiedCase = { epoch: entry.epoch, keys: keysOid, keysSha256: entry.keysSha256, log: logOid, logSha256: entry.logSha256, readable: false };
    const keysOpened = await openFromMember(keysBytes, own, authorKey);
    context.onProgress?.({ phase: 'decrypt', done: done + 1, total: changed.length });
    if (keysOpened === null) {
      records[entry.tag] = record; // not shared with this member: it cannot, and need not, read it
      continue;
    }
    if (!keysOpened.signedBy.includes(author.fingerprint)) tampered('A case key record in the remote is not signed by its member: refused.', { memberId });
    const keys = JSON.parse(keysOpened.data.toString('utf8')) as CaseKeys;
    const key = keys.keys[String(entry.epoch)];
    if (keys.tag !== entry.tag || !key) tampered('A case key record in the remote does not match its manifest: refused.', { memberId });
    const plain = openWithKey(Buffer.from(key, 'base64'), logLabel(entry.tag, memberId, entry.epoch), logBytes);
    const log = checkMemberLog(entry.tag, memberId, (JSON.parse(plain.toString('utf8')) as { events: unknown }).events);
    // Another member's log may only grow. This member's own log in the remote is what it last
    // published, so it may be shorter than the local one (edits not pushed yet) but must be a
    // prefix of it; a rollback of the own ref is the counter check above.
    const mine = memberId === team.me;
    const cached = (mine ? team.cases[entry.tag]?.own : team.cases[entry.tag]?.others[memberId]) ?? [];
    const rewritten = mine
      ? log.some((event, index) => index < cached.length && cached[index]?.id !== event.id)
      : log.length < cached.length || cached.some((event, index) => log[index]?.id !== event.id);
    if (rewritten) {
      throw new EmbargoError('RemoteRolledBack', `The remote holds a shorter or rewritten case history of member ${author.name}: refused. Nothing was changed.`, { memberId });
    }
    records[entry.tag] = { ...record, readable: true };
    cases.push({ tag: entry.tag, keys, log });
  }
  return { memberId, commit, counter: manifest.counter, membership: manifest.membership, cases, records };
}
