// Keyring health for the list: everything sent to it is encrypted to every current member, so
// before anything is sent the app must know that each member has at least one key that can
// receive (in the keyring, verified, valid now, not weak, able to encrypt), or who cannot.
import type { DistributorMember, ListHealth, MemberHealth } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { checkRecipient } from '../keyring/recipients.ts';
import { readKeyring, type KeyringDocument } from '../keyring/store.ts';
import type { PeopleDocument } from '../people/store.ts';
import { readPeople } from '../people/store.ts';
import { readDistributors } from './store.ts';
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';

export async function memberHealth(member: DistributorMember, people: PeopleDocument, keyring: KeyringDocument, now: Date): Promise<MemberHealth> {
  const candidates: { fingerprint: string; personId: string | null }[] = member.fingerprints.map((fingerprint) => ({ fingerprint, personId: null }));
  const problems: MemberHealth['problems'] = [];
  for (const personId of member.contacts) {
    const person = people.people[personId];
    if (!person) {
      problems.push({ fingerprint: null, personId, reason: `contact ${personId} is not in the people list` });
      continue;
    }
    if (person.removedAt) {
      problems.push({ fingerprint: null, personId, reason: `${person.name} is no longer active` });
      continue;
    }
    if (person.fingerprints.length === 0) problems.push({ fingerprint: null, personId, reason: `${person.name} has no key` });
    for (const fingerprint of person.fingerprints) candidates.push({ fingerprint, personId });
  }
  const recipients: string[] = [];
  for (const candidate of candidates) {
    const check = await checkRecipient(keyring, candidate.fingerprint, now);
    if (check.ok) {
      if (!recipients.includes(candidate.fingerprint)) recipients.push(candidate.fingerprint);
    } else {
      problems.push({ fingerprint: candidate.fingerprint, personId: candidate.personId, reason: check.reason ?? 'cannot receive' });
    }
  }
  if (candidates.length === 0 && problems.length === 0) problems.push({ fingerprint: null, personId: null, reason: 'no contact and no key' });
  return { memberId: member.id, organisation: member.organisation, ok: recipients.length > 0, recipients, problems };
}

export async function listHealth(session: CoreSession): Promise<ListHealth> {
  const [document, people, keyring] = [await readDistributors(session), await readPeople(session), await readKeyring(session)];
  const now = session.ports.now();
  const current = Object.values(document.members)
    .filter((member) => member.status === 'member')
    .sort((a, b) => a.organisation.localeCompare(b.organisation));
  const members = await Promise.all(current.map((member) => memberHealth(member, people, keyring, now)));
  const cannotReceive = members
    .filter((health) => !health.ok)
    .map((health) => ({ memberId: health.memberId, organisation: health.organisation, reasons: health.problems.map((problem) => describeProblem(problem, people)) }));
  const recipients = [...new Set(members.flatMap((health) => health.recipients))];
  return { ok: cannotReceive.length === 0, members, cannotReceive, recipients };
}

function describeProblem(problem: MemberHealth['problems'][number], people: PeopleDocument): string {
  const who = problem.personId ? (people.people[problem.personId]?.name ?? problem.personId) : null;
  if (problem.fingerprint) return `${who ? `${who}: ` : ''}key ${problem.fingerprint}: ${problem.reason}`;
  return problem.reason;
}

// `distributors.health`: Can every current member receive encrypted mail? Who cannot, and why; the recipients
// of a list mail.
export function healthHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.health']> {
  return async () => listHealth(session);
}
