// Writing this member's state into the local sync repository: one commit on
// refs/embargo/<member id> whose tree holds only ciphertext under neutral names — "m", the
// manifest (encrypted to every member, signed by us), and per case "k<n>" (its data keys,
// wrapped to the members it is shared with) and "l<n>" (our event log, sealed with the case
// key). The commit's author, committer, date and message are the same for everyone, always.
// Records whose content did not change keep their blob (see sync-cache.ts).
import type { PrivateKey, PublicKey } from 'openpgp';
import { EmbargoError } from '../../shared/errors.ts';
import { commitTree, listRefs, presentObjects, updateRef, writeBlob, writeTree } from './git.ts';
import type { TeamMember } from './membership.ts';
import { logLabel, type CaseKeys, type Manifest, type ManifestCase } from './remote-state.ts';
import { canonicalJson, encryptToMembers, padJson, readPublicKeyArmored, sealWithKey, sha256Hex } from './team-crypto.ts';
import type { PublishedCase, PublishedRecord } from './sync-cache.ts';
import type { OnTeamSyncProgress } from './sync-progress.ts';
import { caseKey, currentMembers, type TeamCase, type TeamState } from './team-store.ts';

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
  /** What the last publish wrote, by case tag: records whose inputs did not change are reused. */
  previous: Record<string, PublishedCase>;
  onProgress?: OnTeamSyncProgress;
}

export interface Published {
  commit: string;
  /** What this state holds, for the next publish to reuse. */
  records: Record<string, PublishedCase>;
  /** Case records encrypted and written this time (the manifest aside). */
  written: number;
}

interface CasePlan {
  teamCase: TeamCase;
  index: number;
  keysDigest: string;
  logDigest: string;
}

/** The digests of what a case's two records are made of; the ciphertext is random, these are not. */
function caseDigests(team: TeamState, teamCase: TeamCase, readerPrints: string[]): { keysDigest: string; logDigest: string } {
  const record: CaseKeys = { tag: teamCase.tag, share: teamCase.share, keys: teamCase.keys };
  const keysDigest = sha256Hex(canonicalJson({ record, readers: readerPrints }));
  const label = logLabel(teamCase.tag, team.me, teamCase.epoch);
  const logDigest = sha256Hex(`${label}\n${sha256Hex(caseKey(teamCase))}\n${teamCase.own.map((event) => event.id).join('\n')}`);
  return { keysDigest, logDigest };
}

/**
 * Writes the next state (counter + 1) and moves our ref to it. The manifest (which carries the
 * counter and is signed) is new every time; a case record whose inputs did not change since the
 * last publish keeps its blob, so one new event costs one record, not the vault.
 */
export async function publishState(context: PublishContext, team: TeamState, counter: number): Promise<Published> {
  const { gitDir, signer, randomBytes, now, previous, onProgress } = context;
  const members = currentMembers(team);
  if (!members.some((member) => member.memberId === team.me)) {
    throw new EmbargoError('NotATeamMember', 'This vault’s member is no longer in the team: it cannot publish.', { memberId: team.me });
  }
  const prints = new Map(members.map((member) => [member.memberId, `${member.fingerprint}:${sha256Hex(member.publicKey)}`]));
  const parsed = new Map<string, Promise<PublicKey>>();
  const keyOf = (member: TeamMember): Promise<PublicKey> => {
    if (!parsed.has(member.memberId)) parsed.set(member.memberId, readPublicKeyArmored(member.publicKey));
    return parsed.get(member.memberId)!;
  };
  const plans: CasePlan[] = [];
  const cases = Object.values(team.cases).sort((a, b) => a.tag.localeCompare(b.tag));
  for (const [index, teamCase] of cases.entries()) {
    if (!teamCase.share.with.includes(team.me)) continue;
    const readerPrints = members.filter((member) => teamCase.share.with.includes(member.memberId)).map((member) => prints.get(member.memberId)!).sort();
    plans.push({ teamCase, index, ...caseDigests(team, teamCase, readerPrints) });
  }
  // A record is reused only if its blob is still in the sync repository.
  const reusable = await presentObjects(gitDir, plans.flatMap(({ teamCase }) => {
    const before = previous[teamCase.tag];
    return before ? [before.keys.oid, before.log.oid] : [];
  }));
  const reuse = (record: PublishedRecord | undefined, digest: string): PublishedRecord | null => (record && record.digest === digest && reusable.has(record.oid) ? record : null);
  const total = plans.reduce((sum, plan) => sum + (reuse(previous[plan.teamCase.tag]?.keys, plan.keysDigest) ? 0 : 1) + (reuse(previous[plan.teamCase.tag]?.log, plan.logDigest) ? 0 : 1), 0);
  let written = 0;
  onProgress?.({ phase: 'publish', done: 0, total });
  const entries: Record<string, string> = {};
  const listed: ManifestCase[] = [];
  const records: Record<string, PublishedCase> = {};
  for (const { teamCase, index, keysDigest, logDigest } of plans) {
    const before = previous[teamCase.tag];
    let keys = reuse(before?.keys, keysDigest);
    if (!keys) {
      const readers = await Promise.all(members.filter((member) => teamCase.share.with.includes(member.memberId)).map(keyOf));
      const record: CaseKeys = { tag: teamCase.tag, share: teamCase.share, keys: teamCase.keys };
      const wrapped = await encryptToMembers(readers, padJson(record), signer.key, now, randomBytes(32));
      keys = { digest: keysDigest, oid: await writeBlob(gitDir, wrapped), sha256: sha256Hex(wrapped) };
      written += 1;
      onProgress?.({ phase: 'publish', done: written, total });
    }
    let log = reuse(before?.log, logDigest);
    if (!log) {
      const sealedLog = sealWithKey(caseKey(teamCase), logLabel(teamCase.tag, team.me, teamCase.epoch), padJson({ events: teamCase.own }), randomBytes(12));
      log = { digest: logDigest, oid: await writeBlob(gitDir, sealedLog), sha256: sha256Hex(sealedLog) };
      written += 1;
      onProgress?.({ phase: 'publish', done: written, total });
    }
    entries[`k${index}`] = keys.oid;
    entries[`l${index}`] = log.oid;
    records[teamCase.tag] = { keys, log };
    listed.push({ tag: teamCase.tag, epoch: teamCase.epoch, keys: `k${index}`, keysSha256: keys.sha256, log: `l${index}`, logSha256: log.sha256 });
  }
  const manifest: Manifest = { format: 1, teamId: team.teamId, memberId: team.me, counter, membership: team.membership, cases: listed };
  const everyone = await Promise.all(members.map(keyOf));
  entries.m = await writeBlob(gitDir, await encryptToMembers(everyone, padJson(manifest), signer.key, now, randomBytes(32)));
  const tree = await writeTree(gitDir, entries);
  const ref = memberRef(team.me);
  const parent = (await listRefs(gitDir, ref))[ref] ?? null;
  const commit = await commitTree(gitDir, tree, parent);
  await updateRef(gitDir, ref, commit);
  return { commit, records, written };
}
