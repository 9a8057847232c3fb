// `distributors.list`: Members of the list with their contacts and key health; removed members only when
// asked.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { listMembers } from './members.ts';

export function listHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.list']> {
  return async ({ includeRemoved }) => listMembers(session, includeRemoved);
}
