// `team sync`: bring the other members' states in (fetch, or a bundle), verify all of them
// before anything is used, merge them into this vault (each shared case's history, the
// membership), publish this member's new state, and push it (or write a bundle). A refusal at
// any verification step leaves the vault exactly as it was. Its work follows the change: refs
// that did not move, records that did not change and cases whose logs did not grow are skipped
// (sync-cache.ts).
import { stat } from 'node:fs/promises';
import { EmbargoError } from '../../shared/errors.ts';
import type { TeamSyncResult } from '../../shared/contract/team.ts';
import type { CoreSession } from '../session.ts';
import { initBareRepository, listRefs, updateRef } from './git.ts';
import { chooseChain } from './membership.ts';
import { exportLocalEvents, materializeCase, allLogs } from './materialize-case.ts';
import { memberRef, publishState, stateDigest } from './publish-state.ts';
import { BUNDLE_SOURCE, readMemberState, type MemberState, type ReadCase } from './remote-state.ts';
import { caseFingerprint, emptySyncCache, type SyncCache } from './sync-cache.ts';
import type { OnTeamSyncProgress } from './sync-progress.ts';
import { foldCase, mergeLogs } from './team-events.ts';
import { ownKey, syncRepository } from './team-keys.ts';
import { replaceDocument } from '../keyring/vault-document.ts';
import { currentMembers, readTeamDocument, requireTeam, TEAM_DOCUMENT, type TeamCase, type TeamState } from './team-store.ts';
import { exportBundle, fetchStates, importBundle, pushOwnState } from './transport.ts';

export interface SyncInput {
  remote?: string;
  exportFile?: string;
  importFile?: string;
}

export async function ensureSyncRepository(gitDir: string): Promise<void> {
  const present = await stat(gitDir).then(() => true, () => false);
  if (!present) await initBareRepository(gitDir);
}

export function resolveRemote(team: TeamState, remote: string | undefined): string {
  if (remote && team.remotes[remote]) return team.remotes[remote];
  if (remote) return remote;
  const first = team.remotes.origin ?? Object.values(team.remotes)[0];
  if (!first) throw new EmbargoError('InvalidInput', 'No remote to sync with: give --remote, or --export/--import FILE for a bundle.');
  return first;
}

/** Merges what a member's state says about one case into our copy of it. */
function mergeCase(existing: TeamCase | undefined, from: string, read: ReadCase): TeamCase {
  const base: TeamCase = existing ?? { tag: read.tag, localCaseId: null, share: read.keys.share, keys: {}, epoch: 0, own: [], others: {}, cursor: 0 };
  const keys = { ...read.keys.keys, ...base.keys };
  const incoming = read.keys.share;
  const wins = incoming.version > base.share.version || (incoming.version === base.share.version && incoming.by < base.share.by);
  return {
    ...base,
    keys,
    share: wins ? incoming : base.share,
    epoch: Math.max(...Object.keys(keys).map(Number)),
    others: { ...base.others, [from]: read.log },
  };
}

async function verifiedStates(session: CoreSession, gitDir: string, team: TeamState, cache: SyncCache, incoming: Record<string, string>, source: string, onProgress?: OnTeamSyncProgress): Promise<MemberState[]> {
  const complete = source !== BUNDLE_SOURCE;
  const own = (await ownKey(session)).key;
  // A ref that did not move holds the state this vault already verified and merged.
  const moved = Object.entries(incoming)
    .filter(([memberId, commit]) => team.seen[memberId]?.commit !== commit)
    .sort(([a], [b]) => a.localeCompare(b));
  const states: MemberState[] = [];
  onProgress?.({ phase: 'verify', done: 0, total: moved.length });
  for (const [done, [memberId, commit]] of moved.entries()) {
    const state = await readMemberState({ gitDir, own, team, source, previous: cache.verified[memberId], onProgress }, memberId, commit);
    if (state) states.push(state);
    onProgress?.({ phase: 'verify', done: done + 1, total: moved.length });
  }
  if (complete) {
    const present = new Set(Object.keys(incoming));
    for (const member of currentMembers(team)) {
      if (team.seen[member.memberId]?.via === source && !present.has(member.memberId)) {
        throw new EmbargoError('RemoteRolledBack', `The remote no longer holds the state of member ${member.name}: its ref was deleted. Nothing was changed.`, { memberId: member.memberId });
      }
    }
  }
  return states;
}

/**
 * Folds and materialises the cases whose logs changed since the last fold (or that were never
 * folded); the others keep the conflicts that fold found. Returns the updated cases and conflicts.
 */
async function materializeChanged(
  session: CoreSession,
  team: TeamState,
  cases: Record<string, TeamCase>,
  cache: SyncCache,
  members: Parameters<typeof materializeCase>[2],
  onProgress?: OnTeamSyncProgress,
): Promise<{ casesUpdated: string[]; conflicts: TeamSyncResult['conflicts'] }> {
  const context = session.cases();
  const readable = Object.entries(cases).filter(([, teamCase]) => teamCase.share.with.includes(team.me) && teamCase.keys[String(teamCase.epoch)]);
  const stale = readable.filter(([tag, teamCase]) => cache.folded[tag]?.fingerprint !== caseFingerprint(teamCase));
  const casesUpdated: string[] = [];
  onProgress?.({ phase: 'merge', done: 0, total: stale.length });
  for (const [done, [tag, teamCase]] of stale.entries()) {
    const { teamCase: materialized, changed } = await materializeCase(context, teamCase, members);
    cases[tag] = materialized;
    if (changed && materialized.localCaseId) casesUpdated.push(materialized.localCaseId);
    cache.folded[tag] = { fingerprint: caseFingerprint(materialized), conflicts: foldCase(mergeLogs(allLogs(materialized))).conflicts.map((conflict) => conflict.field) };
    onProgress?.({ phase: 'merge', done: done + 1, total: stale.length });
  }
  const conflicts: TeamSyncResult['conflicts'] = [];
  for (const [tag] of readable) for (const field of cache.folded[tag]?.conflicts ?? []) conflicts.push({ caseId: cases[tag]!.localCaseId, field });
  return { casesUpdated, conflicts };
}

