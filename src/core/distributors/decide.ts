// `distributors.decide`: Accept (every criterion met, vouched) or reject a request, with the reason;
// acceptance adds the member.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { decideRequest } from './requests.ts';

export function decideHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.decide']> {
  return async ({ requestId, outcome, reason }) => decideRequest(session, requestId, outcome, reason);
}
