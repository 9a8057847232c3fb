// `mail.attachFile`: Attach a file (proof of concept, logs) to a draft; it is sealed in the vault. A new
// version.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { attachFile } from './drafts.ts';

export function attachFileHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.attachFile']> {
  return async ({ caseId, draft, ...file }) => attachFile(session, caseId, draft, file);
}
