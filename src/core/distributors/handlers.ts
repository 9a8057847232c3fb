import type { Handlers } from '../../shared/contract/index.ts';
import type { CriterionId } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { listHealth } from './health.ts';
import { addFoundingMember, listMembers, recordDistributorLeak, removeMember, showMember, updateMember, viewOne } from './members.ts';
import { assessCriterion, decideRequest, listCriteria, listRequests, openRequest, recordVouch } from './requests.ts';

type DistributorHandlers = Pick<
  Handlers,
  | 'distributors.criteria'
  | 'distributors.list'
  | 'distributors.show'
  | 'distributors.addMember'
  | 'distributors.updateMember'
  | 'distributors.removeMember'
  | 'distributors.recordLeak'
  | 'distributors.requests'
  | 'distributors.openRequest'
  | 'distributors.assess'
  | 'distributors.vouch'
  | 'distributors.decide'
  | 'distributors.health'
>;

export function distributorHandlers(session: CoreSession): DistributorHandlers {
  return {
    'distributors.criteria': async () => listCriteria(),
    'distributors.list': async ({ includeRemoved }) => listMembers(session, includeRemoved),
    'distributors.show': async ({ id }) => showMember(session, id),
    'distributors.addMember': async (fields) => addFoundingMember(session, fields),
    'distributors.updateMember': async ({ id, ...fields }) => updateMember(session, id, fields),
    'distributors.removeMember': async ({ id, reason }) => removeMember(session, id, reason),
    'distributors.recordLeak': async ({ id, caseId, leakId, at, note }) =>
      viewOne(session, await recordDistributorLeak(session, { distributor: id, caseId, leakId, at, note })),
    'distributors.requests': async ({ open }) => listRequests(session, open),
    'distributors.openRequest': async (fields) => openRequest(session, fields),
    'distributors.assess': async ({ requestId, criterion, met, evidence }) => assessCriterion(session, requestId, criterion as CriterionId, met, evidence),
    'distributors.vouch': async ({ requestId, voucher, note }) => recordVouch(session, requestId, voucher, note),
    'distributors.decide': async ({ requestId, outcome, reason }) => decideRequest(session, requestId, outcome, reason),
    'distributors.health': async () => listHealth(session),
  };
}
