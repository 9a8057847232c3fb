// `mail.createDraft`: A new draft from a template, filled from the case (missing variables are marked, never
// left empty).
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { createDraft } from './drafts.ts';

export function createDraftHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.createDraft']> {
  return async (input) => createDraft(session, input);
}
