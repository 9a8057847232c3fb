// `case.create`: Open a case.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { createCase } from './create-case.ts';

export function createHandler(session: CoreSession): HandlerOf<(typeof caseMethods)['case.create']> {
  return async (input) => createCase(session.cases(), input);
}
