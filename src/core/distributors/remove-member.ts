// `distributors.removeMember`: Remove a member from the list, with the reason (for example repeated leaks).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { removeMember } from './members.ts';

export function removeMemberHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.removeMember']> {
  return async ({ id, reason }) => removeMember(session, id, reason);
}
