// Members of the list: founding members added directly, the others through an accepted
// request (requests.ts). Removal keeps the member with its reason; leaks are counted per case
// and leak, so the process engine may feed the same leak again without counting it twice.
import type { DistributorMember, MemberView } from '../../shared/contract/distributors.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { readKeyring, type KeyringDocument } from '../keyring/store.ts';
import { readPeople, requirePerson, newId, type PeopleDocument } from '../people/store.ts';
import { memberHealth } from './health.ts';
import { mutateDistributors, readDistributors, requireMember, type DistributorsDocument } from './store.ts';

export async function viewMember(member: DistributorMember, people: PeopleDocument, keyring: KeyringDocument, now: Date): Promise<MemberView> {
  return {
    ...member,
    contactNames: member.contacts.map((id) => people.people[id]?.name ?? id),
    health: await memberHealth(member, people, keyring, now),
  };
}

/** Views of `members` with the current people and keyring. */
export async function viewMembers(session: CoreSession, members: DistributorMember[]): Promise<MemberView[]> {
  const [people, keyring] = [await readPeople(session), await readKeyring(session)];
  const now = session.ports.now();
  return Promise.all(members.map((member) => viewMember(member, people, keyring, now)));
}

export async function viewOne(session: CoreSession, member: DistributorMember): Promise<MemberView> {
  return (await viewMembers(session, [member]))[0]!;
}

/** Contacts must be people we know and who are active. */
export async function requireContacts(session: CoreSession, contacts: string[]): Promise<string[]> {
  const people = await readPeople(session);
  for (const id of contacts) {
    const person = requirePerson(people, id);
    if (person.removedAt) throw new EmbargoError('Conflict', `${person.name} (${id}) is no longer active and cannot be a contact.`, { id });
  }
  return [...new Set(contacts)];
}

export function newMember(
  document: DistributorsDocument,
  randomBytes: (length: number) => Uint8Array,
  fields: Pick<DistributorMember, 'organisation' | 'distribution' | 'contacts' | 'fingerprints' | 'note' | 'via' | 'requestId'>,
  at: string,
): DistributorMember {
  const sameName = Object.values(document.members).find(
    (member) => member.status === 'member' && member.organisation.toLowerCase() === fields.organisation.toLowerCase(),
  );
  if (sameName) throw new EmbargoError('Conflict', `${fields.organisation} is already a member (${sameName.id}).`, { id: sameName.id });
  const id = newId('dist', randomBytes, (candidate) => candidate in document.members);
  return { id, ...fields, joinedAt: at, status: 'member', removedAt: null, removalReason: null, leaks: [], leakCount: 0 };
}

export async function listMembers(session: CoreSession, includeRemoved: boolean): Promise<MemberView[]> {
  const document = await readDistributors(session);
  const members = Object.values(document.members)
    .filter((member) => includeRemoved || member.status === 'member')
    .sort((a, b) => a.organisation.localeCompare(b.organisation) || a.id.localeCompare(b.id));
  return viewMembers(session, members);
}

export async function showMember(session: CoreSession, id: string): Promise<MemberView> {
  return viewOne(session, requireMember(await readDistributors(session), id));
}

export interface MemberFields {
  organisation: string;
  distribution: string;
  contacts: string[];
  fingerprints: string[];
  note: string;
}

export async function addFoundingMember(session: CoreSession, fields: MemberFields): Promise<MemberView> {
  const contacts = await requireContacts(session, fields.contacts);
  const at = session.ports.now().toISOString();
  const member = await mutateDistributors(session, (draft) => {
    const created = newMember(draft, session.ports.randomBytes, { ...fields, contacts, fingerprints: [...new Set(fields.fingerprints)], via: 'founding', requestId: null }, at);
    draft.members[created.id] = created;
    return created;
  });
  return viewOne(session, member);
}

export async function updateMember(session: CoreSession, id: string, fields: Partial<MemberFields>): Promise<MemberView> {
  const contacts = fields.contacts ? await requireContacts(session, fields.contacts) : undefined;
  const member = await mutateDistributors(session, (draft) => {
    const current = requireMember(draft, id);
    const next: DistributorMember = {
      ...current,
      ...(fields.organisation !== undefined ? { organisation: fields.organisation } : {}),
      ...(fields.distribution !== undefined ? { distribution: fields.distribution } : {}),
      ...(contacts !== undefined ? { contacts } : {}),
      ...(fields.fingerprints !== undefined ? { fingerprints: [...new Set(fields.fingerprints)] } : {}),
      ...(fields.note !== undefined ? { note: fields.note } : {}),
    };
    draft.members[id] = next;
    return next;
  });
  return viewOne(session, member);
}

export async function removeMember(session: CoreSession, id: string, reason: string): Promise<MemberView> {
  const at = session.ports.now().toISOString();
  const member = await mutateDistributors(session, (draft) => {
    const current = requireMember(draft, id);
    if (current.status === 'removed') throw new EmbargoError('Conflict', `${current.organisation} was already removed on ${current.removedAt}.`, { id });
    const next: DistributorMember = { ...current, status: 'removed', removedAt: at, removalReason: reason };
    draft.members[id] = next;
    return next;
  });
  return viewOne(session, member);
}

export interface LeakReport {
  /** A member id, or the organisation's exact name (the process engine records names). */
  distributor: string;
  caseId: string;
  leakId: string;
  at?: string;
  note?: string;
}

function findMember(document: DistributorsDocument, idOrName: string): DistributorMember {
  const byId = document.members[idOrName];
  if (byId) return byId;
  const byName = Object.values(document.members).filter((member) => member.organisation.toLowerCase() === idOrName.trim().toLowerCase());
  if (byName.length === 1) return byName[0]!;
  return requireMember(document, idOrName);
}

/** Counts a leak against a member; the same (case, leak) counts once. For the process engine. */
export async function recordDistributorLeak(session: CoreSession, report: LeakReport): Promise<DistributorMember> {
  const at = report.at ?? session.ports.now().toISOString();
  if (!session.vault().index.data.cases[report.caseId]) throw new EmbargoError('NotFound', `No case with id ${report.caseId}.`, { what: 'case', id: report.caseId });
  return mutateDistributors(session, (draft) => {
    const current = findMember(draft, report.distributor);
    if (current.leaks.some((leak) => leak.caseId === report.caseId && leak.leakId === report.leakId)) return current;
    const leaks = [...current.leaks, { caseId: report.caseId, leakId: report.leakId, at, note: report.note ?? '' }];
    const next: DistributorMember = { ...current, leaks, leakCount: leaks.length };
    draft.members[current.id] = next;
    return next;
  });
}
