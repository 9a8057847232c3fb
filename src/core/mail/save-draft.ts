// `mail.saveDraft`: Save a draft: every save is a new version; the body is wrapped at 72 columns.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { saveDraft } from './drafts.ts';

export function saveDraftHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.saveDraft']> {
  return async ({ caseId, draft, ...changes }) => saveDraft(session, caseId, draft, changes);
}
