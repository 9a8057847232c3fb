// `distributors.criteria`: The nine membership criteria.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import { listCriteria } from './requests.ts';

export function criteriaHandler(): HandlerOf<(typeof distributorMethods)['distributors.criteria']> {
  return async () => listCriteria();
}
