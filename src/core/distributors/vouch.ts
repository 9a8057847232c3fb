// `distributors.vouch`: Record who vouches for the request: a contact of a current member (criterion 9).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { recordVouch } from './requests.ts';

export function vouchHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.vouch']> {
  return async ({ requestId, voucher, note }) => recordVouch(session, requestId, voucher, note);
}
