// `distributors.openRequest`: Record a membership request with the evidence given for each criterion.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { openRequest } from './requests.ts';

export function openRequestHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.openRequest']> {
  return async (fields) => openRequest(session, fields);
}
