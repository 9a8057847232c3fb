import type { HandlersOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { addMemberHandler } from './add-member.ts';
import { assessHandler } from './assess.ts';
import { criteriaHandler } from './criteria.ts';
import { decideHandler } from './decide.ts';
import { healthHandler } from './health.ts';
import { listHandler } from './list.ts';
import { openRequestHandler } from './open-request.ts';
import { recordLeakHandler } from './record-leak.ts';
import { removeMemberHandler } from './remove-member.ts';
import { requestsHandler } from './requests.ts';
import { showHandler } from './show.ts';
import { updateMemberHandler } from './update-member.ts';
import { vouchHandler } from './vouch.ts';

export function distributorHandlers(session: CoreSession): HandlersOf<typeof distributorMethods> {
  return {
    'distributors.criteria': criteriaHandler(),
    'distributors.list': listHandler(session),
    'distributors.show': showHandler(session),
    'distributors.addMember': addMemberHandler(session),
    'distributors.updateMember': updateMemberHandler(session),
    'distributors.removeMember': removeMemberHandler(session),
    'distributors.recordLeak': recordLeakHandler(session),
    'distributors.requests': requestsHandler(session),
    'distributors.openRequest': openRequestHandler(session),
    'distributors.assess': assessHandler(session),
    'distributors.vouch': vouchHandler(session),
    'distributors.decide': decideHandler(session),
    'distributors.health': healthHandler(session),
  };
}
