import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { addPerson, listPeople, removePerson, showPerson, updatePerson } from './people.ts';

type PeopleHandlers = Pick<Handlers, 'people.list' | 'people.show' | 'people.add' | 'people.update' | 'people.remove'>;

export function peopleHandlers(session: CoreSession): PeopleHandlers {
  return {
    'people.list': async (filter) => listPeople(session, filter),
    'people.show': async ({ id }) => showPerson(session, id),
    'people.add': async (fields) => addPerson(session, fields),
    'people.update': async ({ id, ...fields }) => updatePerson(session, id, fields),
    'people.remove': async ({ id }) => removePerson(session, id),
  };
}
