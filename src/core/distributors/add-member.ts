// `distributors.addMember`: Add a founding member directly (members after the first come through a request).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { addFoundingMember } from './members.ts';

export function addMemberHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.addMember']> {
  return async (fields) => addFoundingMember(session, fields);
}