export async function syncTeam(session: CoreSession, input: SyncInput, onProgress?: OnTeamSyncProgress): Promise<TeamSyncResult> {
  return session.mutex.run('team-sync', async () => {
    const team = requireTeam(await readTeamDocument(session));
    const cache: SyncCache = structuredClone(team.syncCache ?? emptySyncCache());
    const gitDir = syncRepository(session);
    await ensureSyncRepository(gitDir);
    const signer = await ownKey(session);
    const url = input.importFile || (input.exportFile && !input.remote) ? null : resolveRemote(team, input.remote);
    onProgress?.({ phase: 'fetch', done: 0, total: 1 });
    const incoming = input.importFile ? await importBundle(gitDir, input.importFile) : url ? await fetchStates(gitDir, url) : {};
    onProgress?.({ phase: 'fetch', done: 1, total: 1 });
    const source = url ?? BUNDLE_SOURCE;
    const states = await verifiedStates(session, gitDir, team, cache, incoming, source, onProgress);

    // Everything is verified: from here on we merge.
    let membership = team.membership;
    for (const state of states) membership = chooseChain(membership, state.membership);
    const members = new Set(membership.at(-1)!.members.map((member) => member.memberId));
    const context = session.cases();
    // Local edits first, built on the heads this vault had seen when they were made: what
    // arrives now was concurrent with them. (Every step below makes new case objects; the
    // document's own are never changed in place.)
    const cases: Record<string, TeamCase> = {};
    for (const [tag, teamCase] of Object.entries(team.cases)) {
      const readable = teamCase.share.with.includes(team.me) && teamCase.keys[String(teamCase.epoch)];
      cases[tag] = readable ? await exportLocalEvents(context, teamCase, team.me) : teamCase;
    }
    const seen = { ...team.seen };
    const pulledFrom: string[] = [];
    for (const state of states) {
      if (state.memberId === team.me) cache.verified[state.memberId] = state.records;
      if (state.memberId === team.me || !members.has(state.memberId)) continue;
      if ((seen[state.memberId]?.counter ?? 0) < state.counter) pulledFrom.push(state.memberId);
      // The source that first showed a counter keeps it: a bundle repeating what the remote
      // showed must not stop the remote's own rollback from being noticed.
      const before = seen[state.memberId];
      if (!before || before.counter < state.counter) seen[state.memberId] = { counter: state.counter, commit: state.commit, via: source };
      for (const read of state.cases) cases[read.tag] = mergeCase(cases[read.tag], state.memberId, read);
      cache.verified[state.memberId] = state.records;
    }
    const { casesUpdated, conflicts } = await materializeChanged(session, team, cases, cache, membership.at(-1)!.members, onProgress);
    const merged: TeamState = { ...team, membership, cases, seen, lastSyncAt: session.ports.now().toISOString() };

    const digest = stateDigest(merged);
    const publish = digest !== team.publishedDigest || team.counter === 0;
    const counter = publish ? team.counter + 1 : team.counter;
    if (publish) {
      const published = await publishState({ gitDir, signer, randomBytes: session.ports.randomBytes, now: session.ports.now(), previous: cache.published, onProgress }, merged, counter);
      cache.published = published.records;
    }
    // What we push is our local ref, which may hold a state published during a bundle import
    // and never pushed: the remote is then told that commit, not the last one it saw from us.
    const ownCommit = (await listRefs(gitDir, memberRef(team.me)))[memberRef(team.me)] ?? null;
    for (const state of states) if (state.memberId !== team.me && members.has(state.memberId)) await updateRef(gitDir, memberRef(state.memberId), state.commit);
    // The merged state is built of new objects around the unchanged ones, so it is written
    // without the deep copy of the whole document (replaceDocument).
    await replaceDocument(session, TEAM_DOCUMENT, (current) => ({ ...current, team: { ...merged, counter, publishedDigest: digest, syncCache: cache } }));
    if (url) {
      onProgress?.({ phase: 'push', done: 0, total: 1 });
      await pushOwnState(gitDir, url, team.me);
      onProgress?.({ phase: 'push', done: 1, total: 1 });
      if (ownCommit) {
        await replaceDocument(session, TEAM_DOCUMENT, (current) => (current.team ? { ...current, team: { ...current.team, seen: { ...current.team.seen, [team.me]: { counter, commit: ownCommit, via: url } } } } : current));
      }
    }
    if (input.exportFile) {
      onProgress?.({ phase: 'export', done: 0, total: 1 });
      await exportBundle(gitDir, input.exportFile);
      onProgress?.({ phase: 'export', done: 1, total: 1 });
    }
    return { pulledFrom, casesUpdated, conflicts, published: publish, counter, exportedTo: input.exportFile ?? null };
  });
}
