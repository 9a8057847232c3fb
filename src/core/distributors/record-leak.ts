// `distributors.recordLeak`: Count a leak against a member (the process engine feeds it; the same leak counts
// once).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { distributorMethods } from '../../shared/contract/distributors.ts';
import type { CoreSession } from '../session.ts';
import { recordDistributorLeak, viewOne } from './members.ts';

export function recordLeakHandler(session: CoreSession): HandlerOf<(typeof distributorMethods)['distributors.recordLeak']> {
  return async ({ id, caseId, leakId, at, note }) =>
  viewOne(session, await recordDistributorLeak(session, { distributor: id, caseId, leakId, at, note }));
}
