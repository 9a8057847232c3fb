// `distributors.show`: One member.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { showMember } from './members.ts';

export function showHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.show']> {
  return async ({ id }) => showMember(session, id);
}
