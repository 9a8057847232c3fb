// `case.note`: Add a free-text note to the timeline.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { addNote } from './edit-case.ts';

export function noteHandler(session: CoreSession): HandlerOf<(typeof caseMethods)['case.note']> {
  return async ({ id, text }) => addNote(session.cases(), id, text);
}
