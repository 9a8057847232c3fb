// Adding, changing and listing people. A person's keys are fingerprints: the key itself may be
// imported before or after; the view says, per key, whether mail to them can be encrypted now.
import type { Person, PersonKeyStatus, PersonRole, PersonView } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { checkRecipient } from '../keyring/recipients.ts';
import { readKeyring, type KeyringDocument } from '../keyring/store.ts';
import { mutatePeople, newId, readPeople, requirePerson } from './store.ts';

export interface PersonFields {
  name: string;
  emails: string[];
  roles: PersonRole[];
  fingerprints: string[];
  organisation: string;
  note: string;
  zone: string | null;
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function normalise(fields: Partial<PersonFields>): Partial<PersonFields> {
  const out: Partial<PersonFields> = { ...fields };
  if (fields.emails) out.emails = uniqueBy(fields.emails, (email) => email.toLowerCase());
  if (fields.roles) out.roles = [...new Set(fields.roles)];
  if (fields.fingerprints) out.fingerprints = [...new Set(fields.fingerprints)];
  return out;
}

export async function keyStatuses(keyring: KeyringDocument, fingerprints: string[], now: Date): Promise<PersonKeyStatus[]> {
  return Promise.all(
    fingerprints.map(async (fingerprint): Promise<PersonKeyStatus> => {
      const entry = keyring.keys[fingerprint];
      const check = await checkRecipient(keyring, fingerprint, now);
      return {
        fingerprint,
        inKeyring: entry !== undefined,
        verified: entry?.verifiedAt != null,
        canReceive: check.ok,
        problem: check.ok ? null : check.reason,
        warnings: check.warnings,
      };
    }),
  );
}

export async function viewPerson(keyring: KeyringDocument, person: Person, now: Date): Promise<PersonView> {
  const keys = await keyStatuses(keyring, person.fingerprints, now);
  return { ...person, keys, canReceiveEncrypted: keys.some((key) => key.canReceive) };
}

function matches(person: Person, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return [person.name, person.organisation, person.note, ...person.emails, ...person.fingerprints].some((field) => field.toLowerCase().includes(needle));
}

export async function listPeople(
  session: CoreSession,
  filter: { role?: PersonRole; query?: string; includeRemoved: boolean },
): Promise<PersonView[]> {
  const [document, keyring] = [await readPeople(session), await readKeyring(session)];
  const now = session.ports.now();
  const chosen = Object.values(document.people)
    .filter((person) => filter.includeRemoved || person.removedAt === null)
    .filter((person) => !filter.role || person.roles.includes(filter.role))
    .filter((person) => matches(person, filter.query ?? ''))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return Promise.all(chosen.map((person) => viewPerson(keyring, person, now)));
}

export async function showPerson(session: CoreSession, id: string): Promise<PersonView> {
  const person = requirePerson(await readPeople(session), id);
  return viewPerson(await readKeyring(session), person, session.ports.now());
}

export async function addPerson(session: CoreSession, fields: PersonFields): Promise<PersonView> {
  const now = session.ports.now();
  const at = now.toISOString();
  const person = await mutatePeople(session, (draft) => {
    const id = newId('person', session.ports.randomBytes, (candidate) => candidate in draft.people);
    const created: Person = { id, ...(normalise(fields) as PersonFields), createdAt: at, updatedAt: at, removedAt: null };
    draft.people[id] = created;
    return created;
  });
  return viewPerson(await readKeyring(session), person, now);
}

export async function updatePerson(session: CoreSession, id: string, fields: Partial<PersonFields>): Promise<PersonView> {
  const now = session.ports.now();
  const person = await mutatePeople(session, (draft) => {
    const current = requirePerson(draft, id);
    const defined = Object.fromEntries(Object.entries(normalise(fields)).filter(([, value]) => value !== undefined));
    const next: Person = { ...current, ...defined, updatedAt: now.toISOString() };
    draft.people[id] = next;
    return next;
  });
  return viewPerson(await readKeyring(session), person, now);
}

export async function removePerson(session: CoreSession, id: string): Promise<PersonView> {
  const now = session.ports.now();
  const person = await mutatePeople(session, (draft) => {
    const current = requirePerson(draft, id);
    const next: Person = { ...current, removedAt: current.removedAt ?? now.toISOString(), updatedAt: now.toISOString() };
    draft.people[id] = next;
    return next;
  });
  return viewPerson(await readKeyring(session), person, now);
}
