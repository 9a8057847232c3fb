// `distributors.updateMember`: Change a member's organisation, distribution, contacts, keys or note.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { updateMember } from './members.ts';

export function updateMemberHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.updateMember']> {
  return async ({ id, ...fields }) => updateMember(session, id, fields);
}
