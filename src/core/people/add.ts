// `people.add`: Add a person.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { peopleMethods } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { addPerson } from './people.ts';

export function addHandler(session: CoreSession): HandlerOf<(typeof peopleMethods)['people.add']> {
  return async (fields) => addPerson(session, fields);
}
