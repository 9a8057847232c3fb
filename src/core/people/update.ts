// `people.update`: Change a person; lists given replace the old ones.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { peopleMethods } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { updatePerson } from './people.ts';

export function updateHandler(session: CoreSession): HandlerOf<(typeof peopleMethods)['people.update']> {
  return async ({ id, ...fields }) => updatePerson(session, id, fields);
}
