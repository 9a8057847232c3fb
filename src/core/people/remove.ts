// `people.remove`: Mark a person as no longer active (kept for the history of past cases).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { peopleMethods } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { removePerson } from './people.ts';

export function removeHandler(session: CoreSession): HandlerOf<(typeof peopleMethods)['people.remove']> {
  return async ({ id }) => removePerson(session, id);
}
