// `case.show`: One case.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { readCase, toRecord } from './case-store.ts';

export function showHandler(session: CoreSession): HandlerOf<(typeof caseMethods)['case.show']> {
  return async ({ id }) => toRecord(await readCase(session.cases(), id));
}
