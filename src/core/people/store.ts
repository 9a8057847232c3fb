// People live in one vault-wide document, sealed like every other.
import type { Person } from '../../shared/contract/people.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';

export interface PeopleDocument {
  schemaVersion: number;
  people: Record<string, Person>;
}

export const PEOPLE_DOCUMENT: DocumentSpec<PeopleDocument> = {
  name: 'people',
  initial: () => ({ schemaVersion: 1, people: {} }),
};

export function readPeople(session: CoreSession): Promise<PeopleDocument> {
  return readDocument(session, PEOPLE_DOCUMENT);
}

export function mutatePeople<R>(session: CoreSession, change: (draft: PeopleDocument) => Promise<R> | R): Promise<R> {
  return mutateDocument(session, PEOPLE_DOCUMENT, change);
}

export function requirePerson(document: PeopleDocument, id: string): Person {
  const person = document.people[id];
  if (!person) throw new EmbargoError('NotFound', `No person with id ${id}.`, { what: 'person', id });
  return person;
}

/** A fresh id with the given prefix: prefix-<8 hex>, never one already in `taken`. */
export function newId(prefix: string, randomBytes: (length: number) => Uint8Array, taken: (id: string) => boolean): string {
  for (;;) {
    const id = `${prefix}-${Buffer.from(randomBytes(4)).toString('hex')}`;
    if (!taken(id)) return id;
  }
}
