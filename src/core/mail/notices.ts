// `mail.notices`: The notices sent to distributors on a case, with each member’s answer.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { listNotices } from './acks.ts';

export function noticesHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.notices']> {
  return async ({ caseId }) => listNotices(session, caseId);
}
