import type { HandlersOf } from '../../shared/contract/define.ts';
import type { caseMethods } from '../../shared/contract/cases.ts';
import type { CoreSession } from '../session.ts';
import { createHandler } from './create.ts';
import { listHandler } from './list.ts';
import { noteHandler } from './note.ts';
import { showHandler } from './show.ts';
import { timelineHandler } from './timeline.ts';
import { updateHandler } from './update.ts';

export function caseHandlers(session: CoreSession): HandlersOf<typeof caseMethods> {
  return {
    'case.create': createHandler(session),
    'case.list': listHandler(session),
    'case.show': showHandler(session),
    'case.update': updateHandler(session),
    'case.timeline': timelineHandler(session),
    'case.note': noteHandler(session),
  };
}
