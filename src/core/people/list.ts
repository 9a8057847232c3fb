// `people.list`: People, optionally by role or matching text; removed people only when asked.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { peopleMethods } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { listPeople } from './people.ts';

export function listHandler(session: CoreSession): HandlerOf<(typeof peopleMethods)['people.list']> {
  return async (filter) => listPeople(session, filter);
}
