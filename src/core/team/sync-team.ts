// `team sync`: bring the other members' states in (fetch, or a bundle), verify all of them
// before anything is used, merge them into this vault (each shared case's history, the
// membership), publish this member's new state, and push it (or write a bundle). A refusal at
// any verification step leaves the vault exactly as it was.
import { stat } from 'node:fs/promises';
import { EmbargoError } from '../../shared/errors.ts';
import type { TeamSyncResult } from '../../shared/contract/team.ts';
import type { CoreSession } from '../session.ts';
import { initBareRepository, listRefs, updateRef } from './git.ts';
import { chooseChain } from './membership.ts';
import { exportLocalEvents, materializeCase, allLogs } from './materialize-case.ts';
import { memberRef, publishState, stateDigest } from './publish-state.ts';
import { BUNDLE_SOURCE, readMemberState, type MemberState, type ReadCase } from './remote-state.ts';
import { foldCase, mergeLogs } from './team-events.ts';
import { ownKey, syncRepository } from './team-keys.ts';
import { currentMembers, mutateTeamDocument, readTeamDocument, requireTeam, type TeamCase, type TeamState } from './team-store.ts';
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

async function verifiedStates(session: CoreSession, gitDir: string, team: TeamState, incoming: Record<string, string>, source: string): Promise<MemberState[]> {
  const complete = source !== BUNDLE_SOURCE;
  const own = (await ownKey(session)).key;
  const states: MemberState[] = [];
  for (const [memberId, commit] of Object.entries(incoming).sort()) {
    const state = await readMemberState({ gitDir, own, team, source }, memberId, commit);
    if (state) states.push(state);
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

export async function syncTeam(session: CoreSession, input: SyncInput): Promise<TeamSyncResult> {
  return session.mutex.run('team-sync', async () => {
    const team = requireTeam(await readTeamDocument(session));
    const gitDir = syncRepository(session);
    await ensureSyncRepository(gitDir);
    const signer = await ownKey(session);
    const url = input.importFile || (input.exportFile && !input.remote) ? null : resolveRemote(team, input.remote);
    const incoming = input.importFile ? await importBundle(gitDir, input.importFile) : url ? await fetchStates(gitDir, url) : {};
    const source = url ?? BUNDLE_SOURCE;
    const states = await verifiedStates(session, gitDir, team, incoming, source);

    // Everything is verified: from here on we merge.
    let membership = team.membership;
    for (const state of states) membership = chooseChain(membership, state.membership);
    const members = new Set(membership.at(-1)!.members.map((member) => member.memberId));
    const context = session.cases();
    // Local edits first, built on the heads this vault had seen when they were made: what
    // arrives now was concurrent with them.
    const cases: Record<string, TeamCase> = {};
    for (const [tag, teamCase] of Object.entries(structuredClone(team.cases))) {
      const readable = teamCase.share.with.includes(team.me) && teamCase.keys[String(teamCase.epoch)];
      cases[tag] = readable ? await exportLocalEvents(context, teamCase, team.me) : teamCase;
    }
    const seen = { ...team.seen };
    const pulledFrom: string[] = [];
    for (const state of states) {
      if (state.memberId === team.me || !members.has(state.memberId)) continue;
      if ((seen[state.memberId]?.counter ?? 0) < state.counter) pulledFrom.push(state.memberId);
      // The source that first showed a counter keeps it: a bundle repeating what the remote
      // showed must not stop the remote's own rollback from being noticed.
      const before = seen[state.memberId];
      if (!before || before.counter < state.counter) seen[state.memberId] = { counter: state.counter, commit: state.commit, via: source };
      for (const read of state.cases) cases[read.tag] = mergeCase(cases[read.tag], state.memberId, read);
    }
    const casesUpdated: string[] = [];
    const conflicts: TeamSyncResult['conflicts'] = [];
    for (const [tag, teamCase] of Object.entries(cases)) {
      if (!teamCase.share.with.includes(team.me) || !teamCase.keys[String(teamCase.epoch)]) continue;
      const { teamCase: materialized, changed } = await materializeCase(context, teamCase, membership.at(-1)!.members);
      cases[tag] = materialized;
      if (changed && materialized.localCaseId) casesUpdated.push(materialized.localCaseId);
      for (const conflict of foldCase(mergeLogs(allLogs(materialized))).conflicts) conflicts.push({ caseId: materialized.localCaseId, field: conflict.field });
    }
    const merged: TeamState = { ...team, membership, cases, seen, lastSyncAt: session.ports.now().toISOString() };

    const digest = stateDigest(merged);
    const publish = digest !== team.publishedDigest || team.counter === 0;
    const counter = publish ? team.counter + 1 : team.counter;
    if (publish) await publishState({ gitDir, signer, randomBytes: session.ports.randomBytes, now: session.ports.now() }, merged, counter);
    // What we push is our local ref, which may hold a state published during a bundle import
    // and never pushed: the remote is then told that commit, not the last one it saw from us.
    const ownCommit = (await listRefs(gitDir, memberRef(team.me)))[memberRef(team.me)] ?? null;
    for (const state of states) if (state.memberId !== team.me && members.has(state.memberId)) await updateRef(gitDir, memberRef(state.memberId), state.commit);
    await mutateTeamDocument(session, (draft) => {
      draft.team = { ...merged, counter, publishedDigest: digest };
    });
    if (url) {
      await pushOwnState(gitDir, url, team.me);
      if (ownCommit) {
        await mutateTeamDocument(session, (draft) => {
          if (draft.team) draft.team.seen[team.me] = { counter, commit: ownCommit, via: url };
        });
      }
    }
    if (input.exportFile) await exportBundle(gitDir, input.exportFile);
    return { pulledFrom, casesUpdated, conflicts, published: publish, counter, exportedTo: input.exportFile ?? null };
  });
}
