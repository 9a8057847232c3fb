// `distributors.assess`: Record the evidence for one criterion and whether it is met.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import type { CriterionId } from '../../shared/contract/distributors.ts';
import { assessCriterion } from './requests.ts';

export function assessHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.assess']> {
  return async ({ requestId, criterion, met, evidence }) => assessCriterion(session, requestId, criterion as CriterionId, met, evidence);
}
