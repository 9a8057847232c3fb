// `people.show`: One person with the state of their keys.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { peopleMethods } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { showPerson } from './people.ts';

export function showHandler(session: CoreSession): HandlerOf<(typeof peopleMethods)['people.show']> {
  return async ({ id }) => showPerson(session, id);
}
