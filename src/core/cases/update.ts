// `case.update`: Edit fields of a case; each change is a timeline event.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { editCase } from './edit-case.ts';

export function updateHandler(session: CoreSession): HandlerOf<(typeof caseMethods)['case.update']> {
  return async ({ id, edits }) => editCase(session.cases(), id, edits);
}
