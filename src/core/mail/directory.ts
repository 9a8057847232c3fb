// Who is who, for the composer: cases name people by person id (person-…), by roster id
// (pst-…, rm-…) or, until the roster has them, by name only. The directory turns each into a
// display name and, where one is known, a mail address and keys.
import addressparser from 'nodemailer/lib/addressparser';
import type { Roster } from '../../shared/contract/roster.ts';
import type { Person } from '../../shared/contract/people.ts';
import type { PeopleDocument } from '../people/store.ts';

export interface DirectoryEntry {
  kind: 'person' | 'roster';
  id: string;
  name: string;
  /** Mail addresses, best first. */
  addresses: string[];
  fingerprints: string[];
  active: boolean;
}

export interface Directory {
  /** A display name for an id (or the text itself when it is a plain name). */
  name(ref: string | null | undefined): string;
  lookup(ref: string | null | undefined): DirectoryEntry | null;
  person(id: string): Person | undefined;
}

/** The mail addresses in a free-text contact field ("Ada <ada@example.org>", "ada@example.org"). */
export function addressesIn(text: string): string[] {
  try {
    return addressparser(text, { flatten: true })
      .map((entry) => entry.address.trim())
      .filter((address) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address));
  } catch {
    return [];
  }
}

export function buildDirectory(roster: Roster, people: PeopleDocument): Directory {
  const entries = new Map<string, DirectoryEntry>();
  for (const person of Object.values(people.people)) {
    entries.set(person.id, {
      kind: 'person',
      id: person.id,
      name: person.name,
      addresses: person.emails,
      fingerprints: person.fingerprints,
      active: person.removedAt === null,
    });
  }
  const fromRoster = (id: string, name: string, contact: string, fingerprint: string | null, active: boolean) =>
    entries.set(id, { kind: 'roster', id, name, addresses: addressesIn(contact), fingerprints: fingerprint ? [fingerprint] : [], active });
  for (const member of roster.members) fromRoster(member.id, member.name, member.contact, member.fingerprint, member.removedAt === null);
  for (const minor of roster.minors) {
    for (const manager of minor.releaseManagers) fromRoster(manager.id, manager.name, manager.contact, manager.fingerprint, manager.removedAt === null);
  }
  const lookup = (ref: string | null | undefined) => (ref ? (entries.get(ref) ?? null) : null);
  return {
    lookup,
    name: (ref) => (ref ? (lookup(ref)?.name ?? ref) : '—'),
    person: (id) => people.people[id],
  };
}
