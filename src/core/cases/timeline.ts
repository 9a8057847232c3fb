// `case.timeline`: The case's timeline, oldest first.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { readCase } from './case-store.ts';

export function timelineHandler(session: CoreSession): HandlerOf<(typeof caseMethods)['case.timeline']> {
  return async ({ id }) => (await readCase(session.cases(), id)).events;
}
