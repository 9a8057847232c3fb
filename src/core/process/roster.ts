// The roster, a vault-wide encrypted document: PST members, the Fix Lead turns taken, and the
// Release Managers of each minor release ("It is the responsibility of the PST to add and
// remove Release Managers as Kubernetes minor releases created and deprecated"). Members and
// managers are never deleted, only marked removed, so past cases keep naming them.
import type { CaseRecord, LeadTurn, MinorRelease, ReleaseManager, Roster, RosterMember } from '../../shared/contract/index.ts';
import { EmbargoError, NotFoundError } from '../../shared/errors.ts';
import { mutateCase, type CaseContext } from '../cases/case-store.ts';
import { proposeFixLead } from './rotation.ts';

export interface RosterDocument extends Roster {
  schemaVersion: number;
}

export const ROSTER_DOCUMENT = 'roster';

function emptyRoster(): RosterDocument {
  return { schemaVersion: 1, members: [], leads: [], minors: [] };
}

export async function readRoster(context: CaseContext): Promise<Roster> {
  return context.mutex.run(ROSTER_DOCUMENT, async () => {
    const { schemaVersion: _version, ...roster } = (await context.vault.vaultDocument(ROSTER_DOCUMENT, emptyRoster)).data;
    return structuredClone(roster);
  });
}

/** Applies `change` to a copy of the roster and writes it; memory is restored if the write fails. */
async function changeRoster<T>(context: CaseContext, change: (roster: Roster, at: string) => { roster: Roster; result: T }): Promise<T> {
  return context.mutex.run(ROSTER_DOCUMENT, async () => {
    const store = await context.vault.vaultDocument(ROSTER_DOCUMENT, emptyRoster);
    const before = store.data;
    const { schemaVersion, ...current } = structuredClone(before);
    const { roster, result } = change(current, context.ports.now().toISOString());
    store.data = { schemaVersion, ...roster };
    try {
      await store.write();
    } catch (error) {
      store.data = before;
      throw error;
    }
    return result;
  });
}

function newId(context: CaseContext, prefix: string, taken: readonly { id: string }[]): string {
  for (;;) {
    const id = `${prefix}-${Buffer.from(context.ports.randomBytes(4)).toString('hex')}`;
    if (!taken.some((entry) => entry.id === id)) return id;
  }
}

function findMember(roster: Roster, memberId: string): RosterMember {
  const member = roster.members.find((candidate) => candidate.id === memberId);
  if (!member) throw new NotFoundError('PST member', memberId);
  return member;
}

function findMinor(roster: Roster, minor: string): MinorRelease {
  const found = roster.minors.find((candidate) => candidate.minor === minor);
  if (!found) throw new NotFoundError('minor release', minor);
  return found;
}

export async function addMember(
  context: CaseContext,
  input: { name: string; contact: string; fingerprint: string | null },
): Promise<RosterMember> {
  return changeRoster(context, (roster, at) => {
    const member: RosterMember = {
      id: newId(context, 'pst', roster.members),
      name: input.name,
      contact: input.contact,
      fingerprint: input.fingerprint,
      available: true,
      note: '',
      addedAt: at,
      removedAt: null,
    };
    return { roster: { ...roster, members: [...roster.members, member] }, result: member };
  });
}

export type MemberChanges = Partial<Pick<RosterMember, 'name' | 'contact' | 'fingerprint' | 'available' | 'note'>>;

