// `mail.reminders`: Distributors to remind: no answer (or no work reported) as the Release Date nears.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { reminders } from './acks.ts';

export function remindersHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.reminders']> {
  return async ({ caseId, withinHours, quietHours }) => reminders(session, caseId, { withinHours, quietHours });
}
