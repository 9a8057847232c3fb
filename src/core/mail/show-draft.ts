// `mail.showDraft`: One draft (a given version, or the latest) with its recipients’ key health and its
// attachments.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { showDraft } from './drafts.ts';

export function showDraftHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.showDraft']> {
  return async ({ caseId, draft, version }) => showDraft(session, caseId, draft, version);
}