export async function updateMember(context: CaseContext, memberId: string, changes: MemberChanges): Promise<RosterMember> {
  return changeRoster(context, (roster) => {
    const member = findMember(roster, memberId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    // Marking someone available again clears the note that explained their absence.
    const note = changes.note ?? (changes.available === true ? '' : member.note);
    const updated: RosterMember = { ...member, ...defined, note };
    return { roster: { ...roster, members: roster.members.map((m) => (m.id === memberId ? updated : m)) }, result: updated };
  });
}

export async function removeMember(context: CaseContext, memberId: string): Promise<RosterMember> {
  return changeRoster(context, (roster, at) => {
    const member = findMember(roster, memberId);
    if (member.removedAt) throw new EmbargoError('Conflict', `${member.name} already left the PST (${member.removedAt}).`, { memberId });
    const updated = { ...member, removedAt: at };
    return { roster: { ...roster, members: roster.members.map((m) => (m.id === memberId ? updated : m)) }, result: updated };
  });
}

/**
 * Records who took the Fix Lead turn for a case: the case's Fix Lead is set (a timeline event
 * naming whom the rotation proposed), then the turn is added to the roster. A case that already
 * has a Fix Lead changes hands only by a handoff, which the new lead acknowledges.
 */
export async function takeFixLead(context: CaseContext, caseId: string, memberId: string): Promise<{ turn: LeadTurn; case: CaseRecord }> {
  const roster = await readRoster(context);
  const member = findMember(roster, memberId);
  if (member.removedAt) throw new EmbargoError('NotAllowed', `${member.name} is no longer on the PST.`, { memberId });
  const proposedId = proposeFixLead(roster).proposed?.id ?? null;
  const { record, appended } = await mutateCase(
    context,
    caseId,
    (fields) => {
      if (fields.people.fixLead !== null) {
        throw new EmbargoError('Conflict', `${caseId} already has a Fix Lead (${fields.people.fixLead}); hand it over with a handoff instead.`, {
          fixLead: fields.people.fixLead,
        });
      }
      return { ...fields, people: { ...fields.people, fixLead: memberId } };
    },
    () => [{ type: 'process.fix-lead-assigned', data: { memberId, name: member.name, proposedId } }],
  );
  const at = appended[0]?.at ?? context.ports.now().toISOString();
  const turn: LeadTurn = { caseId, memberId, proposedId, at };
  await changeRoster(context, (current) => ({ roster: { ...current, leads: [...current.leads, turn] }, result: null }));
  return { turn, case: record };
}

export async function addMinor(context: CaseContext, minor: string): Promise<MinorRelease> {
  return changeRoster(context, (roster, at) => {
    if (roster.minors.some((candidate) => candidate.minor === minor)) {
      throw new EmbargoError('Conflict', `Minor release ${minor} is already on the roster.`, { minor });
    }
    const created: MinorRelease = { minor, createdAt: at, deprecatedAt: null, releaseManagers: [] };
    return { roster: { ...roster, minors: [...roster.minors, created] }, result: created };
  });
}

/** A deprecated minor keeps its history; its Release Managers are removed from the active roster. */
export async function deprecateMinor(context: CaseContext, minor: string): Promise<MinorRelease> {
  return changeRoster(context, (roster, at) => {
    const found = findMinor(roster, minor);
    if (found.deprecatedAt) throw new EmbargoError('Conflict', `Minor release ${minor} was already deprecated (${found.deprecatedAt}).`, { minor });
    const deprecated: MinorRelease = {
      ...found,
      deprecatedAt: at,
      releaseManagers: found.releaseManagers.map((manager) => (manager.removedAt ? manager : { ...manager, removedAt: at })),
    };
    return { roster: { ...roster, minors: roster.minors.map((m) => (m.minor === minor ? deprecated : m)) }, result: deprecated };
  });
}

export async function addReleaseManager(
  context: CaseContext,
  input: { minor: string; name: string; contact: string; fingerprint: string | null },
): Promise<ReleaseManager> {
  return changeRoster(context, (roster, at) => {
    const found = findMinor(roster, input.minor);
    if (found.deprecatedAt) throw new EmbargoError('NotAllowed', `Minor release ${input.minor} is deprecated; it has no Release Managers any more.`, { minor: input.minor });
    const taken = roster.minors.flatMap((m) => m.releaseManagers);
    const manager: ReleaseManager = {
      id: newId(context, 'rm', taken),
      name: input.name,
      contact: input.contact,
      fingerprint: input.fingerprint,
      addedAt: at,
      removedAt: null,
    };
    const updated = { ...found, releaseManagers: [...found.releaseManagers, manager] };
    return { roster: { ...roster, minors: roster.minors.map((m) => (m.minor === input.minor ? updated : m)) }, result: manager };
  });
}

export async function removeReleaseManager(context: CaseContext, minor: string, managerId: string): Promise<ReleaseManager> {
  return changeRoster(context, (roster, at) => {
    const found = findMinor(roster, minor);
    const manager = found.releaseManagers.find((candidate) => candidate.id === managerId);
    if (!manager) throw new NotFoundError(`Release Manager of ${minor}`, managerId);
    if (manager.removedAt) throw new EmbargoError('Conflict', `${manager.name} was already removed from ${minor}.`, { managerId });
    const removed = { ...manager, removedAt: at };
    const updated = { ...found, releaseManagers: found.releaseManagers.map((m) => (m.id === managerId ? removed : m)) };
    return { roster: { ...roster, minors: roster.minors.map((m) => (m.minor === minor ? updated : m)) }, result: removed };
  });
}

/** Display names for roster ids (members and Release Managers); anything else is shown as given. */
export function rosterNames(roster: Roster): (id: string | null | undefined) => string {
  const names = new Map<string, string>();
  for (const member of roster.members) names.set(member.id, member.name);
  for (const minor of roster.minors) for (const manager of minor.releaseManagers) names.set(manager.id, manager.name);
  return (id) => (id ? (names.get(id) ?? id) : '—');
}
